// `pnpm bench --only published`: importing DfE's published files for every authority against just
// reading them. Goal (issue 14): importing LAIT's long table and the CSVs for all authorities takes
// less than 3× the time of reading the files.
//
// - reading: every file's bytes from disk, decoded and parsed — each CSV with csv-parse (the importer's
//   readCsvTable), LAIT's Parquet table with hyparquet (every row and column), the neighbour workbook
//   with exceljs — and nothing else;
// - importing: readPublishedFiles (the same reading, recognising each file and mapping its figures by
//   the catalogue's table), then for every authority of the neighbour list publishedImport (England,
//   region, neighbours' mean, median and members, rank and band) and the local validation of its
//   records by the benchmarks and populations schemas, as `kpi import published --dry-run` does. The
//   HTTP posting of each authority's records is the ingestion bench's subject, not this one.
//
// The files: KPI_DFE_PUBLISHED, else ../shared/data/dfe-published beside the checkout (the full
// downloads), else the trimmed test fixtures (said in the table's note).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

function publishedDir(repoRoot) {
  const candidates = [
    process.env.KPI_DFE_PUBLISHED,
    resolve(repoRoot, "../shared/data/dfe-published"),
    resolve(repoRoot, "../../shared/data/dfe-published"),
  ].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return { dir: c, full: true };
  return { dir: join(repoRoot, "packages/imports/test/fixtures/dfe-published"), full: false };
}

function filesUnder(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (/\.(csv|parquet|xlsx)$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/**
 * Runs the published-statistics bench: prints the table and returns the figures.
 *
 * @param ctx - `{ log, table, fmt, repoRoot, quick }` from bench/run.mjs
 * @returns seconds to read, seconds to import, their ratio and the sizes
 */
export async function publishedBench({ log, table, fmt, repoRoot, quick }) {
  const imports = await import(pathToFileURL(join(repoRoot, "packages/imports/dist/index.js")).href);
  const catalogue = await import(pathToFileURL(join(repoRoot, "packages/catalogue/dist/index.js")).href);
  const requireImports = createRequire(join(repoRoot, "packages/imports/package.json"));
  const hyparquet = await import(pathToFileURL(requireImports.resolve("hyparquet")).href);
  const ExcelJS = requireImports("exceljs");

  const { dir, full } = publishedDir(repoRoot);
  // sn_model_2025_wide.csv last: the neighbour list used is the last given.
  const paths = filesUnder(dir).sort(
    (a, b) => Number(a.endsWith("sn_model_2025_wide.csv")) - Number(b.endsWith("sn_model_2025_wide.csv")),
  );
  const bytes = paths.reduce((n, p) => n + statSync(p).size, 0);
  log(`published statistics: ${paths.length} files, ${fmt(bytes / 1e6, 1)} MB from ${dir}`);

  async function readOnly() {
    let rows = 0;
    for (const p of paths) {
      const data = new Uint8Array(readFileSync(p));
      if (p.endsWith(".parquet")) {
        const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
        rows += (await hyparquet.parquetReadObjects({ file: buffer })).length;
      } else if (p.endsWith(".xlsx")) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(data);
        rows += wb.worksheets[0]?.rowCount ?? 0;
      } else {
        const text = imports.decodeText(data);
        const t = imports.readCsvTable(p, text.ok ? text.text : "");
        rows += t.ok ? t.rows.length : 0;
      }
    }
    return rows;
  }

  async function importAll() {
    const files = paths.map((p) => ({
      name: p.slice(dir.length + 1),
      bytes: new Uint8Array(readFileSync(p)),
    }));
    const read = await imports.readPublishedFiles(files);
    if (!read.ok) throw new Error(read.problem);
    let benchmarks = 0;
    let authorities = 0;
    for (const [code, neighbours] of read.neighbours?.neighbours ?? []) {
      const authority = catalogue.findAuthority(code);
      if (authority === null) continue;
      const result = imports.publishedImport(read, {
        oldCode: code,
        regionCode: authority.regionCode,
        neighbours,
      });
      for (const [dataset, records] of [
        ["benchmarks", result.benchmarks],
        ["populations", result.populations],
      ]) {
        const validator = catalogue.createBatchValidator(dataset, { format: "json" });
        for (const r of records) validator.push(r);
        const { issueCount } = validator.finish();
        if (issueCount > 0) throw new Error(`${code}: ${issueCount} invalid ${dataset} records`);
      }
      benchmarks += result.benchmarks.length;
      authorities += 1;
    }
    return { benchmarks, authorities, figures: read.figures.length };
  }

  const runs = quick ? 1 : 3;
  const readTimes = [];
  const importTimes = [];
  let rows = 0;
  let outcome = null;
  await readOnly(); // warm: module loading and JIT are not the files' cost
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    rows = await readOnly();
    readTimes.push((performance.now() - t) / 1000);
    t = performance.now();
    outcome = await importAll();
    importTimes.push((performance.now() - t) / 1000);
  }
  const readS = median(readTimes);
  const importS = median(importTimes);
  const ratio = importS / readS;
  table(
    "DfE's published statistics: import for every authority against reading the files",
    [
      "files",
      "MB",
      "rows read",
      "read (s)",
      "import (s)",
      "authorities",
      "benchmarks",
      "import ÷ read",
      "goal < 3×",
    ],
    [
      [
        paths.length,
        fmt(bytes / 1e6, 1),
        fmt(rows),
        fmt(readS, 2),
        fmt(importS, 2),
        fmt(outcome.authorities),
        fmt(outcome.benchmarks),
        `${fmt(ratio, 2)}×`,
        ratio < 3 ? "met" : `MISSED by ${fmt(ratio - 3, 2)}×`,
      ],
    ],
    [
      `Median of ${runs} run${runs === 1 ? "" : "s"}. Reading: bytes, decoding and parsing only (csv-parse, hyparquet, exceljs). Import: recognising and mapping every file, then each authority's benchmarks and populations, validated by the dataset schemas (as \`kpi import published --dry-run\`); posting is not timed.`,
      ...(full ? [] : ["The full downloads were not found: measured on the trimmed test fixtures."]),
    ],
  );
  return {
    files: paths.length,
    bytes,
    rows,
    readSeconds: readS,
    importSeconds: importS,
    ratio,
    ...outcome,
    full,
  };
}
