#!/usr/bin/env node
// Regenerates the portal screenshots in docs/screenshots/ (dashboard.png, indicator.png,
// report-print.png) from the built API and portal with the demonstration authority, in headless
// Debian Chromium. Build first: `pnpm build`. Usage: node scripts/screenshots.mjs
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, CHROMIUM_ARGS, root, startStack } from "../apps/web/e2e/stack.mjs";

const out = join(root, "docs", "screenshots");
mkdirSync(out, { recursive: true });

const stack = await startStack({ portal: true });
let browser;
try {
  const { chromium } = await import(join(root, "apps/web/node_modules/playwright-core/index.mjs"));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    baseURL: stack.baseUrl,
    viewport: { width: 1280, height: 1000 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto("/signin");
  await page.getByLabel("Username").fill(stack.users.analyst.username);
  await page.getByLabel("Password").fill(stack.users.analyst.password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/signin")),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);

  await page.goto("/?period=FY2019-20-Q2", { waitUntil: "networkidle" });
  await page.screenshot({
    path: join(out, "dashboard.png"),
    clip: { x: 0, y: 0, width: 1280, height: 1400 },
    fullPage: true,
  });

  await page.goto("/indicators/ffd.contacts_swa_pct", { waitUntil: "networkidle" });
  await page.screenshot({
    path: join(out, "indicator.png"),
    clip: { x: 0, y: 0, width: 1280, height: 1300 },
    fullPage: true,
  });

  await page.goto("/reports/FY2019-20-Q2", { waitUntil: "networkidle" });
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({
    path: join(out, "report-print.png"),
    clip: { x: 0, y: 0, width: 794, height: 1600 },
    fullPage: true,
  });
  await page.pdf({ path: join(out, "report-print.pdf"), format: "A4", printBackground: true });
  console.log(`Wrote dashboard.png, indicator.png, report-print.png and report-print.pdf to ${out}`);
} finally {
  await browser?.close();
  stack.stop();
}
