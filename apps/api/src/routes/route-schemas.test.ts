import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as contract from "@kpi/contract";
import Fastify, { type RouteOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { apiConfigSchema } from "../env.js";
import { roleSchema } from "../services/roles.js";

const exampleConfig = {
  port: 0,
  host: "127.0.0.1",
  dataDir: "/nowhere",
  maxBodyBytes: 1024,
  logLevel: "silent",
  rateLimitPerMinute: 1,
  sessionTtlMinutes: 1,
} as const;

// Issue 6, "no hand copies": every schema a route declares (body, query, params, headers, each
// response) must BE an export of @kpi/contract, the package the client and the portal parse with, so a
// copy of a wire shape cannot creep back into a route file.
const routesDir = fileURLToPath(new URL(".", import.meta.url));
const routeFiles = readdirSync(routesDir).filter(
  (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "register-route.ts",
);

interface DeclaredSchema {
  readonly route: string;
  readonly part: string;
  readonly schema: unknown;
}

async function declaredSchemas(): Promise<{ routes: string[]; schemas: DeclaredSchema[] }> {
  const app = Fastify();
  // Routes read their limits from the app's configuration as they are registered.
  app.decorate("config", apiConfigSchema.parse(exampleConfig));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes: string[] = [];
  const schemas: DeclaredSchema[] = [];
  app.addHook("onRoute", (options: RouteOptions) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    if (methods.includes("HEAD") && methods.length === 1) return;
    const route = `${methods.join(",")} ${options.url}`;
    routes.push(route);
    const s = (options.schema ?? {}) as Record<string, unknown>;
    for (const part of ["body", "querystring", "params", "headers"])
      if (s[part] !== undefined) schemas.push({ route, part, schema: s[part] });
    for (const [status, schema] of Object.entries((s.response ?? {}) as Record<string, unknown>))
      schemas.push({ route, part: `response ${status}`, schema });
  });
  for (const file of routeFiles) {
    const module = (await import(new URL(file, import.meta.url).href)) as Record<string, unknown>;
    for (const plugin of Object.values(module))
      if (typeof plugin === "function") await app.register(plugin as Parameters<typeof app.register>[0]);
  }
  await app.ready();
  await app.close();
  return { routes, schemas };
}

interface ZodInternals {
  _zod: {
    def: {
      type: string;
      format?: string;
      checks?: { _zod: { def: { check: string; fn?: unknown } } }[];
      shape?: Record<string, unknown>;
      innerType?: unknown;
      in?: unknown;
      out?: unknown;
      element?: unknown;
      options?: unknown[];
      left?: unknown;
      right?: unknown;
      valueType?: unknown;
      items?: unknown[];
    };
  };
}

/** Every string schema inside a zod schema, with the path to it. */
function stringLeaves(schema: unknown, path: string[]): { path: string[]; leaf: unknown }[] {
  const def = (schema as ZodInternals | undefined)?._zod?.def;
  if (def === undefined) return [];
  switch (def.type) {
    case "string":
      return [{ path, leaf: schema }];
    case "object":
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => stringLeaves(value, [...path, key]));
    case "array":
      return stringLeaves(def.element, [...path, "[]"]);
    case "pipe":
      return [...stringLeaves(def.in, path), ...stringLeaves(def.out, path)];
    case "union":
      return (def.options ?? []).flatMap((o) => stringLeaves(o, path));
    case "intersection":
      return [...stringLeaves(def.left, path), ...stringLeaves(def.right, path)];
    case "record":
      return stringLeaves(def.valueType, [...path, "*"]);
    case "tuple":
      return (def.items ?? []).flatMap((item, i) => stringLeaves(item, [...path, String(i)]));
    default:
      return def.innerType === undefined ? [] : stringLeaves(def.innerType, path);
  }
}

describe("route schemas come from @kpi/contract", () => {
  it("declares every route's request and response schemas as exports of the contract, by identity", async () => {
    const exported = new Set<unknown>(Object.values(contract));
    const { routes, schemas } = await declaredSchemas();
    expect(routes).toContain("GET /v1/indicators/:id/values");
    expect(routes).toContain("POST /v1/datasets/:dataset/records");
    expect(routes.length).toBeGreaterThanOrEqual(21);
    // Every route answers 200/201/204 with a declared schema.
    for (const route of routes)
      expect(
        schemas.some((s) => s.route === route && /^response 2/.test(s.part)),
        route,
      ).toBe(true);
    const copies = schemas.filter((s) => !exported.has(s.schema)).map((s) => `${s.route} ${s.part}`);
    expect(copies).toEqual([]);
  });

  it("refuses NUL and unpaired surrogates in every text field a request can carry", async () => {
    // Issue 12, defect 5: each string in a body, path, query string or header schema is either built
    // on storedText() or restricted to a format (a pattern, a UUID, a date-time) that cannot hold them.
    const { schemas } = await declaredSchemas();
    const requests = schemas.filter((s) => !s.part.startsWith("response"));
    expect(requests.length).toBeGreaterThan(20);
    const unguarded: string[] = [];
    let leaves = 0;
    for (const { route, part, schema } of requests)
      for (const { path, leaf } of stringLeaves(schema, [])) {
        leaves += 1;
        const def = (leaf as ZodInternals)._zod.def;
        const checks = def.checks ?? [];
        const stored = checks.some((c) => c._zod.def.fn === contract.isStorableText);
        const formatted =
          def.format !== undefined || checks.some((c) => c._zod.def.check === "string_format");
        if (!stored && !formatted) unguarded.push(`${route} ${part} ${path.join(".")}`);
        for (const bad of ["a\u0000b", "a\ud800b"])
          if ((leaf as { safeParse(v: unknown): { success: boolean } }).safeParse(bad).success)
            unguarded.push(`${route} ${part} ${path.join(".")} accepts ${JSON.stringify(bad)}`);
      }
    expect(leaves).toBeGreaterThan(25);
    expect(unguarded).toEqual([]);
  });

  it("answers errors with the contract's error body", async () => {
    const { schemas } = await declaredSchemas();
    const errors = schemas.filter((s) => /^response [45]/.test(s.part));
    expect(errors.length).toBeGreaterThan(20);
    for (const e of errors) expect(e.schema, `${e.route} ${e.part}`).toBe(contract.errorBodySchema);
  });

  it("registers every route module in the app", () => {
    const app = readFileSync(fileURLToPath(new URL("../app.ts", import.meta.url)), "utf8");
    for (const file of routeFiles) {
      const source = readFileSync(`${routesDir}${file}`, "utf8");
      const plugins = [...source.matchAll(/export const (\w+Routes)\b/g)].map((m) => m[1]);
      expect(plugins.length, file).toBeGreaterThan(0);
      for (const name of plugins) expect(app, name).toContain(`app.register(${name})`);
    }
  });

  it("holds the same roles as the services that check them", () => {
    expect(contract.roleSchema.options).toEqual(roleSchema.options);
  });
});
