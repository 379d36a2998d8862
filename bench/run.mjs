#!/usr/bin/env node
// `pnpm bench`: every benchmark side by side in one run. Prints figures, asserts nothing, writes
// bench/results/latest.json and the Markdown tables into docs/performance.md between the markers
// (a --quick or --only run writes bench/results/quick.json instead and leaves the docs alone).
//
//   node bench/run.mjs            full run (catalogue ×1/×10/×50, ingestion and reports at ×1)
//   node bench/run.mjs --quick    CI size (catalogue ×1, shorter load phases)
//   options: --only catalogue,validation,ingest,reports,portal,import,published   --no-build   --profile (API under --cpu-prof)
//
// PostgreSQL: DATABASE_URL (a superuser URL; the bench creates and drops its own databases) or else a
// throw-away cluster on 127.0.0.1:54331 (needs initdb, as .ci/lib/postgres.sh). Load only on loopback.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { api, cpuSeconds, repoRoot, rssMb, startApi } from "./lib/api-server.mjs";
import { closedLoop } from "./lib/load.mjs";
import { portalFigures } from "./lib/portal.mjs";
import { startThrowawayPostgres } from "./lib/postgres.mjs";
import { publishedBench } from "./published.mjs";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const profile = args.includes("--profile");
const onlyArg = args.find((a) => a.startsWith("--only"));
const only = onlyArg
  ? new Set((onlyArg.includes("=") ? onlyArg.split("=")[1] : args[args.indexOf(onlyArg) + 1]).split(","))
  : null;
const wants = (part) => only === null || only.has(part);
const requireApi = createRequire(join(repoRoot, "apps/api/package.json"));

const fmt = (n, d = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? "–"
    : n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });
const log = (line = "") => process.stdout.write(`${line}\n`);
const tables = [];
/** Tables measured early but shown after the ones they depend on (the portal after the API's). */
const deferredTables = [];
/** Prints a table and keeps it for docs/performance.md. */
function table(title, header, rows, notes = []) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? "").length)));
  log(`\n${title}`);
  log(header.map((h, i) => h.padStart(widths[i])).join("  "));
  for (const r of rows) log(r.map((c, i) => String(c).padStart(widths[i])).join("  "));
  for (const n of notes) log(n);
  const md = [
    `### ${title}`,
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    ...notes.map((n) => `${n}  `),
  ];
  tables.push(md.join("\n"));
}
/** "met" or by how much a goal is missed. */
function goal(value, target, higherIsBetter, unit = "") {
  if (value === null || Number.isNaN(value)) return "not measured";
  const ok = higherIsBetter ? value >= target : value <= target;
  if (ok) return "met";
  const by = higherIsBetter ? target - value : value - target;
  return `MISSED by ${fmt(by, 2)}${unit}`;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    startedAt: new Date().toISOString(),
    quick,
  };
}

// ---------------------------------------------------------------------------------------- catalogue
function catalogueBench(scales) {
  const results = [];
  for (const scale of scales) {
    log(`catalogue ×${scale} …`);
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "bench/catalogue.bench.ts", "--scale", String(scale)],
      { cwd: join(repoRoot, "tooling/demo"), encoding: "utf8", maxBuffer: 1 << 22 },
    );
    if (run.status !== 0) {
      log(`  ×${scale} failed: ${run.stderr.split("\n").slice(0, 3).join(" ")}`);
      results.push({ scale, failed: true });
      continue;
    }
    results.push(JSON.parse(run.stdout.trim().split("\n").at(-1)));
  }
  const ok = results.filter((r) => !r.failed);
  const first = ok[0];
  const last = ok.at(-1);
  const growth =
    first && last && last !== first
      ? last.catalogueMs / last.records / (first.catalogueMs / first.records)
      : null;
  const worstRatio = Math.max(...ok.map((r) => r.catalogueMs / r.floorMs));
  table(
    "Catalogue evaluation (every indicator × 2 windows × 8 quarters × 3 comparison periods)",
    [
      "scale",
      "records",
      "floor CPU ms",
      "catalogue CPU ms",
      "evaluations",
      "records/s",
      "peak RSS MB",
      "catalogue/floor",
    ],
    ok.map((r) => [
      `×${r.scale}`,
      fmt(r.records),
      fmt(r.floorMs, 1),
      fmt(r.catalogueMs, 1),
      fmt(r.evaluations),
      fmt(r.records / (r.catalogueMs / 1000)),
      fmt(r.peakRssMb),
      fmt(r.catalogueMs / r.floorMs, 1),
    ]),
    [
      `catalogue/floor worst ${fmt(worstRatio, 1)} (goal ≤ 10): ${goal(worstRatio, 10, false)}`,
      growth === null
        ? "growth: one scale only (quick run)"
        : `growth: CPU per record at ×${last.scale} is ${fmt(growth, 2)}× that at ×${first.scale} (goal ≤ 1, linear): ${goal(growth, 1.1, false)} (10% noise allowance)`,
    ],
  );
  return { results, growth, worstRatio };
}

