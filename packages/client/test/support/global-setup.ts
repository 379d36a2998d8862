// Starts ONE real API (apps/api dist/server.js, embedded store in a temporary directory) for the CLI
// and docs suites, and stops it afterwards. Suites isolate themselves with an organisation each.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    apiUrl: string;
    adminToken: string;
  }
}

const ADMIN_TOKEN = "client-suite-admin-token-0123456789";
const SERVER = fileURLToPath(new URL("../../node_modules/@kpi/api/dist/server.js", import.meta.url));
/** The embedded store's first open is slow on a busy machine. */
const START_TIMEOUT_MS = 170_000;

let child: ChildProcess | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), "kpi-client-api-"));
  const server = spawn(process.execPath, [SERVER], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      KPI_DATA_DIR: dataDir,
      KPI_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: "warn",
      KPI_RATE_LIMIT_PER_MINUTE: "1000000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = server;
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`the API did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /KPI API listening on (http:\/\/[^\s]+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    server.stdout?.on("data", onData);
    server.stderr?.on("data", onData);
    server.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with status ${code}:\n${output}`));
    });
  });
  project.provide("apiUrl", url);
  project.provide("adminToken", ADMIN_TOKEN);
}

export async function teardown(): Promise<void> {
  if (child?.pid !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
}
