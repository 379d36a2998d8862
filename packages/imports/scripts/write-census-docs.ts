// Writes docs/cin-census.md and docs/workforce-census.md from the census mappings.
// Run: pnpm --filter @kpi/imports exec tsx scripts/write-census-docs.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cinMappingMarkdown } from "../src/cin/cin-mapping-markdown.js";
import { workforceMappingMarkdown } from "../src/workforce/workforce-mapping-markdown.js";

for (const [name, text] of [
  ["cin-census.md", cinMappingMarkdown()],
  ["workforce-census.md", workforceMappingMarkdown()],
] as const) {
  const target = fileURLToPath(new URL(`../../../docs/${name}`, import.meta.url));
  writeFileSync(target, text);
  process.stdout.write(`Wrote ${target}\n`);
}
