// A small HTTP load generator for loopback benchmarks (no dependency): keep-alive connections, either a
// fixed number of concurrent in-flight requests (closed loop) or a fixed request rate (open loop).
// Latencies are recorded per request; nothing about the responses' bodies is kept or printed.
import http from "node:http";

/** The q-quantile (0..1) of a sorted array of numbers. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** Sends one request; resolves { status, ms, bytes } (status 0 on a network error). */
export function send(agent, { host = "127.0.0.1", port, method = "GET", path, headers = {}, body }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ host, port, method, path, headers, agent }, (res) => {
      let bytes = 0;
      res.on("data", (d) => {
        bytes += d.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
      res.on("error", () => resolve({ status: 0, ms: performance.now() - started, bytes }));
    });
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started, bytes: 0 }));
    req.end(body);
  });
}

function summarise(results, seconds) {
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    requests: results.length,
    seconds,
    rps: results.length / seconds,
    p50: quantile(ms, 0.5),
    p99: quantile(ms, 0.99),
    max: ms.at(-1) ?? Number.NaN,
    statuses,
    errors: results.filter((r) => r.status === 0 || r.status >= 500).length,
  };
}

/**
 * Closed loop: `connections` requests always in flight for `seconds` (after `warmupSeconds`).
 * @returns {Promise<{requests:number, rps:number, p50:number, p99:number, max:number, statuses:object, errors:number}>}
 */
export async function closedLoop({
  port,
  path,
  headers = {},
  connections = 50,
  seconds = 10,
  warmupSeconds = 1,
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const results = [];
  let recording = false;
  let stopAt = Number.POSITIVE_INFINITY;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const r = await send(agent, { port, path, headers });
      if (recording && performance.now() <= stopAt) results.push(r);
    }
  };
  const warmEnd = performance.now() + warmupSeconds * 1000;
  stopAt = warmEnd + seconds * 1000;
  const workers = Array.from({ length: connections }, worker);
  await new Promise((r) => setTimeout(r, warmupSeconds * 1000));
  recording = true;
  const t0 = performance.now();
  await Promise.all(workers);
  agent.destroy();
  return summarise(results, (Math.min(performance.now(), stopAt) - t0) / 1000);
}

/**
 * Open loop: starts `make(i)` (which returns a promise of { status, ms }) `rate` times a second for
 * `seconds`, without waiting for earlier ones; calls `onResult` for each.
 */
export async function openLoop({ rate, seconds, make, onResult }) {
  const interval = 1000 / rate;
  const t0 = performance.now();
  const pending = [];
  for (let i = 0; ; i++) {
    const due = t0 + i * interval;
    if (due - t0 >= seconds * 1000) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(make(i).then((r) => onResult(r, i)));
  }
  await Promise.all(pending);
}
