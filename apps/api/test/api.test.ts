import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.js";
import { issueToken } from "../src/services/tokens.js";
import { adminToken, bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

let api: TestApi;
let own: Awaited<ReturnType<typeof tokensFor>>;

beforeAll(async () => {
  api = await startTestApi();
  own = await tokensFor(api.app, "default");
});
afterAll(async () => {
  await api.close();
});

const inject = (options: InjectOptions) => api.app.inject(options);

describe("health and documentation", () => {
  it("answers its root URL (what npm start prints) with where to go, without a token", async () => {
    const root = await inject({ method: "GET", url: "/" });
    expect(root.statusCode).toBe(200);
    const links = root.json() as Record<string, string>;
    expect(links).toMatchObject({ reference: "/docs", openapi: "/openapi.json", health: "/healthz" });
    for (const path of [links.openapi, links.health, links.readiness])
      expect((await inject({ method: "GET", url: path ?? "" })).statusCode, path).toBe(200);
    expect((await inject({ method: "GET", url: links.reference ?? "" })).statusCode).toBeLessThan(400);
  });

  it("answers /healthz and /readyz without a token", async () => {
    expect((await inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
    const ready = await inject({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(200);
  });

  it("publishes the OpenAPI document and /docs without a token", async () => {
    const doc = await inject({ method: "GET", url: "/openapi.json" });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/v1/datasets/{dataset}/records",
        "/v1/tokens",
        "/v1/batches",
        "/v1/data-quality",
      ]),
    );
    const docs = await inject({ method: "GET", url: "/docs/" });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await inject({ method: "GET", url: "/v2/nothing" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: "not_found", message: "No such route" } });
  });
});

describe("POST /v1/organisations", () => {
  it("creates an organisation with KPI_ADMIN_TOKEN only", async () => {
    const payload = { id: "camden", name: "London Borough of Camden" };
    const created = await inject({
      method: "POST",
      url: "/v1/organisations",
      headers: bearer(adminToken),
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject(payload);
    const again = await inject({
      method: "POST",
      url: "/v1/organisations",
      headers: bearer(adminToken),
      payload,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("conflict");
    const orgAdmin = await inject({
      method: "POST",
      url: "/v1/organisations",
      headers: bearer(own.admin),
      payload,
    });
    expect(orgAdmin.statusCode).toBe(403);
    expect((await inject({ method: "POST", url: "/v1/organisations", payload })).statusCode).toBe(401);
    const bad = await inject({
      method: "POST",
      url: "/v1/organisations",
      headers: bearer(adminToken),
      payload: { id: "Not An Id!", name: "x" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.issues[0].field).toBe("id");
  });
});

describe("tokens", () => {
  it("returns a new token once, stores only its SHA-256, and lists it without the secret", async () => {
    const res = await inject({
      method: "POST",
      url: "/v1/tokens",
      headers: bearer(own.admin),
      payload: { name: "nightly-load", role: "ingest" },
    });
    expect(res.statusCode).toBe(201);
    const { token, id } = res.json();
    expect(token).toMatch(/^kpi_/);
    const hash = createHash("sha256").update(token).digest("hex");
    const stored = await queryRows<{ token_hash: string; t: string }>(
      api.app.database.db,
      sql`SELECT token_hash, tokens::text AS t FROM tokens WHERE id = ${id}`,
    );
    expect(stored[0]?.token_hash).toBe(hash);
    expect(stored[0]?.t).not.toContain(token);

    const list = await inject({ method: "GET", url: "/v1/tokens", headers: bearer(own.admin) });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(hash);
    expect(list.json().tokens.find((t: { id: string }) => t.id === id)).toMatchObject({
      name: "nightly-load",
      role: "ingest",
      created_by: "default-admin",
      revoked_at: null,
    });

    const works = await inject({ method: "GET", url: "/v1/datasets", headers: bearer(token) });
    expect(works.statusCode).toBe(200);
    const revoked = await inject({ method: "DELETE", url: `/v1/tokens/${id}`, headers: bearer(own.admin) });
    expect(revoked.statusCode).toBe(204);
    expect((await inject({ method: "GET", url: "/v1/datasets", headers: bearer(token) })).statusCode).toBe(
      401,
    );
    expect(
      (await inject({ method: "DELETE", url: `/v1/tokens/${id}`, headers: bearer(own.admin) })).statusCode,
    ).toBe(404);
  });

  it("refuses without a token (401), without the admin role (403), and across organisations", async () => {
    expect((await inject({ method: "GET", url: "/v1/tokens" })).statusCode).toBe(401);
    for (const role of ["read", "ingest", "analyst"] as const) {
      const res = await inject({ method: "GET", url: "/v1/tokens", headers: bearer(own[role]) });
      expect({ role, status: res.statusCode }).toEqual({ role, status: 403 });
      const create = await inject({
        method: "POST",
        url: "/v1/tokens",
        headers: bearer(own[role]),
        payload: { name: "x", role: "admin" },
      });
      expect(create.statusCode).toBe(403);
    }
    const other = await tokensFor(api.app, "other-org");
    const cross = await inject({
      method: "POST",
      url: "/v1/tokens",
      headers: bearer(own.admin),
      payload: { name: "sneaky", role: "admin", organisation: "other-org" },
    });
    expect(cross.statusCode).toBe(403);
    const theirs = await inject({ method: "GET", url: "/v1/tokens", headers: bearer(other.admin) });
    const theirId = theirs.json().tokens[0].id;
    const del = await inject({ method: "DELETE", url: `/v1/tokens/${theirId}`, headers: bearer(own.admin) });
    expect(del.statusCode).toBe(404);
    const ownList = await inject({ method: "GET", url: "/v1/tokens", headers: bearer(own.admin) });
    expect(ownList.json().tokens.map((t: { id: string }) => t.id)).not.toContain(theirId);
    const malformedId = await inject({
      method: "DELETE",
      url: "/v1/tokens/not-a-uuid",
      headers: bearer(own.admin),
    });
    expect(malformedId.statusCode).toBe(422);
    const unknownOrg = await inject({
      method: "POST",
      url: "/v1/tokens",
      headers: bearer(adminToken),
      payload: { name: "x", role: "read", organisation: "no-such-org" },
    });
    expect(unknownOrg.statusCode).toBe(422);
  });

  it("treats a malformed Authorization header as no token", async () => {
    for (const authorization of ["Basic abc", "Bearer", "Bearer a b", `Token ${adminToken}`]) {
      const res = await inject({ method: "GET", url: "/v1/datasets", headers: { authorization } });
      expect({ authorization, status: res.statusCode }).toEqual({ authorization, status: 401 });
    }
  });
});

describe("staff users and sessions", () => {
  const password = "correct horse battery staple";

  it("creates a user with a scrypt hash, signs them in as themselves, and signs them out", async () => {
    const created = await inject({
      method: "POST",
      url: "/v1/users",
      headers: bearer(own.admin),
      payload: { username: "jsmith", password, display_name: "Jo Smith", role: "analyst" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: "jsmith", role: "analyst", organisation: "default" });
    const stored = await queryRows<{ password_hash: string }>(
      api.app.database.db,
      sql`SELECT password_hash FROM users WHERE username = 'jsmith'`,
    );
    expect(stored[0]?.password_hash).toMatch(/^scrypt\$/);
    expect(stored[0]?.password_hash).not.toContain(password);

    const session = await inject({
      method: "POST",
      url: "/v1/sessions",
      payload: { username: "jsmith", password },
    });
    expect(session.statusCode).toBe(201);
    const body = session.json();
    expect(body.user).toEqual({ username: "jsmith", display_name: "Jo Smith", role: "analyst" });
    expect(Date.parse(body.expires_at)).toBeGreaterThan(Date.now());
    expect(
      (await inject({ method: "GET", url: "/v1/datasets", headers: bearer(body.token) })).statusCode,
    ).toBe(200);
    const ingest = await inject({
      method: "POST",
      url: "/v1/datasets/children/records",
      headers: { ...bearer(body.token), "content-type": "application/json" },
      payload: JSON.stringify({ records: [] }),
    });
    expect(ingest.statusCode).toBe(403);

    const out = await inject({ method: "DELETE", url: "/v1/sessions/current", headers: bearer(body.token) });
    expect(out.statusCode).toBe(204);
    expect(
      (await inject({ method: "GET", url: "/v1/datasets", headers: bearer(body.token) })).statusCode,
    ).toBe(401);
  });

  it("refuses a wrong password or unknown user alike, and an expired session", async () => {
    const wrong = await inject({
      method: "POST",
      url: "/v1/sessions",
      payload: { username: "jsmith", password: "nope" },
    });
    const unknown = await inject({
      method: "POST",
      url: "/v1/sessions",
      payload: { username: "nobody", password },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(
      (await inject({ method: "POST", url: "/v1/sessions", payload: { username: "jsmith" } })).statusCode,
    ).toBe(422);
    const expired = await issueToken(api.app.database.db, {
      organisationId: "default",
      name: "session:jsmith",
      role: "analyst",
      kind: "session",
      actor: "jsmith",
      createdBy: "jsmith",
      expiresAt: new Date(Date.now() - 60_000),
    });
    expect(
      (await inject({ method: "GET", url: "/v1/datasets", headers: bearer(expired.token) })).statusCode,
    ).toBe(401);
  });

  it("signs out only session tokens", async () => {
    expect((await inject({ method: "DELETE", url: "/v1/sessions/current" })).statusCode).toBe(401);
    const api401 = await inject({ method: "DELETE", url: "/v1/sessions/current", headers: bearer(own.read) });
    expect(api401.statusCode).toBe(403);
  });

  it("creates users only as admin, with a long password and a free username", async () => {
    const payload = { username: "kpatel", password, display_name: "K Patel", role: "read" };
    expect((await inject({ method: "POST", url: "/v1/users", payload })).statusCode).toBe(401);
    expect(
      (await inject({ method: "POST", url: "/v1/users", headers: bearer(own.ingest), payload })).statusCode,
    ).toBe(403);
    const short = await inject({
      method: "POST",
      url: "/v1/users",
      headers: bearer(own.admin),
      payload: { ...payload, password: "short" },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.issues[0].field).toBe("password");
    expect(
      (await inject({ method: "POST", url: "/v1/users", headers: bearer(own.admin), payload })).statusCode,
    ).toBe(201);
    const taken = await inject({ method: "POST", url: "/v1/users", headers: bearer(own.admin), payload });
    expect(taken.statusCode).toBe(409);
    const elsewhere = await inject({
      method: "POST",
      url: "/v1/users",
      headers: bearer(own.admin),
      payload: { ...payload, username: "kp2", organisation: "camden" },
    });
    expect(elsewhere.statusCode).toBe(403);
  });
});

describe("GET /v1/datasets", () => {
  it("lists every dataset with its key and fields for any role", async () => {
    const res = await inject({ method: "GET", url: "/v1/datasets", headers: bearer(own.read) });
    expect(res.statusCode).toBe(200);
    const list = res.json().datasets;
    expect(list).toHaveLength(26);
    const contacts = list.find((d: { name: string }) => d.name === "contacts");
    expect(contacts.key).toEqual(["contact_id"]);
    expect(contacts.person_fields).toEqual(["child_id"]);
    const source = contacts.fields.find((f: { name: string }) => f.name === "source");
    expect(source.codes).toEqual(expect.arrayContaining([{ code: "2A", label: "Schools" }]));
    expect((await inject({ method: "GET", url: "/v1/datasets" })).statusCode).toBe(401);
  });
});
