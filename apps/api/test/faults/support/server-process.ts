import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const apiDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The real API server running as a child process (from source, through tsx). */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
  /** Everything the process wrote to standard output and error so far. */
  output(): { stdout: string; stderr: string };
  /** Sends SIGKILL and waits for the exit. */
  kill(): Promise<void>;
}

function serverEnv(env: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    ...env,
  };
}

function spawnServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/server.ts"], { cwd: apiDir, env: serverEnv(env) });
}

/**
 * The environment of a second API process on the same PostgreSQL as an in-process test API: its own
 * data directory, the same database, pseudonym key and admin token, and no rate limit to trip.
 *
 * @param config - the test API's configuration (its `databaseUrl` and `pseudonymKey`)
 * @param dataDir - a scratch data directory for the process
 * @param adminToken - the test API's `KPI_ADMIN_TOKEN`
 * @returns the variables to start it with
 */
export function sameDatabaseEnv(
  config: { readonly databaseUrl?: string | undefined; readonly pseudonymKey?: string | undefined },
  dataDir: string,
  adminToken: string,
): Record<string, string> {
  return {
    KPI_DATA_DIR: dataDir,
    KPI_ADMIN_TOKEN: adminToken,
    DATABASE_URL: config.databaseUrl ?? "",
    KPI_PSEUDONYM_KEY: config.pseudonymKey ?? "",
    KPI_RATE_LIMIT_PER_MINUTE: "1000000",
  };
}

/**
 * Starts `src/server.ts` with the given environment and resolves once it prints its listening line.
 *
 * @param env - configuration variables (KPI_DATA_DIR, DATABASE_URL, …)
 * @returns the running server
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawnServer(env);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(stdout);
      if (match?.[1] !== undefined)
        resolve({
          child,
          port: Number(match[1]),
          exited,
          output: () => ({ stdout, stderr }),
          kill: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
            await exited;
          },
        });
    });
    child.once("exit", (code) =>
      reject(new Error(`server exited (${code}) before listening: ${stderr.slice(0, 300)}`)),
    );
  });
}

/**
 * Runs `src/server.ts` expecting it to fail at start; kills it after `limitMs` if it does not exit.
 *
 * @param env - configuration variables
 * @param limitMs - how long to wait before giving up
 * @returns the exit code (null when it had to be killed) and what it printed
 */
export function runServerExpectingExit(
  env: Record<string, string>,
  limitMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnServer(env);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}
