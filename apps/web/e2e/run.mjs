#!/usr/bin/env node
// End-to-end runner for the staff portal.
//
// Starts the built API on a temporary data directory, loads the demonstration authority through the
// API, creates demo staff (analyst, viewer, admin), starts the built portal on free loopback ports
// (see stack.mjs), then runs every scenario in e2e/*.ts in headless Debian Chromium via
// playwright-core. Prints `N passed, N failed` as its last line and exits non-zero when anything failed.
//
//   node e2e/run.mjs                 run every scenario
//   node e2e/run.mjs dashboard       run the scenarios whose file or name contains "dashboard"
//   node e2e/run.mjs --serve         start API + demo data, print sign-ins, keep running (add --portal
//                                    to start the built portal too)
//
// Nothing here downloads a browser: Chromium must be at /usr/bin/chromium (`.ci/browser-suite` installs it).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, CHROMIUM_ARGS, startStack, webDir } from "./stack.mjs";

const args = process.argv.slice(2);
const serveOnly = args.includes("--serve");
const filters = args.filter((a) => !a.startsWith("--"));
let stack = null;

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stack?.stop();
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

function scenarioFiles() {
  const dir = join(webDir, "e2e");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && f !== "harness.ts")
    .sort()
    .map((f) => join(dir, f));
}

async function main() {
  if (!serveOnly && !existsSync(CHROMIUM))
    throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium`);
  stack = await startStack({ portal: !serveOnly || args.includes("--portal"), echo: serveOnly });
  if (serveOnly) {
    console.log(`API:    ${stack.apiUrl}  (admin token ${stack.adminToken})`);
    if (stack.baseUrl) console.log(`Portal: ${stack.baseUrl}`);
    for (const u of Object.values(stack.users))
      console.log(`  ${u.role.padEnd(8)} ${u.username} / ${u.password}`);
    console.log("Press Ctrl+C to stop.");
    return new Promise(() => {});
  }

  const { register } = await import("tsx/esm/api");
  register();
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = {
    browser,
    baseUrl: stack.baseUrl,
    apiUrl: stack.apiUrl,
    adminToken: stack.adminToken,
    users: stack.users,
  };
  let passed = 0;
  let failed = 0;
  try {
    for (const file of scenarioFiles()) {
      const mod = await import(pathToFileURL(file).href);
      for (const scenario of mod.scenarios ?? []) {
        const label = `${file.split("/").pop()} › ${scenario.name}`;
        if (filters.length > 0 && !filters.some((f) => label.includes(f))) continue;
        const started = Date.now();
        try {
          await scenario.run(context);
          passed += 1;
          console.log(`✓ ${label} (${Date.now() - started} ms)`);
        } catch (error) {
          failed += 1;
          console.log(
            `✗ ${label}\n    ${String(error?.stack ?? error)
              .split("\n")
              .slice(0, 8)
              .join("\n    ")}`,
          );
        }
      }
    }
  } finally {
    await browser.close();
  }
  return { passed, failed };
}

main().then(
  (result) => {
    if (result === undefined) return;
    stack?.stop();
    console.log(`${result.passed} passed, ${result.failed} failed`);
    process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
  },
  (error) => {
    stack?.stop();
    console.error(`The end-to-end run could not start: ${error.message}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