// ---------------------------------------------------------------------------------------- validation
/** The batch validator in process over the demo authority ×1 (tooling/demo/bench/validation.bench.ts). */
function validationBench() {
  log("batch validation …");
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "bench/validation.bench.ts", "--json", "--rounds", quick ? "3" : "9"],
    { cwd: join(repoRoot, "tooling/demo"), encoding: "utf8", maxBuffer: 1 << 22 },
  );
  if (run.status !== 0) {
    log(`  failed: ${run.stderr.split("\n").slice(0, 3).join(" ")}`);
    return { failed: true };
  }
  const result = JSON.parse(run.stdout.trim().split("\n").at(-1));
  const names = { json: "valid JSON", csv: "valid CSV", invalid: "invalid JSON (one message each)" };
  table(
    `Batch validation in process (demo authority ×1, every dataset; ${result.rounds} passes, the first warms V8)`,
    ["rows", "count", "first pass CPU ms", "median CPU ms", "best CPU ms", "µs per row (median)"],
    result.parts.map((p) => [
      names[p.part],
      fmt(p.rows),
      fmt(p.firstMs, 1),
      fmt(p.medianMs, 1),
      fmt(p.bestMs, 1),
      fmt((1000 * p.medianMs) / p.rows, 2),
    ]),
  );
  return result;
}

// ---------------------------------------------------------------------------------------- stores
async function loadCatalogue() {
  return import(pathToFileURL(join(repoRoot, "packages/catalogue/dist/index.js")).href);
}

async function pgAdmin() {
  const url = process.env.DATABASE_URL;
  if (url)
    return {
      admin: url,
      url: (db) => Object.assign(new URL(url), { pathname: `/${db}` }).toString(),
      stop() {},
    };
  log("starting a throw-away PostgreSQL on 127.0.0.1:54331 …");
  return startThrowawayPostgres({ port: 54331 });
}

