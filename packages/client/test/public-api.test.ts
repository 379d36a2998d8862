import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jsDocCoverageTests } from "@kpi/public-api-checks";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every public export of the entry point has JSDoc (and every exported function an @example), the
// client declares no wire shapes of its own, and the built package loads as ESM and as CJS alike.
const here = dirname(fileURLToPath(import.meta.url));
const pkgRoot = join(here, "..");

describe("public API documentation (client)", () => {
  jsDocCoverageTests(pkgRoot);
});

describe("public API", () => {
  it("takes every API wire shape from @kpi/contract instead of declaring its own", () => {
    const src = join(pkgRoot, "src");
    const files = (ts.sys.readDirectory(src, [".ts"]) as string[]).filter((f) => !f.endsWith(".test.ts"));
    // Only the CLI's own configuration file is validated with a zod schema declared here.
    const zodValueImports = files
      .filter((f) => /^import (?!type )[^;]*from "zod";/m.test(ts.sys.readFile(f) ?? ""))
      .map((f) => f.slice(src.length + 1));
    expect(zodValueImports).toEqual(["cli/config.ts"]);
    expect(files.some((f) => f.endsWith("/src/wire.ts"))).toBe(false);
  });

  it("loads the built package as ESM and as CJS with the same exports", async () => {
    const dist = join(pkgRoot, "dist");
    const esm = await import(join(dist, "index.js"));
    const cjs = createRequire(import.meta.url)(join(dist, "index.cjs"));
    expect(typeof esm.createClient).toBe("function");
    expect(typeof cjs.createClient).toBe("function");
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(new esm.KpiClientError("timeout", "x")).toBeInstanceOf(Error);
  });

  it("offers the HTTP client alone at @kpi/client/http: the same objects, without the command line", async () => {
    const dist = join(pkgRoot, "dist");
    const esm = await import(join(dist, "index.js"));
    const http = await import(join(dist, "http.js"));
    expect(http.createClient).toBe(esm.createClient);
    expect(http.KpiClientError).toBe(esm.KpiClientError);
    expect(typeof http.callRoute).toBe("function");
    expect(http.runCli).toBeUndefined();
    expect(Object.keys(http).every((name) => name in esm)).toBe(true);
    const cjs = createRequire(import.meta.url)(join(dist, "http.cjs"));
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(http).sort());
  });
});
