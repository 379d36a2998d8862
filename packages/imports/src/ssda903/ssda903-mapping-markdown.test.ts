import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ssda903MappingMarkdown } from "./ssda903-mapping-markdown.js";
import { ssda903Tables } from "./ssda903-tables.js";

describe("ssda903MappingMarkdown", () => {
  const text = ssda903MappingMarkdown();

  it("lists every table and every column of the 903", () => {
    for (const { mapping } of ssda903Tables) {
      expect(text).toContain(`## \`${mapping.table}\` → \`${mapping.dataset}\``);
      for (const c of mapping.columns) expect(text).toContain(`| \`${c.column}\` |`);
    }
    expect(text).toContain("| `HOME_POST` | not imported |");
  });

  it("is what docs/ssda903.md holds (regenerate: pnpm --filter @kpi/imports exec tsx scripts/write-ssda903-doc.ts)", () => {
    const path = fileURLToPath(new URL("../../../../docs/ssda903.md", import.meta.url));
    expect(readFileSync(path, "utf8")).toBe(text);
  });
});
