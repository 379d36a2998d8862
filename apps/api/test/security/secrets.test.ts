import { datasetNames } from "@kpi/catalogue";
import { generateDemoAuthority } from "@kpi/demo";
import { sql } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/database.js";
import { adminToken, bearer, startTestApi, type TestApi, tokensFor } from "../support/test-api.js";
import { routesOf } from "./support/route-tree.js";

// Secrets and identifiers stay where they belong: bearer tokens, passwords and the pseudonym key never
// appear in a log line or in any response but the one that issues a token; raw child and worker ids
// never reach the database. Logs are captured at the most verbose level.

const pseudonymKey = "secret-pseudonym-key-for-the-leak-test-0123";
const password = "a password nobody should ever read";
const logLines: string[] = [];
const responses: string[] = [];
let api: TestApi;
let tokens: Awaited<ReturnType<typeof tokensFor>>;
let sessionToken: string;
const demo = generateDemoAuthority({ scale: 0.05 });

async function call(options: InjectOptions) {
  const res = await api.app.inject(options);
  responses.push(JSON.stringify(res.headers), res.body);
  return res;
}

beforeAll(async () => {
  api = await startTestApi(
    { logLevel: "trace", pseudonymKey },
    { logStream: { write: (line: string) => void logLines.push(line) } },
  );
  tokens = await tokensFor(api.app, "default");
  const user = await api.app.inject({
    method: "POST",
    url: "/v1/users",
    headers: bearer(tokens.admin),
    payload: { username: "leak-test", password, display_name: "Leak Test", role: "analyst" },
  });
  expect(user.statusCode).toBe(201);
  const signIn = await api.app.inject({
    method: "POST",
    url: "/v1/sessions",
    payload: { username: "leak-test", password },
  });
  expect(signIn.statusCode).toBe(201);
  sessionToken = signIn.json().token;

  for (const dataset of datasetNames) {
    const records = demo[dataset];
    if (records.length === 0) continue;
    const res = await call({
      method: "POST",
      url: `/v1/datasets/${dataset}/records`,
      headers: bearer(tokens.ingest),
      payload: { records },
    });
    expect(res.statusCode, dataset).toBe(200);
  }
  // Rejected and refused requests log too: a batch with bad rows, bad tokens, a wrong password.
  await call({
    method: "POST",
    url: "/v1/datasets/contacts/records",
    headers: bearer(tokens.ingest),
    payload: {
      records: [{ contact_id: "X1", child_id: "CH999999", contact_date: "not a date", source: "8" }],
    },
  });
  await call({ method: "GET", url: "/v1/batches", headers: bearer(`${tokens.read}x`) });
  await call({
    method: "POST",
    url: "/v1/sessions",
    payload: { username: "leak-test", password: `${password}!` },
  });
  await call({ method: "POST", url: "/v1/sessions", payload: { username: "nobody", password } });
  const list = await call({ method: "GET", url: "/v1/indicators", headers: bearer(tokens.read) });
  const indicatorId: string = list.json().indicators?.[0]?.id ?? list.json()[0]?.id;
  const fill: Record<string, string> = {
    period: "FY2019-20-Q2",
    section: "ffd",
    dataset: "contacts",
    id: indicatorId,
  };
  for (const { method, path } of routesOf(api.app.printRoutes({ commonPrefix: false }))) {
    if (method !== "GET" || path.startsWith("/docs")) continue;
    const url = path.replace(/:([a-z_]+)/g, (_, n: string) => fill[n] ?? n);
    for (const token of [tokens.admin, sessionToken, adminToken])
      await call({
        method: "GET",
        url: `${url}${url === "/v1/data-quality" ? "?as_at=2019-09-30" : ""}`,
        headers: bearer(token),
      });
  }
  await call({ method: "DELETE", url: "/v1/sessions/current", headers: bearer(sessionToken) });
}, 300_000);
afterAll(async () => {
  await api.close();
});

describe("secrets", () => {
  it("captured a verbose log of every request", () => {
    expect(logLines.length).toBeGreaterThan(50);
    expect(logLines.some((l) => l.includes('"route":"/v1/reports/:period"'))).toBe(true);
  });

  it("never writes a token, a password or the pseudonym key to the log", () => {
    const secrets = [
      adminToken,
      tokens.read,
      tokens.ingest,
      tokens.analyst,
      tokens.admin,
      sessionToken,
      password,
      pseudonymKey,
    ];
    const found = secrets.filter((s) => logLines.some((l) => l.includes(s)));
    expect(found.map((s) => `${s.slice(0, 6)}…`)).toEqual([]);
  });

  it("never sends a token, a password or the pseudonym key back (but for a new token's own response)", () => {
    const secrets = [
      adminToken,
      tokens.read,
      tokens.ingest,
      tokens.analyst,
      tokens.admin,
      sessionToken,
      password,
      pseudonymKey,
    ];
    const found = secrets.filter((s) => responses.some((r) => r.includes(s)));
    expect(found.map((s) => `${s.slice(0, 6)}…`)).toEqual([]);
  });

  it("never writes a raw child or worker id to the log", () => {
    expect(logLines.filter((l) => /CH\d{6}|WK\d{5}/.test(l)).length).toBe(0);
  });
});

describe("raw identifiers", () => {
  it("never reach any table of the database", async () => {
    const raw = new Set<string>();
    for (const dataset of datasetNames)
      for (const record of demo[dataset] as readonly Record<string, unknown>[])
        for (const field of ["child_id", "worker_id"]) {
          const v = record[field];
          if (typeof v === "string") raw.add(v);
        }
    expect(raw.size).toBeGreaterThan(1000);
    const tables = await queryRows<{ name: string }>(
      api.app.database.db,
      sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["records", "batches", "tokens"]));
    const hits: string[] = [];
    let scanned = 0;
    for (const { name } of tables) {
      const rows = await queryRows<{ t: string }>(
        api.app.database.db,
        sql`SELECT x::text AS t FROM ${sql.identifier(name)} x`,
      );
      scanned += rows.length;
      for (const { t } of rows)
        for (const match of t.matchAll(/[A-Z]{2}\d{5,6}/g))
          if (raw.has(match[0])) hits.push(`${name}: ${match[0].slice(0, 2)}…`);
    }
    expect(scanned).toBeGreaterThan(5000);
    expect(hits).toEqual([]);
  });
});
