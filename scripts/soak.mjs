#!/usr/bin/env node
// `pnpm soak`: N minutes of mixed ingestion and reads at a fixed rate against the built API on
// PostgreSQL. Prints, per minute, requests, errors and p50/p99 latency of reads and writes, and the API
// process's RSS at start and end with its slope. Exits 1 when any request failed (goal: 0 errors).
//
//   node scripts/soak.mjs [--minutes 10] [--reads-per-second 20] [--batch-every-seconds 5] [--no-build]
//
// PostgreSQL: DATABASE_URL (a superuser URL; a database is created and dropped) or else a throw-away
// cluster on 127.0.0.1:54332 (needs initdb, as .ci/lib/postgres.sh). Load only on loopback.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { api, cpuSeconds, repoRoot, rssMb, startApi } from "../bench/lib/api-server.mjs";
import { openLoop, quantile, send } from "../bench/lib/load.mjs";
import { startThrowawayPostgres } from "../bench/lib/postgres.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const minutes = option("minutes", 10);
const readRate = option("reads-per-second", 20);
const batchEvery = option("batch-every-seconds", 5);
const batchRows = 500;
const keySpace = 5_000; // batches upsert over a fixed set of keys, so the data does not grow
const log = (line = "") => process.stdout.write(`${line}\n`);
const fmt = (n, d = 0) =>
  n === null || Number.isNaN(n)
    ? "–"
    : n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });
const requireApi = createRequire(join(repoRoot, "apps/api/package.json"));

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

/** Least-squares slope of (x, y) points. */
function slope(points) {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return num / den;
}

