import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RouteDefinition, routes } from "@kpi/contract";
import type { RouteOptions } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { apiConfigSchema } from "../env.js";

// Issue 16: `routes` in @kpi/contract is the route table. Every route Fastify registers must be one
// of its entries, registered from it (by identity, so method, path, schemas and role are the table's),
// and every entry must be registered once. The only routes outside the table are the documentation's
// own: `GET /openapi.json` and the Swagger UI under `/docs` (registered by @fastify/swagger-ui).

interface Registered {
  readonly route: string;
  readonly definition: RouteDefinition | undefined;
  readonly access: unknown;
}

const documentationRoutes = (route: string) => route === "GET /openapi.json" || / \/docs(\/|$)/.test(route);

async function registeredRoutes(): Promise<Registered[]> {
  const registered: Registered[] = [];
  const collect = (options: RouteOptions) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    // Fastify adds a HEAD route beside each GET.
    if (methods.length === 1 && methods[0] === "HEAD") return;
    const config = (options.config ?? {}) as { contractRoute?: RouteDefinition; access?: unknown };
    registered.push({
      route: `${methods.join(",")} ${options.url}`,
      definition: config.contractRoute,
      access: config.access,
    });
  };
  // The whole app, as it serves: an onRoute hook added by a plugin registered before the routes.
  const dataDir = mkdtempSync(join(tmpdir(), "kpi-contract-routes-"));
  const app = await buildApp(
    apiConfigSchema.parse({
      port: 0,
      host: "127.0.0.1",
      dataDir,
      maxBodyBytes: 1024,
      logLevel: "silent",
      rateLimitPerMinute: 1,
      sessionTtlMinutes: 1,
    }),
    { onRoute: collect },
  );
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  return registered;
}

const table = Object.entries(routes).map(([name, definition]) => ({
  name,
  route: `${definition.method} ${definition.path}`,
  definition: definition as RouteDefinition,
}));

describe("the contract's route table and the routes the API registers", () => {
  let registered: Registered[];
  beforeAll(async () => {
    registered = await registeredRoutes();
  });

  it("registers every route of the table, once, from its definition", () => {
    const missing = table.filter((t) => !registered.some((r) => r.definition === t.definition));
    expect(missing.map((t) => `${t.name}: ${t.route}`)).toEqual([]);
    for (const t of table) {
      const copies = registered.filter((r) => r.definition === t.definition);
      expect(
        copies.map((c) => c.route),
        t.name,
      ).toEqual([t.route]);
      expect(copies[0]?.access, t.name).toBe(t.definition.access);
    }
  });

  it("registers no route the table lacks", () => {
    const extra = registered.filter((r) => r.definition === undefined && !documentationRoutes(r.route));
    expect(extra.map((r) => r.route)).toEqual([]);
    // The documentation routes are there (so the exception above names real routes).
    expect(registered.some((r) => r.route === "GET /openapi.json")).toBe(true);
    expect(registered.some((r) => r.route.startsWith("GET /docs"))).toBe(true);
  });

  it("names each path parameter of a route in its params schema", () => {
    for (const t of table) {
      const names = [...t.definition.path.matchAll(/:([a-z_]+)/g)].map((m) => m[1]);
      const shape = (t.definition.params as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      expect(Object.keys(shape).sort(), t.name).toEqual([...names].sort());
    }
  });
});
