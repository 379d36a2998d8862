import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// Imports the BUILT package (dist) both ways, through its package.json `exports`, as a consumer would.
const here = dirname(fileURLToPath(import.meta.url));
const pkgRoot = join(here, "..");
const require = createRequire(join(pkgRoot, "package.json"));

describe("built package", () => {
  it("loads as CommonJS through exports.require", () => {
    const cjs = require("@kpi/core");
    expect(typeof cjs.addMonths).toBe("function");
    expect(cjs.addMonths("2019-08-31", 1)).toBe("2019-09-30");
  });

  it("loads as ESM through exports.import", async () => {
    const esm = await import(pathToFileURL(join(pkgRoot, "dist", "index.js")).href);
    expect(esm.formatDisplayDate("2019-09-30")).toBe("30 Sep 2019");
  });

  it("exposes the same names both ways, with types first in exports", async () => {
    const cjs = require("@kpi/core");
    const esm = await import(pathToFileURL(join(pkgRoot, "dist", "index.js")).href);
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).sort());
    const pkg = require("./package.json");
    expect(Object.keys(pkg.exports["."].import)[0]).toBe("types");
    expect(Object.keys(pkg.exports["."].require)[0]).toBe("types");
  });
});
