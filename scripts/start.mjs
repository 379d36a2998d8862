#!/usr/bin/env node
// `npm start`: runs the product on the embedded store with the demonstration authority.
// Starts the built API (apps/api/dist/server.js), loads the demo authority through the API itself on
// the first start (when the store has no batches), makes sure a demo read token and demo staff
// sign-ins exist, starts the built portal when there is one, and prints where everything is.
// Secrets it generates (admin token, demo passwords) are kept in the data directory, never in the repo.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = resolve(root, process.env.KPI_DATA_DIR ?? ".data");
const apiPort = Number(process.env.PORT ?? 4000);
const webPort = Number(process.env.WEB_PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const apiUrl = `http://${host}:${apiPort}`;
const webUrl = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${webPort}`;

mkdirSync(dataDir, { recursive: true });

/** A secret kept in the data directory (mode 0600), generated on first use. */
function keptSecret(file, make) {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  const value = make();
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return value;
}

const adminToken =
  process.env.KPI_ADMIN_TOKEN ?? keptSecret("admin.token", () => randomBytes(24).toString("base64url"));
const children = [];
let stopping = false;

function stopAll(code) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
process.on("SIGHUP", () => stopAll(0));

/**
 * Signals a person (Ctrl+C) or a supervisor stops a process with, and the exit codes a program that
 * handles them exits with (128 + the signal's number): such an exit is a normal stop.
 */
const stopSignals = new Set(["SIGINT", "SIGTERM", "SIGHUP"]);
const stopCodes = new Set([0, 129, 130, 143]);

function startProcess(name, command, args, env, cwd = root) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  child.on("exit", (code, signal) => {
    // Ctrl+C reaches the API and the portal too, sometimes before this process: a normal stop.
    if (stopping || stopSignals.has(signal) || stopCodes.has(code)) {
      stopAll(process.exitCode ?? 0);
      return;
    }
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}).`);
    stopAll(code || 1);
  });
  return child;
}

/**
 * Whether another program listens on the port already: then the API or the portal could not start,
 * and waiting on its `/healthz` would talk to that other program instead.
 */
function portTaken(port, onHost) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once("error", (error) => resolvePort(error.code === "EADDRINUSE" || error.code === "EACCES"));
    probe.once("listening", () => probe.close(() => resolvePort(false)));
    probe.listen(port, onHost);
  });
}

async function waitFor(url, seconds) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

async function api(method, path, body, token = adminToken, contentType = "application/json") {
  const r = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": contentType }),
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await r.text();
  const json = text ? JSON.parse(text) : null;
  return { status: r.status, json };
}

