#!/usr/bin/env node
// Import-cycle check over every workspace package's and app's source (madge), then the packages'
// layering (scripts/layers.mjs). Exits 1 on a cycle or a breach.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const roots = ["packages", "apps"].flatMap((group) =>
  existsSync(group)
    ? readdirSync(group)
        .map((name) => join(group, name, "src"))
        .filter((dir) => existsSync(dir))
    : [],
);
if (roots.length === 0) {
  console.log("No sources to check for import cycles.");
  process.exit(0);
}
const r = spawnSync(
  "madge",
  ["--circular", "--no-spinner", "--extensions", "ts,tsx", "--ts-config", "tsconfig.base.json", ...roots],
  { stdio: "inherit", shell: process.platform === "win32" },
);
if ((r.status ?? 1) !== 0) process.exit(r.status ?? 1);
const layers = spawnSync(process.execPath, [join("scripts", "layers.mjs")], { stdio: "inherit" });
process.exit(layers.status ?? 1);
