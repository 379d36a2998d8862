// Records what the batch validator says about the message corpus (src/datasets/message-corpus.fixture.ts)
// into src/datasets/message-corpus.fixture.txt, which the corpus test compares byte for byte. Record
// only when a change of messages is intended (say so in the commit), or for a dataset the file lacks.
// Run: pnpm --filter @kpi/catalogue exec tsx scripts/record-message-corpus.ts [dataset …]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { corpusSections, corpusText } from "../src/datasets/message-corpus.fixture.js";
import { isDatasetName } from "../src/datasets/registry.js";
import { type DatasetName, datasetNames } from "../src/datasets/schemas.js";

const file = fileURLToPath(new URL("../src/datasets/message-corpus.fixture.txt", import.meta.url));
const asked = process.argv.slice(2);
for (const name of asked)
  if (!isDatasetName(name)) {
    console.error(`record-message-corpus: no dataset '${name}'`);
    process.exit(2);
  }
const chosen = new Set<DatasetName>(asked.length > 0 ? (asked as DatasetName[]) : datasetNames);
let kept = new Map<DatasetName, string>();
try {
  kept = corpusSections(readFileSync(file, "utf8"));
} catch {
  // no corpus yet: record every dataset
}
const text = datasetNames
  .map((d) => (chosen.has(d) || !kept.has(d) ? corpusText([d]) : `# ${d}\n${kept.get(d)}`))
  .join("");
writeFileSync(file, text);
console.log(
  `recorded ${[...chosen].join(", ")} into ${file} (${text.length.toLocaleString("en-GB")} characters)`,
);
