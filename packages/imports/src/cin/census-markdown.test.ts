import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { workerMapping, workforceMessageElements } from "../workforce/workforce-census.js";
import { workforceMappingMarkdown } from "../workforce/workforce-mapping-markdown.js";
import { cinMappingMarkdown } from "./cin-mapping-markdown.js";
import { cinHeaderElements, cinTables } from "./cin-tables.js";

const docs = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../docs/${name}`, import.meta.url)), "utf8");

describe("the census pages (regenerate: pnpm --filter @kpi/imports exec tsx scripts/write-census-docs.ts)", () => {
  it("docs/cin-census.md lists every module and element of the CIN census and is what the mappings say", () => {
    const text = cinMappingMarkdown();
    for (const e of cinHeaderElements) expect(text).toContain(`| \`${e.column}\` |`);
    for (const t of cinTables) {
      expect(text).toContain(`## \`<${t.table}>\` → \`${t.dataset}\``);
      for (const c of t.columns) expect(text).toContain(`| \`${c.column}\` |`);
    }
    expect(text).toContain("| `UPN` | not imported |");
    expect(text).toContain("| `11A` Child sexual exploitation | `CSE` |");
    expect(docs("cin-census.md")).toBe(text);
  });

  it("docs/workforce-census.md lists every element of the workforce census and is what the mapping says", () => {
    const text = workforceMappingMarkdown();
    for (const c of [...workforceMessageElements, ...workerMapping.columns])
      expect(text).toContain(`| \`${c.column}\` |`);
    expect(docs("workforce-census.md")).toBe(text);
  });
});