async function loadDemoAuthority() {
  const catalogue = await import(pathToFileURL(join(root, "packages/catalogue/dist/index.js")).href);
  const demo = await import(pathToFileURL(join(root, "tooling/demo/dist/index.js")).href);
  const started = Date.now();
  console.log("The store is empty: loading the demonstration authority through the API …");
  const contract = await import(pathToFileURL(join(root, "packages/contract/dist/index.js")).href);
  const records = demo.generateDemoAuthority({});
  // Each dated dataset is the demo's extract as at its last day (what the demo declares it covers).
  const coverage = new Map(demo.demoCoverage().map((s) => [s.dataset, s]));
  let total = 0;
  for (const dataset of catalogue.datasetNames) {
    const rows = records[dataset];
    if (!rows || rows.length === 0) continue;
    const body = rows.map((row) => JSON.stringify(row)).join("\n");
    const source = coverage.get(dataset);
    const query =
      source === undefined
        ? ""
        : `?${new URLSearchParams(contract.coverageQuery({ asOf: source.as_of, historyFrom: source.history_from, name: source.name }))}`;
    const r = await api(
      "POST",
      `/v1/datasets/${dataset}/records${query}`,
      body,
      adminToken,
      "application/x-ndjson",
    );
    if (r.status !== 200) {
      throw new Error(`Loading ${dataset} failed (${r.status}): ${r.json?.error?.message ?? "no message"}`);
    }
    total += r.json.received;
    console.log(`  ${dataset.padEnd(20)} ${String(r.json.received).padStart(7)} records`);
  }
  // The demo authority's targets, as its analysts set them.
  const targets = demo.demoTargets();
  for (const t of targets) {
    const r = await api("PUT", `/v1/indicators/${t.indicator}/targets/${t.financial_year}`, t.target);
    if (r.status !== 200) throw new Error(`Setting the target of ${t.indicator} failed (${r.status})`);
  }
  console.log(`  ${"targets".padEnd(20)} ${String(targets.length).padStart(7)} set`);
  console.log(
    `Loaded ${total.toLocaleString("en-GB")} records in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

async function ensureDemoUsers() {
  const users = [
    { username: "analyst", display_name: "Demo Analyst", role: "analyst" },
    { username: "viewer", display_name: "Demo Viewer", role: "read" },
    { username: "admin", display_name: "Demo Administrator", role: "admin" },
  ];
  const signIns = [];
  for (const user of users) {
    const password = keptSecret(`demo-${user.username}.password`, () =>
      randomBytes(12).toString("base64url"),
    );
    const r = await api("POST", "/v1/users", { ...user, password });
    if (r.status !== 201 && r.status !== 409)
      throw new Error(`Creating the demo user ${user.username} failed (${r.status})`);
    signIns.push({ ...user, password });
  }
  return signIns;
}

async function ensureReadToken() {
  const path = join(dataDir, "demo-read.token");
  if (existsSync(path)) {
    const token = readFileSync(path, "utf8").trim();
    if ((await api("GET", "/v1/indicators", undefined, token)).status === 200) return token;
  }
  const r = await api("POST", "/v1/tokens", { name: "demo read token", role: "read" });
  if (r.status !== 201 && r.status !== 200) throw new Error(`Creating a read token failed (${r.status})`);
  writeFileSync(path, `${r.json.token}\n`, { mode: 0o600 });
  return r.json.token;
}

async function main() {
  const serverJs = join(root, "apps/api/dist/server.js");
  if (!existsSync(serverJs))
    throw new Error("The API is not built: run `npm start` (it builds) or `pnpm build`.");
  const nextBin = join(root, "apps/web/node_modules/.bin/next");
  const webBuilt =
    ["BUILD_ID", "static"].every((f) => existsSync(join(root, "apps/web/.next", f))) && existsSync(nextBin);
  const ports = [["the API", apiPort, "PORT"], ...(webBuilt ? [["the portal", webPort, "WEB_PORT"]] : [])];
  for (const [what, port, variable] of ports)
    if (await portTaken(port, host))
      throw new Error(
        `port ${port} on ${host} is in use by another program, so ${what} cannot listen there. Stop that program or choose another port: ${variable}=<port> npm start`,
      );
  startProcess("The API", process.execPath, [serverJs], {
    KPI_DATA_DIR: dataDir,
    KPI_ADMIN_TOKEN: adminToken,
    PORT: String(apiPort),
    HOST: host,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // The portal (on this machine) forwards each person's address; the API believes it from it only.
    KPI_TRUSTED_PROXIES: process.env.KPI_TRUSTED_PROXIES ?? "127.0.0.1",
  });
  await waitFor(`${apiUrl}/healthz`, 60);
  await waitFor(`${apiUrl}/readyz`, 60);

  const batches = await api("GET", "/v1/batches");
  if (batches.status !== 200) throw new Error(`Could not read batches (${batches.status})`);
  const list = Array.isArray(batches.json) ? batches.json : (batches.json.batches ?? []);
  if (list.length === 0) await loadDemoAuthority();

  const signIns = await ensureDemoUsers();
  const readToken = await ensureReadToken();

  if (webBuilt) {
    startProcess(
      "The portal",
      nextBin,
      ["start", "-p", String(webPort), "-H", host],
      { KPI_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: "1" },
      join(root, "apps/web"),
    );
    await waitFor(`${webUrl}/signin`, 60);
  }

  console.log("");
  console.log("Children's services performance reporting is running on the embedded store.");
  if (webBuilt) console.log(`  Portal:      ${webUrl}`);
  console.log(`  API:         ${apiUrl}/docs   (its reference; requests go to ${apiUrl}/v1/…)`);
  console.log(`  Read token:  ${readToken}`);
  console.log(
    `  Try:         curl -H "Authorization: Bearer ${readToken}" "${apiUrl}/v1/reports/FY2019-20-Q2"`,
  );
  console.log("  Demo sign-ins for the portal:");
  for (const s of signIns) console.log(`    ${s.role.padEnd(8)} ${s.username} / ${s.password}`);
  console.log(`  Data directory: ${dataDir} (delete it to start again from the demonstration data)`);
  console.log("Press Ctrl+C to stop.");
}

main().catch((error) => {
  console.error(`Could not start: ${error.message}`);
  stopAll(1);
});
