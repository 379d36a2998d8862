#!/usr/bin/env node
// The packages' layering (issue 16): each workspace package may depend on, and import from its
// sources, only the packages below it — core ← catalogue ← contract ← imports ← client ← api, web.
// Tests (`*.test.ts(x)`, `test/`, `e2e/`, benches) may reach up (the client's tests start the API).
// Exits 1 naming every breach: the package.json dependency, or the file and line of the import.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Each package's layer: a package may use only packages of a lower layer. */
export const LAYERS = {
  "@kpi/core": 0,
  "@kpi/catalogue": 1,
  "@kpi/contract": 2,
  "@kpi/imports": 3,
  "@kpi/client": 4,
  "@kpi/api": 5,
  "@kpi/web": 5,
};
/** Build and test helpers any package may use in development. */
const TOOLING = new Set(["@kpi/demo", "@kpi/docs-examples", "@kpi/public-api-checks"]);
const TEST_FILE = /(\.test\.tsx?$|\.bench\.ts$|\.fixture\.ts$|(^|\/)(test|tests|e2e|bench)\/)/;
const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](@kpi\/[a-z0-9-]+)/g;

function sources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "dist" || name === ".next") return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mts|mjs|js)$/.test(name) ? [path] : [];
  });
}

/**
 * Every breach of the layering under `root`.
 * @param {string} root - the repository
 * @returns {string[]} one line per breach
 */
export function layerBreaches(root) {
  const breaches = [];
  for (const group of ["packages", "apps"]) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir)) {
      const dir = join(groupDir, name);
      const manifest = join(dir, "package.json");
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, "utf8"));
      const own = LAYERS[pkg.name];
      if (own === undefined) {
        breaches.push(`${relative(root, manifest)}: ${pkg.name} has no layer in scripts/layers.mjs`);
        continue;
      }
      const allowed = (dep) => TOOLING.has(dep) || (LAYERS[dep] !== undefined && LAYERS[dep] < own);
      for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
        if (dep.startsWith("@kpi/") && !allowed(dep))
          breaches.push(`${relative(root, manifest)}: ${pkg.name} depends on ${dep}, which is not below it`);
      }
      for (const file of sources(join(dir, "src"))) {
        const path = relative(dir, file);
        if (TEST_FILE.test(path)) continue;
        const lines = readFileSync(file, "utf8").split("\n");
        lines.forEach((line, i) => {
          for (const m of line.matchAll(IMPORT)) {
            const dep = m[1];
            if (dep === pkg.name) continue;
            if (!allowed(dep) || TOOLING.has(dep))
              breaches.push(
                `${relative(root, file)}:${i + 1}: ${pkg.name} imports ${dep}, which is not below it`,
              );
          }
        });
      }
    }
  }
  return breaches;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const breaches = layerBreaches(process.cwd());
  if (breaches.length > 0) {
    console.error(
      `The layering core ← catalogue ← contract ← imports ← client ← api, web is broken:\n${breaches.join("\n")}`,
    );
    process.exit(1);
  }
  console.log("Layering holds: core ← catalogue ← contract ← imports ← client ← api, web.");
}
