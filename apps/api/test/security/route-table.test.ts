import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, bearer, startTestApi, type TestApi, tokensFor } from "../support/test-api.js";
import { routesOf } from "./support/route-tree.js";

// Every route the app actually registers (read from Fastify's route tree, not a hand-kept list) must
// refuse a request without a token, and accept or refuse each role as the API contract says. A new
// route without an entry in `required` fails this test until someone decides who may call it.

type Required = "public" | "session" | "read" | "ingest" | "analyst" | "admin" | "admin_token";
type Role = "read" | "ingest" | "analyst" | "admin";

/** Who may call each route, from the contract (spec/api.md, docs/api.md), by method and pattern. */
function required(method: string, path: string): Required | undefined {
  if (path === "/docs" || path.startsWith("/docs/")) return "public";
  // The root answers where to start (what `npm start` prints), like the health checks.
  if (["/", "/openapi.json", "/healthz", "/readyz"].includes(path)) return "public";
  if (method === "POST" && path === "/v1/sessions") return "public";
  // Signing out is for portal sessions: API tokens are revoked through /v1/tokens instead.
  if (method === "DELETE" && path === "/v1/sessions/current") return "session";
  // Listing and ending other people's sessions is administration.
  if ((method === "GET" && path === "/v1/sessions") || (method === "DELETE" && path === "/v1/sessions/:id"))
    return "admin";
  if (method === "POST" && path === "/v1/organisations") return "admin_token";
  // The organisation's admin sets its local-authority code (KPI_ADMIN_TOKEN may for any).
  if (method === "PATCH" && path === "/v1/organisations/:id") return "admin";
  if (path === "/v1/tokens" || path.startsWith("/v1/tokens/")) return "admin";
  if (path === "/v1/users" || path.startsWith("/v1/users/")) return "admin";
  if (path === "/v1/datasets/:dataset/records" || path === "/v1/datasets/:dataset/records/:key")
    return method === "GET" ? "read" : "ingest";
  if (path === "/v1/imports/:kind") return "ingest";
  if (method === "PUT" && /^\/v1\/indicators\/:id\/targets\/:financial_year$/.test(path)) return "analyst";
  if (method === "PUT" && /^\/v1\/reports\/:period\/sections\/:section\/analysis$/.test(path))
    return "analyst";
  // Restoring an earlier version is an edit; signing off is for admins (decision 153).
  if (method === "POST" && path === "/v1/reports/:period/sections/:section/analysis/revert") return "analyst";
  if (method === "POST" && path === "/v1/reports/:period/sections/:section/analysis/approve") return "admin";
  if (method === "GET" && path.startsWith("/v1/")) return "read";
  return undefined;
}

const allowed: Record<Exclude<Required, "public" | "session" | "admin_token">, Role[]> = {
  read: ["read", "ingest", "analyst", "admin"],
  ingest: ["ingest", "admin"],
  analyst: ["analyst", "admin"],
  admin: ["admin"],
};

const sample: Record<string, string> = {
  dataset: "contacts",
  id: "x-probe",
  key: "x-probe",
  financial_year: "FY2019-20",
  period: "FY2019-20-Q2",
  section: "ffd",
};

let api: TestApi;
let tokens: Record<Role, string>;

beforeAll(async () => {
  api = await startTestApi();
  tokens = await tokensFor(api.app, "default");
});

async function sessionToken(): Promise<string> {
  const username = `probe-${Math.random().toString(36).slice(2, 10)}`;
  const password = "a long probe password";
  const user = await api.app.inject({
    method: "POST",
    url: "/v1/users",
    headers: bearer(tokens.admin),
    payload: { username, password, display_name: "Probe", role: "read" },
  });
  expect(user.statusCode, user.body).toBe(201);
  const signIn = await api.app.inject({
    method: "POST",
    url: "/v1/sessions",
    payload: { username, password },
  });
  expect(signIn.statusCode).toBe(201);
  return signIn.json().token;
}
afterAll(async () => {
  await api.close();
});

function probe(method: string, path: string, headers: Record<string, string> = {}) {
  const url = path.replace(/:([a-z_]+)/g, (_, name: string) => sample[name] ?? "x-probe").replace("*", "x");
  const hasBody = method === "POST" || method === "PUT" || method === "PATCH";
  return api.app.inject({
    method: method as "GET",
    url,
    headers,
    ...(hasBody ? { payload: {} } : {}),
  });
}

describe("the route table", () => {
  it("holds the routes of the contract and no route without a rule", () => {
    const routes = routesOf(api.app.printRoutes({ commonPrefix: false }));
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => required(r.method, r.path) === undefined)).toEqual([]);
    expect(routes).toEqual(
      expect.arrayContaining([
        { method: "POST", path: "/v1/datasets/:dataset/records" },
        { method: "GET", path: "/v1/reports/:period" },
        { method: "DELETE", path: "/v1/tokens/:id" },
      ]),
    );
  });

  it("refuses every non-public route without a token, or with an unknown one, with 401", async () => {
    const routes = routesOf(api.app.printRoutes({ commonPrefix: false }));
    const failures: string[] = [];
    for (const { method, path } of routes) {
      if (required(method, path) === "public") continue;
      for (const headers of [
        {},
        bearer("kpi_not-a-real-token"),
        { authorization: "Basic YWRtaW46YWRtaW4=" },
      ]) {
        const res = await probe(method, path, headers);
        if (res.statusCode !== 401 || res.json().error?.code !== "unauthorized")
          failures.push(`${method} ${path} ${JSON.stringify(headers)} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets each role through exactly where the contract allows it", async () => {
    const routes = routesOf(api.app.printRoutes({ commonPrefix: false }));
    const failures: string[] = [];
    for (const { method, path } of routes) {
      const need = required(method, path);
      if (need === undefined || need === "public") continue;
      for (const role of ["read", "ingest", "analyst", "admin"] as const) {
        const res = await probe(method, path, bearer(tokens[role]));
        const refused = res.statusCode === 401 || res.statusCode === 403;
        const shouldPass = need !== "admin_token" && need !== "session" && allowed[need].includes(role);
        if (refused === shouldPass) failures.push(`${method} ${path} as ${role} → ${res.statusCode}`);
        if (!shouldPass && (res.statusCode !== 403 || res.json().error?.code !== "forbidden"))
          failures.push(`${method} ${path} as ${role} → ${res.statusCode}, expected 403 forbidden`);
      }
      if (need === "session") {
        const res = await probe(method, path, bearer(await sessionToken()));
        if (res.statusCode === 401 || res.statusCode === 403)
          failures.push(`${method} ${path} with a session token → ${res.statusCode}`);
      }
      if (need === "admin_token") {
        const res = await probe(method, path, bearer(adminToken));
        if (res.statusCode === 401 || res.statusCode === 403)
          failures.push(`${method} ${path} with KPI_ADMIN_TOKEN → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lists in the OpenAPI document every /v1 route it serves", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{([a-z_]+)\}/g, ":$1")}`),
      ),
    );
    const served = routesOf(api.app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.path.startsWith("/v1/"))
      .map((r) => `${r.method} ${r.path}`);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });
});
