import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { annexALists } from "./annex-a-lists.js";
import { annexAListTableMarkdown, annexAMappingMarkdown } from "./annex-a-mapping-markdown.js";

const doc = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../docs/${name}`, import.meta.url)), "utf8");

describe("annexAMappingMarkdown", () => {
  const text = annexAMappingMarkdown();

  it("lists every list and every column it knows", () => {
    for (const l of annexALists) {
      expect(text).toContain(`## List ${l.list}: ${l.title}`);
      for (const c of l.columns) expect(text).toContain(`| ${c.heading} |`);
    }
    expect(text).toContain("| Allocated Worker | not imported |");
  });

  it("is what docs/annex-a.md holds (regenerate: pnpm --filter @kpi/imports exec tsx scripts/write-annex-a-doc.ts)", () => {
    expect(doc("annex-a.md")).toBe(text);
  });

  it("gives docs/ingestion.md its table of the lists", () => {
    expect(doc("ingestion.md")).toContain(annexAListTableMarkdown().join("\n"));
  });
});
