import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "./support/server-process.js";
import {
  findPostgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "./support/throwaway-postgres.js";

// PostgreSQL restarted while the API is under load: requests that cannot reach the database fail with
// 503 `unavailable` (never a 500, never a hang), no batch is half-written, and the API serves again once
// the database is back, without being restarted. Needs PostgreSQL binaries: it runs where the PostgreSQL
// suites run (TEST_DATABASE_URL set), on a cluster of its own so that other test files are not disturbed.

const onPostgres = (process.env.TEST_DATABASE_URL ?? "") !== "";
const adminToken = "restart-admin-token-0123456789abc";
const port = 54339;

interface Outcome {
  readonly kind: "read" | "write";
  readonly status: number;
  readonly code: string | null;
  readonly rows: number;
}

let cluster: ThrowawayPostgres;
let server: ServerProcess;
let dataDir: string;

async function call(method: string, path: string, body?: string, contentType = "application/json") {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${adminToken}`,
      ...(body === undefined ? {} : { "content-type": contentType }),
    },
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let code: string | null = null;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    code = "not json";
  }
  return { status: res.status, code };
}

let batchNo = 0;
async function postBatch(rows: number): Promise<Outcome> {
  const n = batchNo++;
  const lines = Array.from({ length: rows }, (_, i) => `R${n}-${i},RC${n}-${i},2019-08-01,2A`);
  const r = await call(
    "POST",
    "/v1/datasets/contacts/records",
    `contact_id,child_id,contact_date,source\n${lines.join("\n")}\n`,
    "text/csv",
  );
  return { kind: "write", ...r, rows };
}

async function readReport(): Promise<Outcome> {
  const r = await call("GET", "/v1/reports/FY2019-20-Q2");
  return { kind: "read", ...r, rows: 0 };
}

async function ready(): Promise<number> {
  return (await fetch(`http://127.0.0.1:${server.port}/readyz`)).status;
}

describe.runIf(onPostgres)("PostgreSQL restarted under load", () => {
  beforeAll(async () => {
    const bin = findPostgresBinaries();
    if (bin === null)
      throw new Error("TEST_DATABASE_URL is set but PostgreSQL binaries (initdb) were not found");
    cluster = startThrowawayPostgres(bin, port);
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE kpi_restart");
    await admin.end();
    dataDir = mkdtempSync(join(tmpdir(), "kpi-restart-"));
    server = await startServerProcess({
      KPI_DATA_DIR: dataDir,
      KPI_ADMIN_TOKEN: adminToken,
      DATABASE_URL: cluster.url("kpi_restart"),
      KPI_PSEUDONYM_KEY: "restart-pseudonym-key-0123456789",
      KPI_RATE_LIMIT_PER_MINUTE: "1000000",
    });
  });
  afterAll(async () => {
    await server?.kill();
    cluster?.destroy();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 503 unavailable while the database is down and recovers without a restart", async () => {
    expect((await postBatch(200)).status).toBe(200);
    expect((await readReport()).status).toBe(200);

    const outcomes: Outcome[] = [];
    let running = true;
    const worker = async (kind: "read" | "write") => {
      while (running) {
        try {
          outcomes.push(kind === "read" ? await readReport() : await postBatch(500));
        } catch (error) {
          outcomes.push({ kind, status: 0, code: (error as Error).name, rows: 0 });
        }
      }
    };
    const load = [worker("read"), worker("read"), worker("write"), worker("write")];
    await new Promise((r) => setTimeout(r, 1_000));

    cluster.stopServer();
    const whileDown: number[] = [];
    for (let i = 0; i < 10; i++) {
      whileDown.push(await ready());
      await new Promise((r) => setTimeout(r, 100));
    }
    const downOutcomes = outcomes.length;
    await new Promise((r) => setTimeout(r, 1_000));
    cluster.startServer();

    let readyAgain = 0;
    for (let i = 0; i < 120 && readyAgain !== 200; i++) {
      readyAgain = await ready();
      if (readyAgain !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 1_000));
    running = false;
    await Promise.all(load);

    expect(whileDown.every((s) => s === 503)).toBe(true);
    expect(readyAgain).toBe(200);
    expect(server.child.exitCode).toBeNull();
    // Every answer was a success or a clean 503 `unavailable`: no 500s, no dropped connections.
    const bad = outcomes.filter((o) => !(o.status === 200 || (o.status === 503 && o.code === "unavailable")));
    expect(bad).toEqual([]);
    expect(outcomes.slice(0, downOutcomes).some((o) => o.status === 503)).toBe(true);
    // After recovery, reads and writes succeed on the same process.
    expect((await readReport()).status).toBe(200);
    expect((await postBatch(10)).status).toBe(200);

    // All or nothing: the store holds every row of the batches answered 200, and otherwise only whole
    // batches (a batch whose COMMIT succeeded just as the connection was cut is answered 503 but stored).
    const accepted =
      200 +
      10 +
      outcomes.filter((o) => o.kind === "write" && o.status === 200).reduce((n, o) => n + o.rows, 0);
    const client = new pg.Client({ connectionString: cluster.url("kpi_restart") });
    await client.connect();
    const stored = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM records WHERE dataset = 'contacts'",
    );
    await client.end();
    const extra = (stored.rows[0]?.n ?? 0) - accepted;
    expect(extra).toBeGreaterThanOrEqual(0);
    expect(extra % 500).toBe(0);
  }, 180_000);
});
