#!/usr/bin/env node
// The two promises of the README, on a machine with only Node.js 20 and npm:
//   npm start  — set up, build and run the product on the embedded store with demonstration data
//   npm test   — set up and run every test that needs no system service
// It installs the pinned pnpm locally (corepack does not work on these machines), installs the
// workspace from the lockfile, builds, then runs the requested task.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = "12.4.2";
const toolsDir = join(root, ".tools");
const pnpmBin = join(toolsDir, "node_modules", ".bin", process.platform === "win32" ? "pnpm.cmd" : "pnpm");
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  PATH: `${join(toolsDir, "node_modules", ".bin")}${process.platform === "win32" ? ";" : ":"}${process.env.PATH}`,
};

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env, ...options });
  if (result.error) {
    console.error(`Could not run ${cmd}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function pnpmVersion() {
  if (!existsSync(pnpmBin)) return null;
  const r = spawnSync(pnpmBin, ["--version"], { cwd: root, env, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

function setup() {
  if (pnpmVersion() !== PNPM_VERSION) {
    console.log(`Installing pnpm ${PNPM_VERSION} into .tools/ …`);
    run("npm", [
      "install",
      "--prefix",
      toolsDir,
      `pnpm@${PNPM_VERSION}`,
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
    ]);
  }
  const frozen = existsSync(join(root, "pnpm-lock.yaml")) ? ["--frozen-lockfile"] : [];
  run(pnpmBin, ["install", ...frozen]);
}

const task = process.argv[2];
setup();
switch (task) {
  case "setup":
    break;
  case "test":
    run(pnpmBin, ["run", "ci:test"]);
    break;
  case "start":
    run(pnpmBin, ["run", "ci:start"]);
    break;
  default:
    console.error(`Unknown task ${task}: use start, test or setup`);
    process.exit(2);
}
