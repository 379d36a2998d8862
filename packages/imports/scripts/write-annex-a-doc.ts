// Writes docs/annex-a.md from the Annex A lists. Run: pnpm --filter @kpi/imports exec tsx scripts/write-annex-a-doc.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { annexAMappingMarkdown } from "../src/annex-a/annex-a-mapping-markdown.js";

const target = fileURLToPath(new URL("../../../docs/annex-a.md", import.meta.url));
writeFileSync(target, annexAMappingMarkdown());
process.stdout.write(`Wrote ${target}\n`);
