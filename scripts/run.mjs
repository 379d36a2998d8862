#!/usr/bin/env node
// The two promises of the README, on a machine with only Node.js 20 and npm:
//   npm start  — set up, build and run the product on the embedded store with demonstration data
//   npm test   — set up and run every test that needs no system service
// It installs the pinned pnpm locally (corepack does not work on these machines), installs the
// workspace from the lockfile, builds, then runs the requested task.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
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

/**
 * Turborepo's hash of the portal's build (its sources, its dependencies' builds, its environment), or
 * null when turbo cannot say. The portal's build is not cached by turbo (apps/web/turbo.json: a
 * replayed partial `.next` broke the portal once), so `npm start` remembers the hash it last built and
 * skips `next build` when nothing it depends on changed.
 */
function portalBuildHash() {
  const r = spawnSync(pnpmBin, ["exec", "turbo", "run", "build", "--filter=@kpi/web", "--dry=json"], {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) return null;
  try {
    const task = JSON.parse(r.stdout).tasks.find((t) => t.taskId === "@kpi/web#build");
    return typeof task?.hash === "string" ? task.hash : null;
  } catch {
    return null;
  }
}

/**
 * `npm start`: builds what changed (the portal only when its hash moved), then runs scripts/start.mjs
 * directly. Ctrl+C (or SIGTERM) is a normal stop: start.mjs stops the API and the portal, and this
 * process waits for it and exits 0, so npm does not report a failed command.
 */
function start() {
  const stamp = join(root, "apps/web/.next/kpi-build-hash");
  const hash = portalBuildHash();
  const built =
    hash !== null &&
    existsSync(join(root, "apps/web/.next/BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8").trim() === hash;
  if (built) console.log("The portal's build is up to date: not rebuilding it.");
  run(pnpmBin, ["exec", "turbo", "run", "build", ...(built ? ["--filter=!@kpi/web"] : [])]);
  if (!built && hash !== null && existsSync(join(root, "apps/web/.next/BUILD_ID")))
    writeFileSync(stamp, `${hash}\n`);
  // Ctrl+C reaches every process of the terminal's group; a signal sent to this process alone is
  // passed on. Either way this process waits for start.mjs to stop everything, then exits.
  const child = spawn(process.execPath, [join(root, "scripts/start.mjs")], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"])
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  child.on("error", (error) => {
    console.error(`Could not run scripts/start.mjs: ${error.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    const stoppedBySignal = signal === "SIGINT" || signal === "SIGTERM" || signal === "SIGHUP";
    process.exit(stoppedBySignal ? 0 : (code ?? 1));
  });
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
    start();
    break;
  default:
    console.error(`Unknown task ${task}: use start, test or setup`);
    process.exit(2);
}
