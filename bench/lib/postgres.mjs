// A throw-away PostgreSQL cluster on loopback for benchmarks and the soak test, like .ci/lib/postgres.sh:
// initdb as the `postgres` user (initdb refuses root) in a temporary directory, pg_ctl start on
// 127.0.0.1:<port>, and stop + delete again. Used only when DATABASE_URL is not given.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The directory holding initdb/pg_ctl, or null. */
export function findPgBin() {
  for (const dir of (process.env.PATH ?? "").split(":"))
    if (dir && existsSync(join(dir, "initdb"))) return dir;
  for (const dir of ["/usr/local/bin", "/usr/lib/postgresql"]) {
    if (existsSync(join(dir, "initdb"))) return dir;
    if (dir === "/usr/lib/postgresql" && existsSync(dir))
      for (const v of readdirSync(dir).sort().reverse())
        if (existsSync(join(dir, v, "bin", "initdb"))) return join(dir, v, "bin");
  }
  return null;
}

function uid(name) {
  try {
    return Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
  } catch {
    return null;
  }
}

/**
 * Starts a cluster; returns { url(db), admin, stop(), restart(), pgCtl(args) }.
 * @param {{ port?: number }} options
 */
export async function startThrowawayPostgres({ port = 54331 } = {}) {
  const bin = findPgBin();
  if (bin === null)
    throw new Error("PostgreSQL binaries (initdb) not found: install postgresql or set DATABASE_URL");
  const root = process.getuid?.() === 0;
  const pgUid = root ? uid("postgres") : null;
  if (root && pgUid === null) throw new Error("run as root but there is no `postgres` user for initdb");
  const work = mkdtempSync(join(tmpdir(), "kpi-bench-pg-"));
  if (root) chownSync(work, pgUid, pgUid);
  const data = join(work, "data");
  const run = (cmd, args) => {
    const full = [join(bin, cmd), ...args];
    if (root)
      return execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", full.map((a) => `'${a}'`).join(" ")], {
        stdio: "pipe",
        encoding: "utf8",
      });
    return execFileSync(full[0], full.slice(1), { stdio: "pipe", encoding: "utf8" });
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale"]);
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${work} -c max_connections=100`;
  const start = () => run("pg_ctl", ["-D", data, "-l", join(work, "server.log"), "-w", "-o", opts, "start"]);
  const stopServer = (mode = "fast") => run("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
  start();
  let stopped = false;
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    admin,
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    start,
    stopServer,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        stopServer("immediate");
      } catch {
        // already down
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
