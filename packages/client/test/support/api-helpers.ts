// Helpers for suites that talk to the real API started by global-setup.ts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

/** The built `kpi` command. */
export const KPI_BIN = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** What a finished process printed and how it exited. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to completion.
 *
 * @param command - the executable
 * @param args - its arguments
 * @param options - working directory and environment (added to a minimal PATH/HOME environment)
 * @returns exit status and output
 */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: options.env?.HOME ?? process.env.HOME ?? "/tmp",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs the built `kpi` CLI.
 *
 * @param args - the arguments after `kpi`
 * @param options - working directory and environment
 * @returns exit status and output
 */
export function kpi(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return run(process.execPath, [KPI_BIN, ...args], options);
}

/**
 * Creates a fresh organisation and an `ingest` token in it, so a suite sees only its own data.
 *
 * @param apiUrl - the API
 * @param adminToken - `KPI_ADMIN_TOKEN`
 * @param prefix - readable start of the organisation id
 * @returns the organisation id and token
 */
export async function freshOrganisation(
  apiUrl: string,
  adminToken: string,
  prefix: string,
): Promise<{ organisation: string; token: string }> {
  const organisation = `${prefix}-${randomBytes(4).toString("hex")}`;
  const headers = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };
  const created = await fetch(`${apiUrl}/v1/organisations`, {
    method: "POST",
    headers,
    body: JSON.stringify({ id: organisation, name: `Test ${organisation}` }),
  });
  if (created.status !== 201) throw new Error(`organisation: ${created.status} ${await created.text()}`);
  const token = await fetch(`${apiUrl}/v1/tokens`, {
    method: "POST",
    headers,
    body: JSON.stringify({ name: `${organisation}-ingest`, role: "ingest", organisation }),
  });
  if (token.status !== 201) throw new Error(`token: ${token.status} ${await token.text()}`);
  return { organisation, token: ((await token.json()) as { token: string }).token };
}

/**
 * The batches an organisation's token can see for a dataset.
 *
 * @param apiUrl - the API
 * @param token - a token of the organisation
 * @param dataset - the dataset
 * @returns the batches, newest first
 */
export async function batchesOf(
  apiUrl: string,
  token: string,
  dataset: string,
): Promise<{ id: string; received: number; inserted: number }[]> {
  const res = await fetch(`${apiUrl}/v1/batches?dataset=${dataset}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { batches: { id: string; received: number; inserted: number }[] }).batches;
}