async function sqlOn(url, text) {
  const pg = requireApi("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** Starts the API on one store; returns the server, its admin token and a cleanup. */
async function apiOn(store, cluster) {
  const adminToken = `bench-admin-${randomBytes(12).toString("hex")}`;
  const dataDir = mkdtempSync(join(os.tmpdir(), "kpi-bench-data-"));
  let dbName = null;
  // The background report warm-up (decision 118) is off: the reports phase measures the report as built
  // on request after a batch ("cold"), and no warm-up competes with the ingestion phase.
  const env = { KPI_DATA_DIR: dataDir, KPI_ADMIN_TOKEN: adminToken, KPI_REPORT_WARMUP_MS: "0" };
  if (store === "postgres") {
    // BENCH_DB_PREFIX names the databases on a shared server (default kpi_bench_).
    dbName = `${process.env.BENCH_DB_PREFIX ?? "kpi_bench_"}${randomBytes(4).toString("hex")}`;
    await sqlOn(cluster.admin, `CREATE DATABASE ${dbName}`);
    env.DATABASE_URL = cluster.url(dbName);
    env.KPI_PSEUDONYM_KEY = "bench-pseudonym-key-0123456789";
  }
  const nodeArgs = profile
    ? [
        "--cpu-prof",
        "--cpu-prof-dir",
        join(repoRoot, "bench/results/profiles"),
        "--cpu-prof-name",
        `api-${store}-${Date.now()}.cpuprofile`,
      ]
    : [];
  const server = await startApi(env, nodeArgs);
  return {
    server,
    adminToken,
    dbUrl: env.DATABASE_URL,
    async close() {
      await server.stop("SIGTERM");
      if (dbName !== null) await sqlOn(cluster.admin, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function orgWithTokens(port, adminToken, id) {
  const created = await api(port, adminToken, "POST", "/v1/organisations", JSON.stringify({ id, name: id }));
  if (created.status !== 201) throw new Error(`creating organisation ${id}: ${created.status}`);
  const tokens = {};
  for (const role of ["ingest", "read"]) {
    const r = await api(
      port,
      adminToken,
      "POST",
      "/v1/tokens",
      JSON.stringify({ name: `${id}-${role}`, role, organisation: id }),
    );
    if (r.status !== 201) throw new Error(`token ${role}: ${r.status}`);
    tokens[role] = r.json.token;
  }
  return tokens;
}

/** Request bodies per dataset in each format, built before any timing. */
function bodies(catalogue, records) {
  const out = [];
  for (const dataset of catalogue.datasetNames) {
    const rows = records[dataset];
    if (!rows || rows.length === 0) continue;
    const fields = catalogue.datasets[dataset].fields.map((f) => f.name);
    out.push({
      dataset,
      count: rows.length,
      csv: catalogue.toCsv(fields, rows),
      json: JSON.stringify({ records: rows }),
    });
  }
  return out;
}

async function ingestAll(port, token, batches, format) {
  const contentType = format === "csv" ? "text/csv" : "application/json";
  let received = 0;
  for (const b of batches) {
    const r = await api(port, token, "POST", `/v1/datasets/${b.dataset}/records`, b[format], contentType);
    if (r.status !== 200) throw new Error(`${format} ${b.dataset}: ${r.status} ${r.json?.error?.code ?? ""}`);
    received += r.json.received;
  }
  return received;
}

/** The COPY ceiling: the same rows (key + JSON data) into a table like `records`, by psql \copy. */
function copyCsv(catalogue, records, organisationId) {
  const lines = [];
  for (const dataset of catalogue.datasetNames)
    for (const row of records[dataset] ?? [])
      lines.push(
        catalogue
          .toCsv(
            ["o", "d", "k", "j", "b"],
            [
              {
                o: organisationId,
                d: dataset,
                k: catalogue.recordKey(dataset, row),
                j: JSON.stringify(row),
                b: "copy",
              },
            ],
          )
          .split("\r\n")[1],
      );
  return `${lines.join("\n")}\n`;
}

async function copyCeilingPostgres(dbUrl, csvFile, rows) {
  await sqlOn(
    dbUrl,
    "DROP TABLE IF EXISTS copy_records; CREATE TABLE copy_records (LIKE records INCLUDING ALL)",
  );
  const t = performance.now();
  execFileSync(
    "psql",
    [
      dbUrl,
      "-q",
      "-v",
      "ON_ERROR_STOP=1",
      "-c",
      `\\copy copy_records (organisation_id, dataset, key, data, batch_id) FROM '${csvFile}' WITH (FORMAT csv)`,
    ],
    { stdio: "pipe" },
  );
  const seconds = (performance.now() - t) / 1000;
  const n = Number((await sqlOn(dbUrl, "SELECT count(*)::int AS n FROM copy_records")).rows[0].n);
  if (n !== rows) throw new Error(`COPY stored ${n} of ${rows} rows`);
  await sqlOn(dbUrl, "DROP TABLE copy_records");
  return rows / seconds;
}

async function copyCeilingPglite(csvText, rows) {
  const { PGlite } = await import(pathToFileURL(requireApi.resolve("@electric-sql/pglite")).href);
  const dir = mkdtempSync(join(os.tmpdir(), "kpi-bench-pglite-"));
  const db = await PGlite.create(join(dir, "pglite"));
  try {
    await db.exec(`CREATE TABLE copy_records (organisation_id text NOT NULL, dataset text NOT NULL, key text NOT NULL,
      data jsonb NOT NULL, batch_id text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organisation_id, dataset, key))`);
    const t = performance.now();
    await db.query(
      "COPY copy_records (organisation_id, dataset, key, data, batch_id) FROM '/dev/blob' WITH (FORMAT csv)",
      [],
      {
        blob: new Blob([csvText]),
      },
    );
    const seconds = (performance.now() - t) / 1000;
    const n = (await db.query("SELECT count(*)::int AS n FROM copy_records")).rows[0].n;
    if (n !== rows) throw new Error(`COPY stored ${n} of ${rows} rows`);
    return rows / seconds;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------- ingestion + reports
async function storeBench(store, cluster, batches, copyText, copyFile) {
  const totalRows = batches.reduce((n, b) => n + b.count, 0);
  const out = { store, rows: totalRows, formats: {} };
  const running = await apiOn(store, cluster);
  const { server, adminToken } = running;
  out.startMs = server.startMs;
  try {
    let reportOrg = null;
    for (const format of ["csv", "json"]) {
      const org = `bench-${format}`;
      const tokens = await orgWithTokens(server.port, adminToken, org);
      const cpu0 = cpuSeconds(server.pid);
      const t = performance.now();
      const received = await ingestAll(server.port, tokens.ingest, batches, format);
      const seconds = (performance.now() - t) / 1000;
      const cpu = cpuSeconds(server.pid) - cpu0;
      out.formats[format] = { received, seconds, recordsPerSecond: received / seconds, apiCpuSeconds: cpu };
      log(
        `  ${store} ${format}: ${fmt(received)} records in ${fmt(seconds, 1)} s (API CPU ${fmt(cpu, 1)} s)`,
      );
      reportOrg = tokens;
    }
    const copyRps =
      store === "postgres"
        ? await copyCeilingPostgres(running.dbUrl, copyFile, totalRows)
        : await copyCeilingPglite(copyText, totalRows);
    out.copyRecordsPerSecond = copyRps;
    log(`  ${store} COPY ceiling: ${fmt(copyRps)} records/s`);

    // Reports: the first after the last batch (cold: loads every record and builds the evaluator), then warm.
    const path = "/v1/reports/FY2019-20-Q2";
    const headers = { authorization: `Bearer ${reportOrg.read}` };
    const cpu0 = cpuSeconds(server.pid);
    let t = performance.now();
    const cold = await api(server.port, reportOrg.read, "GET", path);
    out.coldReportMs = performance.now() - t;
    out.coldReportCpuMs = (cpuSeconds(server.pid) - cpu0) * 1000;
    if (cold.status !== 200) throw new Error(`report: ${cold.status}`);
    t = performance.now();
    await api(server.port, reportOrg.read, "GET", path);
    out.warmReportMs = performance.now() - t;
    out.reportBytes = cold.bytes;
    log(
      `  ${store} cold report ${fmt(out.coldReportMs)} ms (API CPU ${fmt(out.coldReportCpuMs)} ms), warm ${fmt(out.warmReportMs, 1)} ms, ${fmt(cold.bytes)} bytes`,
    );
    if (store === "postgres") {
      const seconds = quick ? 3 : 15;
      const cpuA = cpuSeconds(server.pid);
      out.reportLoad = await closedLoop({
        port: server.port,
        path,
        headers,
        connections: 50,
        seconds,
        warmupSeconds: 1,
      });
      out.reportLoad.apiCpuSeconds = cpuSeconds(server.pid) - cpuA;
      out.reportLoad.apiRssMb = rssMb(server.pid);
      const bodyFile = join(os.tmpdir(), `kpi-bench-report-${process.pid}.json`);
      writeFileSync(bodyFile, JSON.stringify(cold.json));
      out.bareLoad = await bareRoute(bodyFile, path, seconds);
      rmSync(bodyFile, { force: true });
      log(`  reports: ${fmt(out.reportLoad.rps)} req/s vs bare ${fmt(out.bareLoad.rps)} req/s`);
      if (wants("portal"))
        out.portal = await portalFigures(
          { log, table: (...a) => deferredTables.push(a), fmt },
          { port: server.port, readToken: reportOrg.read },
          quick,
        );
    }
  } catch (error) {
    const exited = server.child.exitCode ?? server.child.signalCode;
    const why =
      exited === null
        ? ""
        : ` (the API exited: ${exited}; ${
            server
              .stderr()
              .split("\n")
              .find((l) => l.trim()) ?? ""
          })`;
    throw new Error(`${store}: ${error.message}${why}`);
  } finally {
    await running.close();
  }
  return out;
}

async function bareRoute(bodyFile, path, seconds) {
  const child = spawn(process.execPath, [join(repoRoot, "bench/bare-server.mjs"), bodyFile], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /:(\d+)\s*$/m.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (c) => reject(new Error(`bare server exited ${c}`)));
  });
  try {
    const cpuA = cpuSeconds(child.pid);
    const r = await closedLoop({ port, path, connections: 50, seconds, warmupSeconds: 1 });
    r.apiCpuSeconds = cpuSeconds(child.pid) - cpuA;
    return r;
  } finally {
    child.kill("SIGTERM");
  }
}

function storeTables(stores) {
  const rows = [];
  for (const s of stores) {
    for (const format of ["csv", "json"]) {
      const f = s.formats[format];
      if (!f) continue;
      rows.push([
        s.store === "postgres" ? "PostgreSQL" : "embedded (PGlite)",
        format.toUpperCase(),
        fmt(f.received),
        fmt(f.seconds, 1),
        fmt(f.apiCpuSeconds, 1),
        fmt(f.recordsPerSecond),
        fmt(s.copyRecordsPerSecond),
        `${fmt((100 * f.recordsPerSecond) / s.copyRecordsPerSecond)}%`,
        goal((100 * f.recordsPerSecond) / s.copyRecordsPerSecond, 40, true, " points"),
      ]);
    }
  }
  table(
    "HTTP ingestion (demo authority ×1, every dataset, one batch each, into an empty organisation) vs raw COPY",
    [
      "store",
      "format",
      "records",
      "wall s",
      "API CPU s",
      "records/s",
      "COPY records/s",
      "of COPY",
      "goal ≥ 40%",
    ],
    rows,
    [
      "COPY: psql `\\copy` (PostgreSQL) or `COPY … FROM '/dev/blob'` (PGlite) of the same rows (key + JSON) into a table like `records`, primary key included.",
    ],
  );
  const cold = stores.map((s) => [
    s.store === "postgres" ? "PostgreSQL" : "embedded (PGlite)",
    fmt(s.coldReportMs),
    fmt(s.coldReportCpuMs),
    fmt(s.warmReportMs, 1),
    fmt(s.reportBytes),
    fmt(s.startMs),
  ]);
  table(
    "Reports: the first after a batch (cold) and the next (warm)",
    ["store", "cold ms", "cold API CPU ms", "warm ms", "bytes", "API start ms"],
    cold,
  );
  const pg = stores.find((s) => s.reportLoad);
  if (pg) {
    const ratio = (100 * pg.reportLoad.rps) / pg.bareLoad.rps;
    const row = (name, r) => [
      name,
      fmt(r.requests),
      fmt(r.rps),
      fmt(r.p50, 1),
      fmt(r.p99, 1),
      fmt(r.apiCpuSeconds, 1),
      fmt(r.errors),
    ];
    table(
      "GET /v1/reports/FY2019-20-Q2 at 50 concurrent connections (warm, PostgreSQL) vs a bare Fastify route with the same bytes",
      ["server", "requests", "req/s", "p50 ms", "p99 ms", "server CPU s", "errors"],
      [row("API", pg.reportLoad), row("bare route", pg.bareLoad)],
      [
        `API / bare: ${fmt(ratio)}% (goal ≥ 30%): ${goal(ratio, 30, true, " points")}. The load generator shares the 2 cores with the server.`,
      ],
    );
  }
}

// ---------------------------------------------------------------------------------------- 903 import
/**
 * The SSDA903 import of data-to-insight's fake return (5,050 episodes, 12,582 reviews) through the CLI,
 * against the floor of just reading and parsing its files: the same decoding and CSV reading the import
 * does (`@kpi/imports`), in this process, best of three. Goal: the CLI under 4× the floor.
 */
async function importBench(cluster) {
  const imports = await import(pathToFileURL(join(repoRoot, "packages/imports/dist/index.js")).href);
  const folder = join(repoRoot, "packages/imports/test/fixtures/ssda903/d2i-fake");
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".csv"))
    .map((f) => ({ path: f, bytes: readFileSync(join(folder, f)) }));
  let rows = 0;
  let parseMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    rows = 0;
    for (const f of files) {
      const decoded = imports.decodeText(f.bytes);
      const table = imports.readCsvTable(f.path, decoded.text);
      rows += table.rows.length;
    }
    parseMs = Math.min(parseMs, performance.now() - t);
  }
  const out = { rows, parseMs, stores: [] };
  for (const store of process.env.BENCH_SKIP_PGLITE ? ["postgres"] : ["postgres", "pglite"]) {
    const running = await apiOn(store, cluster);
    try {
      const tokens = await orgWithTokens(running.server.port, running.adminToken, `bench-903-${store}`);
      const runs = [];
      for (let i = 0; i < 2; i++) {
        const t = performance.now();
        const cli = spawnSync(
          process.execPath,
          [
            ...(profile
              ? [
                  "--cpu-prof",
                  "--cpu-prof-dir",
                  join(repoRoot, "bench/results/profiles"),
                  "--cpu-prof-name",
                  `cli-903-${store}-${i}-${Date.now()}.cpuprofile`,
                ]
              : []),
            join(repoRoot, "packages/client/dist/cli.js"),
            "import",
            "ssda903",
            ...files.map((f) => join(folder, f.path)),
            "--year",
            "2017-18",
            "--json",
          ],
          {
            encoding: "utf8",
            maxBuffer: 1 << 26,
            env: {
              ...process.env,
              KPI_API_URL: `http://127.0.0.1:${running.server.port}`,
              KPI_TOKEN: tokens.ingest,
            },
          },
        );
        const ms = performance.now() - t;
        if (cli.status !== 0)
          throw new Error(
            `kpi import ssda903 exited ${cli.status}: ${cli.stderr.slice(0, 300)} ${cli.stdout.slice(0, 600)}`,
          );
        const report = JSON.parse(cli.stdout);
        const written = report.written.reduce((n, w) => n + w.received, 0);
        runs.push({ ms, written, inserted: report.written.reduce((n, w) => n + w.inserted, 0) });
        log(
          `  903 import via the CLI (${store}, ${i === 0 ? "first" : "again, unchanged"}): ${fmt(ms)} ms, ${fmt(written)} records`,
        );
      }
      out.stores.push({ store, runs });
    } finally {
      await running.close();
    }
  }
  log(`  903 files read and parsed: ${fmt(rows)} rows in ${fmt(parseMs)} ms`);
  table(
    "SSDA903 import of data-to-insight's fake return (every table, 2017-18) through `kpi import ssda903`, vs reading and parsing its files",
    ["store", "run", "records written", "CLI wall ms", "read + parse ms", "CLI / read + parse", "goal < 4×"],
    out.stores.flatMap((s) =>
      s.runs.map((r, i) => [
        s.store === "postgres" ? "PostgreSQL" : "embedded (PGlite)",
        i === 0 ? "into an empty organisation" : "the same return again",
        fmt(r.written),
        fmt(r.ms),
        fmt(out.parseMs),
        `${fmt(r.ms / out.parseMs, 1)}×`,
        goal(r.ms / out.parseMs, 4, false, "×"),
      ]),
    ),
    [
      "CLI wall time: `node packages/client/dist/cli.js import ssda903 … --json` from process start to exit (upload, the API's decoding, mapping and one-transaction write, the report). Read + parse: `decodeText` + `readCsvTable` of the same 11 files in one process, best of three.",
    ],
  );
  return out;
}

// ---------------------------------------------------------------------------------------- main
async function main() {
  const m = machine();
  log(
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, load average ${m.loadAverage.join(" / ")}`,
  );
  if (!args.includes("--no-build")) {
    log("building @kpi/api and its packages …");
    execFileSync(
      "pnpm",
      [
        "exec",
        "turbo",
        "run",
        "build",
        "--filter=@kpi/api...",
        "--filter=@kpi/client",
        "--output-logs=errors-only",
      ],
      { cwd: repoRoot, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
    );
  }
  mkdirSync(join(repoRoot, "bench/results"), { recursive: true });
  const results = { machine: m };
  const t0 = performance.now();

  if (wants("catalogue")) results.catalogue = catalogueBench(quick ? [1] : [1, 10, 50]);
  if (wants("validation")) results.validation = validationBench();

  if (wants("ingest") || wants("reports")) {
    const catalogue = await loadCatalogue();
    const demo = await import(pathToFileURL(join(repoRoot, "tooling/demo/dist/index.js")).href);
    const records = demo.generateDemoAuthority({});
    const batches = bodies(catalogue, records);
    const total = batches.reduce((n, b) => n + b.count, 0);
    const copyText = copyCsv(catalogue, records, "default");
    const copyFile = join(os.tmpdir(), `kpi-bench-copy-${process.pid}.csv`);
    writeFileSync(copyFile, copyText, { mode: 0o644 });
    log(`\ningestion and reports: ${fmt(total)} records of the demo authority ×1`);
    const cluster = await pgAdmin();
    try {
      results.stores = [];
      results.stores.push(await storeBench("postgres", cluster, batches, copyText, copyFile));
      if (!process.env.BENCH_SKIP_PGLITE)
        results.stores.push(await storeBench("pglite", cluster, batches, copyText, copyFile));
    } finally {
      cluster.stop();
      rmSync(copyFile, { force: true });
    }
    storeTables(results.stores);
    for (const a of deferredTables.splice(0)) table(...a);
  }

  if (wants("import")) {
    log("\n903 import of the fake return");
    const cluster = await pgAdmin();
    try {
      results.import = await importBench(cluster);
    } finally {
      cluster.stop();
    }
  }

  if (wants("published")) {
    log("\nDfE's published statistics");
    results.published = await publishedBench({ log, table, fmt, repoRoot, quick });
  }

  if (wants("portal") && !(wants("ingest") || wants("reports"))) {
    results.portal = await portalFigures({ log, table, fmt }, null, quick);
  } else if (results.stores) {
    results.portal = results.stores.find((s) => s.portal)?.portal;
  }

  results.seconds = (performance.now() - t0) / 1000;
  results.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
  // A quick run (CI) keeps its figures apart, so the documented full run is not overwritten.
  const out = quick || only !== null ? "bench/results/quick.json" : "bench/results/latest.json";
  writeFileSync(join(repoRoot, out), `${JSON.stringify(results, null, 2)}\n`);
  // In the repository's own format, so `biome ci` accepts the committed file.
  spawnSync("pnpm", ["exec", "biome", "format", "--write", out], { cwd: repoRoot, stdio: "ignore" });
  if (out === "bench/results/latest.json") writeDocs(m, results);
  log(
    `\nwritten ${out}${out.endsWith("latest.json") ? " and docs/performance.md" : ""} (${fmt(results.seconds)} s)`,
  );
}

function writeDocs(m, results) {
  const file = join(repoRoot, "docs/performance.md");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  let doc;
  try {
    doc = readFileSync(file, "utf8");
  } catch {
    doc = `# Performance\n\n${start}\n${end}\n`;
  }
  if (!doc.includes(start) || !doc.includes(end)) doc = `${doc.trimEnd()}\n\n${start}\n${end}\n`;
  const body = [
    start,
    "",
    `Measured ${m.startedAt.slice(0, 16).replace("T", " ")} UTC${quick ? " (quick run)" : ""} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverage.join(" / ")}, at end ${results.loadAverageAtEnd.join(" / ")}. Whole run ${fmt(results.seconds)} s.`,
    "",
    ...tables.map((t) => `${t}\n`),
    end,
  ].join("\n");
  doc = doc.slice(0, doc.indexOf(start)) + body + doc.slice(doc.indexOf(end) + end.length);
  writeFileSync(file, doc);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.message}\n`);
  process.exitCode = 1;
});
