// Portal figures for `pnpm bench`: first-load JavaScript of the dashboard (read from the `.next` build
// manifests, gzip-compressed with zlib) and its server render time (next start against the bench's API,
// with a session cookie for a read token). Skipped, with the reason printed, without apps/web/.next.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { cpuSeconds, repoRoot } from "./api-server.mjs";
import { quantile } from "./load.mjs";

const web = join(repoRoot, "apps/web");
const next = join(web, ".next");

/** Files a browser loads first for an app route: root main files plus the page's and layouts' entry chunks. */
export function firstLoadFiles(route = "/page") {
  const build = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8"));
  const files = new Set(build.rootMainFiles ?? []);
  const manifestFile = join(next, "server/app", `${route.replace(/^\//, "")}_client-reference-manifest.js`);
  if (existsSync(manifestFile)) {
    const sandbox = { globalThis: {} };
    sandbox.globalThis = sandbox;
    vm.runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
    const manifest = sandbox.__RSC_MANIFEST?.[route];
    for (const list of Object.values(manifest?.entryJSFiles ?? {})) for (const f of list) files.add(f);
  }
  for (const f of build.pagesChunkGroupBootstrapParams?.[route]?.otherChunks ?? []) files.add(f);
  return [...files];
}

function jsSizes(files) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(next, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

function startNext(apiUrl) {
  const bin = join(web, "node_modules/.bin/next");
  const child = spawn(bin, ["start", "-p", "0", "-H", "127.0.0.1"], {
    cwd: web,
    env: { ...process.env, KPI_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: "1", PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (d) => {
      out += d;
      const m = /https?:\/\/[^\s:]+:(\d+)/.exec(out);
      if (m && Number(m[1]) > 0) resolve({ child, port: Number(m[1]) });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (c) => reject(new Error(`next start exited (${c})`)));
    setTimeout(() => reject(new Error("next start did not print its URL in 60 s")), 60_000).unref();
  });
}

async function timeGet(port, path, cookie) {
  const t = performance.now();
  const r = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie }, redirect: "manual" });
  const ttfb = performance.now() - t;
  const body = await r.text();
  return { status: r.status, ttfb, total: performance.now() - t, bytes: Buffer.byteLength(body) };
}

/**
 * Measures the portal; `api` is { port, readToken } of a running API with the demo authority, or null.
 * Returns the figures (or { skipped: reason }).
 */
export async function portalFigures({ log, table, fmt }, api = null, quick = false) {
  if (!existsSync(join(next, "BUILD_ID"))) {
    const reason = "apps/web/.next does not exist (the portal is not built): portal figures skipped";
    log(`\n${reason}`);
    return { skipped: reason };
  }
  const out = {};
  try {
    const files = firstLoadFiles("/page");
    out.firstLoadJs = jsSizes(files);
  } catch (error) {
    out.firstLoadJs = { skipped: `could not read the build manifests: ${error.message}` };
  }
  if (api === null) {
    out.render = { skipped: "no running API with data (run with ingestion/reports)" };
  } else if (!existsSync(join(web, "node_modules/.bin/next"))) {
    out.render = { skipped: "next is not installed in apps/web" };
  } else {
    let server = null;
    try {
      server = await startNext(`http://127.0.0.1:${api.port}`);
      const session = {
        token: api.readToken,
        username: "bench",
        displayName: "Bench",
        role: "read",
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      };
      const cookie = `__Host-kpi_session=${Buffer.from(JSON.stringify(session)).toString("base64url")}`;
      const cold = await timeGet(server.port, "/", cookie);
      if (cold.status !== 200) throw new Error(`GET / answered ${cold.status}`);
      const runs = [];
      const cpu0 = cpuSeconds(server.child.pid);
      for (let i = 0; i < (quick ? 5 : 20); i++) runs.push(await timeGet(server.port, "/", cookie));
      const cpu = cpuSeconds(server.child.pid) - cpu0;
      const totals = runs.map((r) => r.total).sort((a, b) => a - b);
      const ttfbs = runs.map((r) => r.ttfb).sort((a, b) => a - b);
      out.render = {
        coldMs: cold.total,
        ttfbP50: quantile(ttfbs, 0.5),
        p50: quantile(totals, 0.5),
        p90: quantile(totals, 0.9),
        cpuMsPerRender: (cpu * 1000) / runs.length,
        bytes: cold.bytes,
        runs: runs.length,
      };
    } catch (error) {
      out.render = { skipped: `render not measured: ${error.message}` };
    } finally {
      server?.child.kill("SIGTERM");
    }
  }
  const js = out.firstLoadJs;
  const r = out.render;
  table(
    "Portal dashboard (`/`): server render (next start, session for a read token, demo authority ×1) and first-load JavaScript",
    ["measure", "value"],
    [
      ["first-load JS files", js.skipped ? js.skipped : fmt(js.files)],
      ["first-load JS raw KB", js.skipped ? "–" : fmt(js.raw / 1024, 1)],
      ["first-load JS gzip KB", js.skipped ? "–" : fmt(js.gzip / 1024, 1)],
      ["first render ms (cold)", r.skipped ? r.skipped : fmt(r.coldMs)],
      ["render p50 ms (whole streamed page)", r.skipped ? "–" : fmt(r.p50)],
      ["render p90 ms", r.skipped ? "–" : fmt(r.p90)],
      ["time to first byte p50 ms", r.skipped ? "–" : fmt(r.ttfbP50)],
      ["Next server CPU ms per render", r.skipped ? "–" : fmt(r.cpuMsPerRender)],
      ["HTML bytes", r.skipped ? "–" : fmt(r.bytes)],
    ],
  );
  return out;
}
