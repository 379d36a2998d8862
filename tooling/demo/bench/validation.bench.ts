// Batch validation benchmark: prints figures, asserts nothing. `node bench/run.mjs --only validation`
// runs it; alone: pnpm --filter @kpi/demo exec tsx bench/validation.bench.ts [--rounds 7] [--json]
// (--json: one JSON line with the figures, for bench/run.mjs).
// The demo authority ×1 (every dataset), validated row by row as ingestion does (one batch validator
// per dataset and round), as parsed JSON and as parsed CSV text; and a set of invalid rows (each valid
// row with one field broken), which take the path that writes messages. CPU milliseconds of this
// process (steadier than wall time on a shared machine); the first round is V8 warming up.
import { datasetNames, datasets, parseCsv, toCsv, validateRecords } from "@kpi/catalogue";
import { generateDemoAuthority } from "../src/generate.js";

const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 7;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const records = generateDemoAuthority({});
const inputs = datasetNames
  .map((dataset) => {
    const rows = records[dataset] as readonly Record<string, unknown>[];
    const fields = datasets[dataset].fields.map((f) => f.name);
    const csv = parseCsv(toCsv(fields, rows));
    if (!csv.ok) throw new Error(`${dataset}: ${csv.error}`);
    // Every row of every dataset with its first non-key field replaced by an object (wrong in JSON and
    // CSV alike): every row invalid, one message each. At most 2,000 rows per dataset.
    const broken = fields.find((f) => !datasets[dataset].key.includes(f)) ?? fields[0] ?? "";
    const invalid = rows.slice(0, 2000).map((r) => ({ ...r, [broken]: { wrong: true } }));
    return { dataset, json: JSON.parse(JSON.stringify(rows)) as unknown[], csv: csv.rows, invalid };
  })
  .filter((i) => i.json.length > 0);
const total = inputs.reduce((n, i) => n + i.json.length, 0);
const invalidTotal = inputs.reduce((n, i) => n + i.invalid.length, 0);

type Part = "json" | "csv" | "invalid";
const times: Record<Part, number[]> = { json: [], csv: [], invalid: [] };
let sink = 0;
for (let round = 0; round < rounds; round++) {
  for (const part of ["json", "csv", "invalid"] as const) {
    const t = cpuMs();
    for (const input of inputs) {
      const format = part === "csv" ? "csv" : "json";
      const result = validateRecords(input.dataset, input[part], { format });
      sink += result.ok ? result.records.length : result.issueCount;
    }
    times[part].push(cpuMs() - t);
  }
}
if (sink < 0) console.log(sink);

const fmt = (n: number, d = 0) =>
  n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const header = ["rows", "count", "first round CPU ms", "median CPU ms", "best CPU ms", "µs per row (median)"];
if (process.argv.includes("--json")) {
  const parts = (["json", "csv", "invalid"] as const).map((part) => ({
    part,
    rows: part === "invalid" ? invalidTotal : total,
    firstMs: times[part][0] ?? Number.NaN,
    medianMs: median(times[part]),
    bestMs: Math.min(...times[part]),
  }));
  console.log(JSON.stringify({ rounds, parts }));
  process.exit(0);
}
const rows = (["json", "csv", "invalid"] as const).map((part) => {
  const n = part === "invalid" ? invalidTotal : total;
  const xs = times[part];
  return [
    part === "invalid" ? "invalid (JSON)" : `valid ${part.toUpperCase()}`,
    fmt(n),
    fmt(xs[0] ?? Number.NaN, 1),
    fmt(median(xs), 1),
    fmt(Math.min(...xs), 1),
    fmt((1000 * median(xs)) / n, 2),
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
console.log(`batch validation, demo authority ×1, ${rounds} rounds`);
console.log(line(header));
for (const r of rows) console.log(line(r));
