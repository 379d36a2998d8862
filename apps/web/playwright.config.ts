// The portal's end-to-end suite: @playwright/test driving Debian's Chromium (never a downloaded
// browser) against the stack e2e/global-setup.ts starts once per run. See docs/decisions/192.
import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./e2e/stack.mjs";

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "e2e/.results",
  // One stack, one browser: the scenarios share the demo authority's data (some edit it), so they run
  // one at a time in file order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  // Generous: the machine is small and shared; an axe scan of every page takes minutes when it is loaded.
  timeout: 10 * 60_000,
  globalTimeout: 60 * 60_000,
  expect: { timeout: 30_000 },
  reporter: [["list"], ["./e2e/summary-reporter.ts"]],
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    acceptDownloads: true,
    actionTimeout: 60_000,
    navigationTimeout: 60_000,
    screenshot: "only-on-failure",
    // Traces cost CPU the loaded machine lacks: add `--trace on` when debugging a scenario.
    trace: "off",
  },
});
