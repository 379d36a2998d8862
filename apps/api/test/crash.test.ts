import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../src/db/database.js";

// Start the real server as a child process, kill it with SIGKILL in the middle of a 200,000-row CSV
// batch, restart it, and check the store holds all of the batch or none of it.

const apiDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const adminToken = "crash-test-admin-token-0123456789";
const rows = 200_000;
let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "kpi-crash-"));
  const base = process.env.TEST_DATABASE_URL;
  if (base !== undefined && base !== "") {
    const name = `kpi_crash_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
});
afterAll(async () => {
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  readonly exited: Promise<void>;
}

function startServer(): Promise<Server> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    PORT: "0",
    HOST: "127.0.0.1",
    KPI_DATA_DIR: dataDir,
    KPI_ADMIN_TOKEN: adminToken,
    LOG_LEVEL: "warn",
    ...(databaseUrl === undefined
      ? {}
      : { DATABASE_URL: databaseUrl, KPI_PSEUDONYM_KEY: "crash-test-pseudonym-key-0123" }),
  };
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], { cwd: apiDir, env });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (match?.[1] !== undefined) resolve({ child, port: Number(match[1]), exited });
    });
    child.once("exit", (code) =>
      reject(new Error(`server exited (${code}) before listening: ${err.slice(0, 500)}`)),
    );
  });
}

async function kill(server: Server): Promise<void> {
  server.child.kill("SIGKILL");
  await server.exited;
}

/** Streams the batch as CSV; calls `onProgress` with rows written so far; resolves with the response. */
function postContacts(
  port: number,
  onProgress: (sent: number, total: number) => void,
  source = "2A",
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/v1/datasets/contacts/records",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "text/csv" },
      },
      (res) => {
        let body = "";
        res.on("data", (d: Buffer) => {
          body += d.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    const total = rows;
    let i = 0;
    const write = () => {
      let ok = true;
      if (i === 0) {
        ok = req.write("contact_id,child_id,contact_date,source\n");
      }
      while (ok && i < total) {
        const lines: string[] = [];
        for (let j = 0; j < 2000 && i < total; j++, i++)
          lines.push(`CT${i},CH${i % 50_000},2019-07-01,${source}`);
        const chunk = `${lines.join("\n")}\n`;
        ok = req.write(chunk);
        onProgress(i, total);
      }
      if (i < total) req.once("drain", write);
      else req.end();
    };
    write();
  });
}

async function storedCounts(): Promise<{
  records: number;
  batches: number;
  bySource: Record<string, number>;
}> {
  const database = await openDatabase(databaseUrl === undefined ? { dataDir } : { databaseUrl });
  try {
    const [r] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM records WHERE dataset = 'contacts'`,
    );
    const [b] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM batches WHERE dataset = 'contacts'`,
    );
    const sources = await queryRows<{ source: string; n: number }>(
      database.db,
      sql`SELECT data->>'source' AS source, count(*)::int AS n FROM records WHERE dataset = 'contacts' GROUP BY 1`,
    );
    return {
      records: r?.n ?? 0,
      batches: b?.n ?? 0,
      bySource: Object.fromEntries(sources.map((x) => [x.source, x.n])),
    };
  } finally {
    await database.close();
  }
}

describe("crash safety of a batch", () => {
  it("holds none of a batch killed mid-upload, and after a restart accepts it whole", async () => {
    const first = await startServer();
    let killed: Promise<void> | undefined;
    const upload = postContacts(first.port, (sent, total) => {
      if (killed === undefined && sent >= total / 2) {
        // Half the rows are sent and being written to staging: pull the plug.
        killed = new Promise((r) => setTimeout(r, 300)).then(() => kill(first));
      }
    }).catch((e: Error) => ({ status: 0, body: e.message }));
    const outcome = await upload;
    await killed;
    expect(outcome.status).toBe(0);
    const afterKill = await storedCounts();
    expect(afterKill).toEqual({ records: 0, batches: 0, bySource: {} });

    const second = await startServer();
    const ready = await fetch(`http://127.0.0.1:${second.port}/readyz`);
    expect(ready.status).toBe(200);
    const listed = await fetch(`http://127.0.0.1:${second.port}/v1/batches?dataset=contacts`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(((await listed.json()) as { batches: unknown[] }).batches).toEqual([]);
    const whole = await postContacts(second.port, () => undefined);
    expect(whole.status).toBe(200);
    expect(JSON.parse(whole.body)).toMatchObject({ received: rows, inserted: rows });
    await kill(second);
    expect(await storedCounts()).toEqual({ records: rows, batches: 1, bySource: { "2A": rows } });
  }, 600_000);

  it("holds all of a batch or none of it when killed as the upload ends (during merge or commit)", async () => {
    const server = await startServer();
    const before = await fetch(`http://127.0.0.1:${server.port}/v1/batches?dataset=contacts`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(((await before.json()) as { batches: unknown[] }).batches).toHaveLength(1);
    // Same keys, new data (source 6 instead of 2A): the batch would update all 200,000 rows.
    let killed: Promise<void> | undefined;
    const upload = postContacts(
      server.port,
      (sent, total) => {
        if (sent >= total) killed = new Promise((r) => setTimeout(r, 150)).then(() => kill(server));
      },
      "6",
    ).catch((e: Error) => ({ status: 0, body: e.message }));
    await upload;
    await killed;
    const counts = await storedCounts();
    if (counts.batches === 1) expect(counts.bySource).toEqual({ "2A": rows });
    else expect(counts).toEqual({ records: rows, batches: 2, bySource: { "6": rows } });
  }, 600_000);
});
