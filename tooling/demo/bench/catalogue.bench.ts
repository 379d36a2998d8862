// Whole-catalogue benchmark: prints figures, asserts nothing. Run: pnpm --filter @kpi/demo bench
// Each scale runs in its own child process so that peak memory is per scale.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { catalogue, createEvaluator } from "@kpi/catalogue";
import { previousPeriod, samePeriodLastYear, shiftPeriod, type Window } from "@kpi/core";
import { demoCoverage } from "../src/demo-coverage.js";
import { generateDemoAuthority } from "../src/generate.js";

interface Result {
  scale: number;
  records: number;
  generateMs: number;
  floorMs: number;
  catalogueMs: number;
  evaluations: number;
  peakRssMb: number;
}

const SCALES = [1, 10, 50];
const WINDOWS: Window[] = ["quarter", "ytd"];

/** One plain pass over every record reading every field: the floor any evaluation must pay. */
function floorPass(records: Record<string, readonly object[]>): number {
  let total = 0;
  for (const list of Object.values(records))
    for (const r of list) for (const v of Object.values(r)) total += v === null ? 0 : String(v).length;
  return total;
}

/** CPU milliseconds (user + system) used by this process so far: steadier than wall time on a busy machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function runScale(scale: number): Result {
  let t = performance.now();
  const records = generateDemoAuthority({ scale });
  const generateMs = performance.now() - t;
  const count = Object.values(records).reduce((n, list) => n + list.length, 0);

  t = cpuMs();
  const sink = floorPass(records as unknown as Record<string, readonly object[]>);
  const floorMs = cpuMs() - t;

  t = cpuMs();
  const evaluator = createEvaluator(catalogue, records, { coverage: demoCoverage() });
  const latest = evaluator.latestQuarterWithData();
  let evaluations = 0;
  if (latest !== null) {
    const quarters = Array.from({ length: 8 }, (_, i) => shiftPeriod(latest, i - 7));
    for (const { id } of evaluator.definitions())
      for (const window of WINDOWS)
        for (const q of quarters) {
          const periods = [q, previousPeriod(q, window), samePeriodLastYear(q)];
          for (const p of periods) {
            if (p === null) continue;
            evaluator.evaluate(id, p, window);
            evaluations += 1;
          }
        }
  }
  const catalogueMs = cpuMs() - t;
  if (sink < 0) console.log(sink);
  return {
    scale,
    records: count,
    generateMs,
    floorMs,
    catalogueMs,
    evaluations,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function main(): void {
  const child = process.argv.indexOf("--scale");
  if (child >= 0) {
    process.stdout.write(`${JSON.stringify(runScale(Number(process.argv[child + 1])))}\n`);
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const results: Result[] = [];
  for (const scale of SCALES) {
    const run = spawnSync(process.execPath, [...process.execArgv, self, "--scale", String(scale)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) {
      console.error(`scale ×${scale} failed:\n${run.stderr}`);
      process.exitCode = 1;
      return;
    }
    results.push(JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as Result);
  }
  const fmt = (n: number, d = 0) =>
    n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });
  const rows = results.map((r) => [
    `×${r.scale}`,
    fmt(r.records),
    fmt(r.generateMs / 1000, 2),
    fmt(r.floorMs, 1),
    fmt(r.catalogueMs, 1),
    fmt(r.evaluations),
    fmt(r.records / (r.catalogueMs / 1000)),
    fmt(r.peakRssMb),
    fmt(r.catalogueMs / r.floorMs, 1),
  ]);
  const header = [
    "scale",
    "records",
    "generate s",
    "floor CPU ms",
    "catalogue CPU ms",
    "evaluations",
    "records/s",
    "peak RSS MB",
    "catalogue/floor",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  const first = results[0];
  const last = results.at(-1);
  if (first && last) {
    const growth = last.catalogueMs / last.records / (first.catalogueMs / first.records);
    console.log(
      `\ngrowth: time per record at ×${last.scale} is ${fmt(growth, 2)}× that at ×${first.scale} (linear = 1, goal ≤ 1); catalogue/floor goal ≤ 10`,
    );
  }
}

main();
