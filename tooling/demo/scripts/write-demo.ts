// Writes the demonstration authority's records, one file per dataset (contacts.csv, …), for ingestion
// scripts, the CLI and benchmarks. The data is fictional and deterministic.
// Run: pnpm --filter @kpi/demo exec tsx scripts/write-demo.ts --out <dir> [--scale N] [--seed N] [--format csv|ndjson]
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { datasetNames, datasets, toCsv } from "@kpi/catalogue";
import { DEFAULT_DEMO_SEED, generateDemoAuthority } from "../src/generate.js";

const USAGE = "usage: tsx scripts/write-demo.ts --out <dir> [--scale N] [--seed N] [--format csv|ndjson]";
const CHUNK = 20_000;

function fail(message: string): never {
  console.error(`write-demo: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    options: {
      out: { type: "string" },
      scale: { type: "string", default: "1" },
      seed: { type: "string", default: String(DEFAULT_DEMO_SEED) },
      format: { type: "string", default: "csv" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
}
try {
  parsed = parseOptions();
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.out) fail("--out is required");
const scale = Number(values.scale);
const seed = Number(values.seed);
const format = values.format;
if (!(Number.isFinite(scale) && scale > 0)) fail(`--scale must be a positive number (got '${values.scale}')`);
if (!Number.isInteger(seed)) fail(`--seed must be an integer (got '${values.seed}')`);
if (format !== "csv" && format !== "ndjson") fail(`--format must be csv or ndjson (got '${format}')`);

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const started = performance.now();
const data = generateDemoAuthority({ scale, seed });
const generatedMs = performance.now() - started;

let total = 0;
for (const dataset of datasetNames) {
  const rows = data[dataset] as unknown as Record<string, unknown>[];
  const file = join(out, `${dataset}.${format}`);
  const fd = openSync(file, "w");
  try {
    if (format === "csv") {
      const fields = datasets[dataset].fields.map((f) => f.name);
      if (rows.length === 0) writeSync(fd, toCsv(fields, []));
      for (let i = 0; i < rows.length; i += CHUNK) {
        const text = toCsv(fields, rows.slice(i, i + CHUNK));
        // Every chunk starts with the header line; keep it only for the first.
        writeSync(fd, i === 0 ? text : text.slice(text.indexOf("\r\n") + 2));
      }
    } else {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const lines = rows.slice(i, i + CHUNK).map((r) => JSON.stringify(r));
        writeSync(fd, `${lines.join("\n")}\n`);
      }
    }
  } finally {
    closeSync(fd);
  }
  total += rows.length;
  console.log(`${dataset.padEnd(20)} ${String(rows.length).padStart(9)}  ${file}`);
}
console.log(
  `Wrote ${total} records (scale ${scale}, seed ${seed}, ${format}) in ${Math.round(performance.now() - started)} ms ` +
    `(generation ${Math.round(generatedMs)} ms).`,
);
