// Starts the built API (apps/api/dist/server.js) as a child process on a loopback port for benchmarks
// and the soak test, and reads its RSS and CPU time from /proc (Linux) while it runs.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Resident set size of a process in MB (null when /proc is not there). */
export function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** User + system CPU seconds a process has used (null when /proc is not there). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/**
 * Starts the API; resolves { port, pid, child, stop(), startMs } once it prints its listening line.
 * @param {Record<string,string>} env - configuration (DATABASE_URL, KPI_DATA_DIR, KPI_ADMIN_TOKEN, …)
 * @param {string[]} nodeArgs - extra node flags (e.g. --cpu-prof)
 */
export function startApi(env, nodeArgs = []) {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, join(repoRoot, "apps/api/dist/server.js")], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "warn",
      KPI_RATE_LIMIT_PER_MINUTE: "100000000",
      KPI_MAX_BODY_MB: "500",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let err = "";
  child.stderr.on("data", (d) => {
    err += d.toString();
    if (err.length > 20_000) err = err.slice(-10_000);
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m && out !== "") {
        out = "";
        resolve({
          port: Number(m[1]),
          pid: child.pid,
          child,
          exited,
          startMs: performance.now() - started,
          stderr: () => err,
          async stop(signal = "SIGTERM") {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    exited.then(({ code, signal }) =>
      reject(new Error(`the API exited (${code ?? signal}) before listening: ${err.split("\n")[0]}`)),
    );
  });
}

/** fetch() with the bearer token; resolves { status, json }. */
export async function api(port, token, method, path, body, contentType = "application/json") {
  let r;
  try {
    r = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": contentType }),
      },
      body,
    });
  } catch (error) {
    throw new Error(
      `${method} ${path.split("?")[0]}: ${error.cause?.code ?? error.cause?.message ?? error.message}`,
    );
  }
  const text = await r.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: r.status, json, bytes: Buffer.byteLength(text) };
}
