// Writes docs/indicators.md from the catalogue. Run: pnpm --filter @kpi/catalogue exec tsx scripts/generate-indicators-doc.ts
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogueDefinitions, findIndicator } from "../src/indicators/catalogue.js";
import { renderIndicatorsDoc } from "../src/indicators/indicators-doc.js";
import { reportSections } from "../src/indicators/sections.js";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "..", "..", "docs", "indicators.md");
writeFileSync(
  target,
  renderIndicatorsDoc(catalogueDefinitions(), reportSections, (id) => findIndicator(id)?.formula.reads ?? []),
);
console.log(`Wrote ${target}`);
