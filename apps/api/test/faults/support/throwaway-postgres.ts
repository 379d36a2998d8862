import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A PostgreSQL cluster this test owns, so it may stop and start it without disturbing other tests. */
export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/<database>`. */
  url(database: string): string;
  /** Stops the server (`pg_ctl stop -m fast`: connections are terminated, as in a restart). */
  stopServer(): void;
  /** Starts the server again on the same data. */
  startServer(): void;
  /** Stops the server and deletes the cluster. */
  destroy(): void;
}

/**
 * Finds the directory of `initdb`: on the PATH, in /usr/local/bin, or in Debian's /usr/lib/postgresql.
 *
 * @returns the directory, or null when PostgreSQL is not installed
 */
export function findPostgresBinaries(): string | null {
  const dirs = [...(process.env.PATH ?? "").split(":"), "/usr/local/bin"];
  if (existsSync("/usr/lib/postgresql"))
    for (const v of readdirSync("/usr/lib/postgresql").sort().reverse())
      dirs.push(`/usr/lib/postgresql/${v}/bin`);
  return dirs.find((d) => d !== "" && existsSync(join(d, "initdb"))) ?? null;
}

function postgresUid(): number {
  return Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
}

/**
 * Creates and starts a cluster on 127.0.0.1:`port` (as the `postgres` user when run as root, since
 * initdb refuses root), with trust authentication.
 *
 * @param bin - the directory of initdb and pg_ctl
 * @param port - a free loopback port
 * @returns the cluster
 */
export function startThrowawayPostgres(bin: string, port: number): ThrowawayPostgres {
  const root = process.getuid?.() === 0;
  const work = mkdtempSync(join(tmpdir(), "kpi-fault-pg-"));
  if (root) {
    const uid = postgresUid();
    chownSync(work, uid, uid);
  }
  const data = join(work, "data");
  const run = (command: string, args: string[]) => {
    const full = [join(bin, command), ...args];
    if (root)
      execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", full.map((a) => `'${a}'`).join(" ")], {
        stdio: "pipe",
      });
    else execFileSync(full[0] ?? command, full.slice(1), { stdio: "pipe" });
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${work}`;
  const startServer = () =>
    run("pg_ctl", ["-D", data, "-l", join(work, "server.log"), "-w", "-o", options, "start"]);
  const stopServer = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  startServer();
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stopServer,
    startServer,
    destroy: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