async function main() {
  if (!(minutes > 0)) throw new Error("--minutes must be a positive number");
  log(
    `soak: ${minutes} min, ${readRate} reads/s, a ${batchRows}-row batch every ${batchEvery} s; ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}`,
  );
  if (!args.includes("--no-build")) {
    execFileSync(
      "pnpm",
      ["exec", "turbo", "run", "build", "--filter=@kpi/api...", "--output-logs=errors-only"],
      {
        cwd: repoRoot,
        stdio: "inherit",
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      },
    );
  }
  const cluster = process.env.DATABASE_URL
    ? {
        admin: process.env.DATABASE_URL,
        url: (db) => Object.assign(new URL(process.env.DATABASE_URL), { pathname: `/${db}` }).toString(),
        stop() {},
      }
    : await startThrowawayPostgres({ port: 54332 });
  const dbName = `kpi_soak_${randomBytes(4).toString("hex")}`;
  const dataDir = mkdtempSync(join(os.tmpdir(), "kpi-soak-"));
  const adminToken = `soak-admin-${randomBytes(12).toString("hex")}`;
  let server = null;
  try {
    await sqlOn(cluster.admin, `CREATE DATABASE ${dbName}`);
    server = await startApi({
      DATABASE_URL: cluster.url(dbName),
      KPI_PSEUDONYM_KEY: "soak-pseudonym-key-0123456789",
      KPI_DATA_DIR: dataDir,
      KPI_ADMIN_TOKEN: adminToken,
    });
    const { port, pid } = server;

    // A baseline: the demo authority at a fifth of its size, loaded before the clock starts.
    const catalogue = await import(pathToFileURL(join(repoRoot, "packages/catalogue/dist/index.js")).href);
    const demo = await import(pathToFileURL(join(repoRoot, "tooling/demo/dist/index.js")).href);
    const records = demo.generateDemoAuthority({ scale: 0.2 });
    let loaded = 0;
    for (const dataset of catalogue.datasetNames) {
      if (records[dataset].length === 0) continue;
      const r = await api(
        port,
        adminToken,
        "POST",
        `/v1/datasets/${dataset}/records`,
        JSON.stringify({ records: records[dataset] }),
      );
      if (r.status !== 200) throw new Error(`baseline ${dataset}: ${r.status}`);
      loaded += r.json.received;
    }
    const tokens = {};
    for (const role of ["read", "ingest"]) {
      const r = await api(
        port,
        adminToken,
        "POST",
        "/v1/tokens",
        JSON.stringify({ name: `soak-${role}`, role }),
      );
      tokens[role] = r.json.token;
    }
    const indicators = await api(port, tokens.read, "GET", "/v1/indicators");
    const indicatorId = (indicators.json.indicators ?? indicators.json)[0]?.id;
    const reads = [
      "/v1/reports/FY2019-20-Q2",
      "/v1/indicators",
      "/v1/batches?limit=20",
      `/v1/indicators/${encodeURIComponent(indicatorId)}/values?window=quarter`,
      `/v1/indicators/${encodeURIComponent(indicatorId)}`,
    ];
    await api(port, tokens.read, "GET", reads[0]); // build the first evaluator before measuring
    log(`baseline: ${fmt(loaded)} records; API up in ${fmt(server.startMs)} ms`);

    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const t0 = performance.now();
    const minuteOf = () => Math.floor((performance.now() - t0) / 60_000);
    const perMinute = [];
    const bucket = (m) => {
      perMinute[m] ??= { reads: [], writes: [], errors: 0, statuses: {} };
      return perMinute[m];
    };
    const record = (kind) => (r) => {
      const b = bucket(Math.min(minuteOf(), Math.ceil(minutes) - 1));
      b[kind].push(r.ms);
      b.statuses[r.status] = (b.statuses[r.status] ?? 0) + 1;
      if (r.status !== 200) b.errors += 1;
    };
    const rss = [[0, rssMb(pid)]];
    const cpu0 = cpuSeconds(pid);
    const sampler = setInterval(() => rss.push([(performance.now() - t0) / 60_000, rssMb(pid)]), 5_000);
    let batch = 0;
    const readLoop = openLoop({
      rate: readRate,
      seconds: minutes * 60,
      make: (i) =>
        send(agent, {
          port,
          path: reads[i % reads.length],
          headers: { authorization: `Bearer ${tokens.read}` },
        }),
      onResult: record("reads"),
    });
    const writeLoop = openLoop({
      rate: 1 / batchEvery,
      seconds: minutes * 60,
      make: () => {
        const n = batch++;
        const lines = Array.from({ length: batchRows }, (_, i) => {
          const k = (n * batchRows + i) % keySpace;
          return `SOAK${k},SOAKCH${k % 1000},2019-0${7 + (n % 3)}-0${1 + (i % 9)},${["2A", "6", "8"][n % 3]}`;
        });
        return send(agent, {
          port,
          method: "POST",
          path: "/v1/datasets/contacts/records",
          headers: { authorization: `Bearer ${tokens.ingest}`, "content-type": "text/csv" },
          body: `contact_id,child_id,contact_date,source\n${lines.join("\n")}\n`,
        });
      },
      onResult: record("writes"),
    });
    await Promise.all([readLoop, writeLoop]);
    clearInterval(sampler);
    rss.push([(performance.now() - t0) / 60_000, rssMb(pid)]);
    const cpu = cpuSeconds(pid) - cpu0;
    agent.destroy();

    log("\nminute  reads  read p50 ms  read p99 ms  writes  write p99 ms  RSS min MB  RSS max MB  errors");
    const rssIn = (m) => rss.filter(([t]) => t >= m && t < m + 1).map((p) => p[1]);
    let errors = 0;
    perMinute.forEach((b, m) => {
      const r = b.reads.sort((x, y) => x - y);
      const w = b.writes.sort((x, y) => x - y);
      errors += b.errors;
      log(
        [
          String(m + 1).padStart(6),
          fmt(r.length).padStart(6),
          fmt(quantile(r, 0.5), 1).padStart(12),
          fmt(quantile(r, 0.99), 1).padStart(12),
          fmt(w.length).padStart(7),
          fmt(quantile(w, 0.99), 1).padStart(13),
          fmt(Math.min(...rssIn(m)), 1).padStart(11),
          fmt(Math.max(...rssIn(m)), 1).padStart(11),
          `${b.errors}${b.errors > 0 ? ` ${JSON.stringify(b.statuses)}` : ""}`.padStart(7),
        ].join(" "),
      );
    });
    const first = rss[0][1];
    const last = rss.at(-1)[1];
    // RSS saw-tooths as the evaluator is rebuilt after every batch; the trend is in each minute's floor
    // (its smallest sample), from the second minute on (the first fills the caches).
    const floors = perMinute
      .map((_, m) => [m + 0.5, Math.min(...rssIn(m))])
      .filter(([t, v]) => t > 1 && Number.isFinite(v));
    const s = slope(floors);
    log(
      `\nAPI RSS: ${fmt(first, 1)} MB at start, ${fmt(last, 1)} MB at end, peak ${fmt(Math.max(...rss.map((p) => p[1])), 1)} MB; slope of the per-minute floor ${Number.isNaN(s) ? "– (needs 3 minutes or more)" : `${fmt(s, 2)} MB/min`}`,
    );
    log(
      `API CPU: ${fmt(cpu, 1)} s over ${fmt(minutes * 60)} s wall (${fmt((100 * cpu) / (minutes * 60))}% of one core)`,
    );
    log(`errors: ${errors} (goal 0)`);
    if (!Number.isNaN(s)) {
      const growing = s * 60 > Math.max(50, first * 0.25);
      log(
        growing
          ? "RSS trend: GROWING (the floor would add over 25% or 50 MB an hour)"
          : "RSS trend: flat (the floor adds under 25% or 50 MB an hour)",
      );
    }
    process.exitCode = errors > 0 ? 1 : 0;
  } finally {
    await server?.stop("SIGTERM");
    try {
      await sqlOn(cluster.admin, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    } catch {
      // the cluster is going away anyway
    }
    cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`soak failed: ${error.message}\n`);
  process.exitCode = 1;
});
