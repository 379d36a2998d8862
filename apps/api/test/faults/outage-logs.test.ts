import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { bearer } from "../support/test-api.js";
import {
  findPostgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "./support/throwaway-postgres.js";

// Issue 12, defect 4: while the database is unreachable, the log must hold database errors by type and
// code only: no SQL, no parameters (usernames, analysis text, token hashes, record values). The test
// stops a PostgreSQL cluster of its own (on a free port), sends requests carrying values it can
// recognise, and greps every log line for them. Runs where the PostgreSQL suites run.

const onPostgres = (process.env.TEST_DATABASE_URL ?? "") !== "";
const adminToken = "outage-admin-token-0123456789abc";
const secrets = {
  username: "outage-user-5511",
  password: "OUTAGE-PASSWORD-a-long-one",
  analysis: "OUTAGE-ANALYSIS-TEXT about contacts",
  tokenName: "OUTAGE-TOKEN-NAME",
  child: "OUTAGE-CHILD-9",
  key: "OUTAGE-KEY-3",
  displayName: "OUTAGE-DISPLAY-NAME",
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

let cluster: ThrowawayPostgres;
let app: FastifyInstance;
let dataDir: string;
const lines: string[] = [];
let apiToken: string;
let sessionToken: string;

describe.runIf(onPostgres)("logs while PostgreSQL is down", () => {
  beforeAll(async () => {
    const bin = findPostgresBinaries();
    if (bin === null)
      throw new Error("TEST_DATABASE_URL is set but PostgreSQL binaries (initdb) were not found");
    cluster = startThrowawayPostgres(bin, await freePort());
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE kpi_outage");
    await admin.end();
    dataDir = mkdtempSync(join(tmpdir(), "kpi-outage-"));
    app = await buildApp(
      {
        port: 0,
        host: "127.0.0.1",
        dataDir,
        databaseUrl: cluster.url("kpi_outage"),
        pseudonymKey: "outage-pseudonym-key-0123456789",
        adminToken,
        maxBodyBytes: 1024 * 1024,
        logLevel: "trace",
        rateLimitPerMinute: 1_000_000,
        sessionTtlMinutes: 60,
        reportWarmupMs: 0,
        dbAcquireTimeoutMs: 2_000,
      },
      { logStream: { write: (line: string) => void lines.push(line) } },
    );
    const created = await app.inject({
      method: "POST",
      url: "/v1/tokens",
      headers: bearer(adminToken),
      payload: { name: "outage-test", role: "admin" },
    });
    apiToken = created.json().token;
    const user = await app.inject({
      method: "POST",
      url: "/v1/users",
      headers: bearer(adminToken),
      payload: {
        username: secrets.username,
        password: secrets.password,
        display_name: "Outage",
        role: "analyst",
      },
    });
    expect(user.statusCode).toBe(201);
    const session = await app.inject({
      method: "POST",
      url: "/v1/sessions",
      payload: { username: secrets.username, password: secrets.password },
    });
    sessionToken = session.json().token;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    cluster?.destroy();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 503 and logs no SQL and none of the values sent", async () => {
    cluster.stopServer();
    const json = { "content-type": "application/json" };
    const requests = [
      {
        method: "POST",
        url: "/v1/sessions",
        headers: json,
        payload: { username: secrets.username, password: secrets.password },
      },
      {
        method: "PUT",
        url: "/v1/reports/FY2019-20-Q2/sections/ffd/analysis",
        headers: { ...bearer(sessionToken), ...json },
        payload: { text: secrets.analysis },
      },
      {
        method: "POST",
        url: "/v1/tokens",
        headers: { ...bearer(apiToken), ...json },
        payload: { name: secrets.tokenName, role: "read" },
      },
      {
        method: "POST",
        url: "/v1/users",
        headers: { ...bearer(apiToken), ...json },
        payload: {
          username: "outage-new",
          password: secrets.password,
          display_name: secrets.displayName,
          role: "read",
        },
      },
      {
        method: "POST",
        url: "/v1/datasets/contacts/records",
        headers: { ...bearer(apiToken), ...json },
        payload: {
          records: [{ contact_id: "OC1", child_id: secrets.child, contact_date: "2019-07-01", source: "2A" }],
        },
      },
      { method: "DELETE", url: `/v1/datasets/contacts/records/${secrets.key}`, headers: bearer(apiToken) },
      { method: "GET", url: "/v1/batches", headers: bearer(apiToken) },
      { method: "GET", url: "/v1/tokens", headers: bearer(`kpi_unknown-${secrets.tokenName}`) },
    ] as const;
    for (let round = 0; round < 3; round++)
      for (const r of requests) {
        const res = await app.inject({
          method: r.method,
          url: r.url,
          headers: r.headers,
          ...("payload" in r ? { payload: JSON.stringify(r.payload) } : {}),
        });
        expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(503);
        expect(res.json().error.code).toBe("unavailable");
      }
    const ready = await app.inject({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(ready.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);

    const text = lines.join("");
    expect(lines.filter((l) => l.includes('"request failed"')).length).toBeGreaterThanOrEqual(
      3 * requests.length,
    );
    expect(text).toContain("ECONNREFUSED");
    const sha = (s: string) => createHash("sha256").update(s).digest("hex");
    for (const value of [...Object.values(secrets), apiToken, sessionToken, sha(apiToken), sha(sessionToken)])
      expect(text, value).not.toContain(value);
    expect(text).not.toMatch(/Failed query|select |insert into|update "|params:/i);
  }, 120_000);
});
