// Throughput of @kpi/core's hot statistics and working-day functions. Run after a build:
//   pnpm --filter @kpi/core build && pnpm --filter @kpi/core bench
// Prints operations per second; no assertions (speed is measured here, never in tests).
import { performance } from "node:perf_hooks";
import * as core from "../dist/index.js";

const MIN_MS = 300;
/** A small deterministic generator (mulberry32) so runs are comparable. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn(i)` over and over for at least MIN_MS and returns operations per second. */
function measure(fn) {
  let sink = 0;
  for (let i = 0; i < 1000; i++) sink += fn(i) ? 1 : 0; // warm-up
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (let i = 0; i < 1000; i++) sink += fn(ops + i) ? 1 : 0;
    ops += 1000;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink);
  return (ops / elapsed) * 1000;
}

const random = generator(20191002);
const N = 4096;
const proportions = Array.from({ length: N }, () => {
  const n = 1 + Math.floor(random() * 2000);
  return [Math.floor(random() * (n + 1)), n];
});
const smallCounts = Array.from({ length: N }, () => Math.floor(random() * 10));
const largeCounts = Array.from({ length: N }, () => 10 + Math.floor(random() * 5000));

const rows = [];
rows.push([
  "proportionInterval (Wilson, 95%)",
  measure((i) => {
    const [x, n] = proportions[i % N];
    return core.proportionInterval(x, n).upper;
  }),
]);
rows.push([
  "rateInterval, count < 10 (exact Poisson)",
  measure((i) => core.rateInterval(smallCounts[i % N], 104_000).upper),
]);
rows.push([
  "rateInterval, count ≥ 10 (Byar)",
  measure((i) => core.rateInterval(largeCounts[i % N], 104_000).upper),
]);
rows.push([
  "rateInterval, count < 10 at 99.8%",
  measure((i) => core.rateInterval(smallCounts[i % N], 104_000, { confidence: 0.998 }).upper),
]);

if (typeof core.workingDaysBetween === "function" && typeof core.toDayNumber === "function") {
  const first = core.toDayNumber("2016-01-01");
  const last = core.toDayNumber("2024-12-31");
  const spans = Array.from({ length: N }, () => {
    const a = first + Math.floor(random() * (last - first + 1));
    const b = first + Math.floor(random() * (last - first + 1));
    return [core.fromDayNumber(Math.min(a, b)), core.fromDayNumber(Math.max(a, b))];
  });
  rows.push([
    "workingDaysBetween, random spans 2016–2024",
    measure((i) => {
      const [start, end] = spans[i % N];
      return core.workingDaysBetween(start, end);
    }),
  ]);
} else {
  rows.push(["workingDaysBetween (not in this build)", Number.NaN]);
}

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${"operation".padEnd(width)}  ops/s`);
console.log(`${"-".repeat(width)}  ${"-".repeat(12)}`);
for (const [name, rate] of rows) {
  const shown = Number.isNaN(rate) ? "—" : Math.round(rate).toLocaleString("en-GB");
  console.log(`${name.padEnd(width)}  ${shown.padStart(12)}`);
}
