// Writes docs/ssda903.md from the 903 mappings. Run: pnpm --filter @kpi/imports exec tsx scripts/write-ssda903-doc.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ssda903MappingMarkdown } from "../src/ssda903/ssda903-mapping-markdown.js";

const target = fileURLToPath(new URL("../../../docs/ssda903.md", import.meta.url));
writeFileSync(target, ssda903MappingMarkdown());
process.stdout.write(`Wrote ${target}\n`);
