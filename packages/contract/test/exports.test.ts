import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// Imports the BUILT package (dist) both ways, through its package.json `exports`, as a consumer would.
const here = dirname(fileURLToPath(import.meta.url));
const pkgRoot = join(here, "..");
const require = createRequire(join(pkgRoot, "package.json"));

describe("built package", () => {
  it("loads as CommonJS through exports.require and validates an error body", () => {
    const cjs = require("@kpi/contract");
    expect(cjs.errorBodySchema.safeParse({ error: { code: "not_found", message: "x" } }).success).toBe(true);
  });

  it("loads as ESM through exports.import and rejects an unknown error code", async () => {
    const esm = await import(pathToFileURL(join(pkgRoot, "dist", "index.js")).href);
    expect(esm.errorBodySchema.safeParse({ error: { code: "teapot", message: "x" } }).success).toBe(false);
  });

  it("exposes the same names both ways, with types first in exports", async () => {
    const cjs = require("@kpi/contract");
    const esm = await import(pathToFileURL(join(pkgRoot, "dist", "index.js")).href);
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).sort());
    const pkg = require("./package.json");
    expect(Object.keys(pkg.exports["."].import)[0]).toBe("types");
    expect(Object.keys(pkg.exports["."].require)[0]).toBe("types");
  });
});
