import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/database.js";
import { issueToken } from "../../src/services/tokens.js";
import { adminToken, bearer, startTestApi, type TestApi } from "../support/test-api.js";

// Token look-ups are cached per process for at most a second (decisions 115 and 145). Revoking through
// this process takes effect on the next request; expiry is honoured to the millisecond; a revocation this
// process was not told of is honoured within the cache's bound. The clock is the app's own test clock,
// so no test waits. (Revocations made elsewhere are announced by the database: revocation.test.ts.)

let clock = Date.now();
let api: TestApi;
let uncached: TestApi;

const datasets = (app: TestApi, token: string) =>
  app.app.inject({ method: "GET", url: "/v1/datasets", headers: bearer(token) });

async function createToken(app: TestApi, name: string): Promise<{ id: string; token: string }> {
  const res = await app.app.inject({
    method: "POST",
    url: "/v1/tokens",
    headers: bearer(adminToken),
    payload: { name, role: "read" },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, token: res.json().token };
}

async function revokeInDatabase(app: TestApi, id: string): Promise<void> {
  await queryRows(
    app.app.database.db,
    sql`UPDATE tokens SET revoked_at = now() WHERE id = ${id} RETURNING id`,
  );
}

beforeAll(async () => {
  api = await startTestApi({ tokenCacheSeconds: 1 }, { now: () => clock });
  uncached = await startTestApi({ tokenCacheSeconds: 0 });
});

afterAll(async () => {
  await api?.close();
  await uncached?.close();
});

describe("token cache", () => {
  it("refuses a token revoked with DELETE /v1/tokens/:id from the very next request", async () => {
    const { id, token } = await createToken(api, "revoked-at-once");
    expect((await datasets(api, token)).statusCode).toBe(200);
    expect((await datasets(api, token)).statusCode).toBe(200);
    const revoked = await api.app.inject({
      method: "DELETE",
      url: `/v1/tokens/${id}`,
      headers: bearer(adminToken),
    });
    expect(revoked.statusCode).toBe(204);
    expect((await datasets(api, token)).statusCode).toBe(401);
    const report = await api.app.inject({
      method: "GET",
      url: "/v1/reports/FY2019-20-Q2",
      headers: bearer(token),
    });
    expect(report.statusCode).toBe(401);
  });

  it("refuses a portal session from the very next request after sign-out", async () => {
    const password = "a long enough password for the cache test";
    const user = await api.app.inject({
      method: "POST",
      url: "/v1/users",
      headers: bearer(adminToken),
      payload: { username: "cache-test", password, display_name: "Cache Test", role: "read" },
    });
    expect(user.statusCode, user.body).toBe(201);
    const session = await api.app.inject({
      method: "POST",
      url: "/v1/sessions",
      payload: { username: "cache-test", password },
    });
    expect(session.statusCode).toBe(201);
    const token: string = session.json().token;
    expect((await datasets(api, token)).statusCode).toBe(200);
    const out = await api.app.inject({
      method: "DELETE",
      url: "/v1/sessions/current",
      headers: bearer(token),
    });
    expect(out.statusCode).toBe(204);
    expect((await datasets(api, token)).statusCode).toBe(401);
  });

  it("refuses a cached token as soon as it expires, before the cache's bound", async () => {
    const { token } = await issueToken(api.app.database.db, {
      organisationId: "default",
      name: "session:short",
      role: "read",
      kind: "session",
      actor: "short",
      createdBy: "short",
      expiresAt: new Date(clock + 2_000),
    });
    expect((await datasets(api, token)).statusCode).toBe(200);
    clock += 1_999;
    expect((await datasets(api, token)).statusCode).toBe(200);
    clock += 1;
    expect((await datasets(api, token)).statusCode).toBe(401);
  });

  it("honours a revocation it was not told of within the bound of 1 second", async () => {
    const { id, token } = await createToken(api, "revoked-unannounced");
    expect((await datasets(api, token)).statusCode).toBe(200);
    // As if the notification were lost: revoke with the trigger's announcement switched off.
    await api.app.database.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE tokens DISABLE TRIGGER tokens_revoked_notify`);
      await tx.execute(sql`UPDATE tokens SET revoked_at = now() WHERE id = ${id}`);
      await tx.execute(sql`ALTER TABLE tokens ENABLE TRIGGER tokens_revoked_notify`);
    });
    clock += 999;
    expect((await datasets(api, token)).statusCode).toBe(200);
    clock += 1;
    expect((await datasets(api, token)).statusCode).toBe(401);
  });

  it("with KPI_TOKEN_CACHE_SECONDS=0, honours any revocation at once", async () => {
    const { id, token } = await createToken(uncached, "uncached");
    expect((await datasets(uncached, token)).statusCode).toBe(200);
    await revokeInDatabase(uncached, id);
    expect((await datasets(uncached, token)).statusCode).toBe(401);
  });

  it("never accepts an unknown token, however often it is tried", async () => {
    const before = api.app.tokenCache.size;
    for (let i = 0; i < 3; i++) expect((await datasets(api, "kpi_not-a-token")).statusCode).toBe(401);
    expect(api.app.tokenCache.size).toBe(before);
  });
});
