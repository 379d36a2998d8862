// The pieces the end-to-end runner and the screenshot script need: the built API on a temporary data
// directory with the demonstration authority loaded through the API, demo staff (analyst, viewer,
// admin) and the built portal, all on free loopback ports. `stop()` ends every process it started and
// removes the temporary directory.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const webDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const root = join(webDir, "..", "..");

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url, seconds) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const r = await fetch(url, { redirect: "manual" });
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

async function apiCall(apiUrl, token, method, path, body, contentType = "application/json") {
  const r = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": contentType }),
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

async function loadDemo(apiUrl, adminToken) {
  const catalogue = await import(pathToFileURL(join(root, "packages/catalogue/dist/index.js")).href);
  const demo = await import(pathToFileURL(join(root, "tooling/demo/dist/index.js")).href);
  const contract = await import(pathToFileURL(join(root, "packages/contract/dist/index.js")).href);
  const records = demo.generateDemoAuthority({});
  // Each dated dataset is the demo's extract as at its last day, as `npm start` posts it.
  const coverage = new Map(demo.demoCoverage().map((s) => [s.dataset, s]));
  for (const dataset of catalogue.datasetNames) {
    const rows = records[dataset];
    if (!rows || rows.length === 0) continue;
    const body = rows.map((row) => JSON.stringify(row)).join("\n");
    const source = coverage.get(dataset);
    const query =
      source === undefined
        ? ""
        : `?${new URLSearchParams(contract.coverageQuery({ asOf: source.as_of, historyFrom: source.history_from, name: source.name }))}`;
    const r = await apiCall(
      apiUrl,
      adminToken,
      "POST",
      `/v1/datasets/${dataset}/records${query}`,
      body,
      "application/x-ndjson",
    );
    if (r.status !== 200)
      throw new Error(`Loading ${dataset} failed (${r.status}): ${r.json?.error?.message}`);
  }
  // The demo authority's targets, as its analysts set them.
  for (const t of demo.demoTargets()) {
    const r = await apiCall(
      apiUrl,
      adminToken,
      "PUT",
      `/v1/indicators/${t.indicator}/targets/${t.financial_year}`,
      JSON.stringify(t.target),
      "application/json",
    );
    if (r.status !== 200) throw new Error(`Setting the target of ${t.indicator} failed (${r.status})`);
  }
}

async function createUsers(apiUrl, adminToken) {
  const users = {};
  for (const [key, role] of [
    ["analyst", "analyst"],
    ["viewer", "read"],
    ["admin", "admin"],
  ]) {
    const user = {
      username: `e2e-${key}`,
      password: randomBytes(12).toString("base64url"),
      display_name: `Test ${key[0].toUpperCase()}${key.slice(1)}`,
      role,
    };
    const r = await apiCall(apiUrl, adminToken, "POST", "/v1/users", user);
    if (r.status !== 201) throw new Error(`Creating user ${user.username} failed (${r.status})`);
    users[key] = user;
  }
  return users;
}

/**
 * Starts the API (with demo data and users) and, when `portal` is true, the built portal.
 *
 * @param {{ portal: boolean, echo?: boolean }} options - start the portal; echo child output
 * @returns {Promise<{ apiUrl: string, baseUrl: string | null, adminToken: string, users: object, dataDir: string, stop: () => void }>}
 */
export async function startStack({ portal, echo = false }) {
  const serverJs = join(root, "apps/api/dist/server.js");
  if (!existsSync(serverJs))
    throw new Error("The API is not built (apps/api/dist/server.js): run `pnpm build`.");
  if (portal && !existsSync(join(webDir, ".next", "BUILD_ID")))
    throw new Error("The portal is not built (apps/web/.next): run `pnpm --filter @kpi/web build`.");
  const children = [];
  const dataDir = mkdtempSync(join(tmpdir(), "kpi-e2e-"));
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
  const start = (name, command, args, env) => {
    const output = [];
    const child = spawn(command, args, {
      cwd: webDir,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
      if (echo) process.stderr.write(chunk);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("exit", (code, signal) => {
      if (stopping) return;
      process.stderr.write(
        `${name} exited (${signal ?? code}). Last output:\n${output.join("").slice(-4000)}\n`,
      );
    });
    children.push(child);
  };
  try {
    const adminToken = randomBytes(24).toString("base64url");
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const t0 = Date.now();
    start("The API", process.execPath, [serverJs], {
      KPI_DATA_DIR: dataDir,
      KPI_ADMIN_TOKEN: adminToken,
      PORT: String(apiPort),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      KPI_RATE_LIMIT_PER_MINUTE: "100000",
      // The portal forwards each person's address; the API believes it from the portal only.
      KPI_TRUSTED_PROXIES: "127.0.0.1",
    });
    await waitFor(`${apiUrl}/healthz`, 90);
    await waitFor(`${apiUrl}/readyz`, 90);
    await loadDemo(apiUrl, adminToken);
    const users = await createUsers(apiUrl, adminToken);
    process.stderr.write(`API ready with the demo authority in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    let baseUrl = null;
    if (portal) {
      const webPort = await freePort();
      baseUrl = `http://127.0.0.1:${webPort}`;
      start(
        "The portal",
        join(webDir, "node_modules/.bin/next"),
        ["start", "-p", String(webPort), "-H", "127.0.0.1"],
        {
          KPI_API_URL: apiUrl,
          NEXT_TELEMETRY_DISABLED: "1",
        },
      );
      await waitFor(`${baseUrl}/signin`, 90);
    }
    return { apiUrl, baseUrl, adminToken, users, dataDir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
