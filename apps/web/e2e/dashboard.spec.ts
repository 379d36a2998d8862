import { gzipSync } from "node:zlib";
import { type ApiReport, expect, LATEST, PREVIOUS, present, test } from "./fixtures";

const SECTIONS = [
  "Family Front Door",
  "Through Care",
  "Child Protection",
  "Children in Need",
  "Additional Vulnerabilities",
  "Staffing",
];

function percentText(value: number, decimals: number): string {
  const f = 10 ** decimals;
  return `${(Math.round(value * f) / f).toFixed(decimals)}%`;
}

test("the dashboard shows every section with tiles whose figures match the API", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("viewer");
  await page.goto("/");
  for (const title of SECTIONS) await page.getByRole("heading", { level: 2, name: title }).waitFor();
  await page.locator(".tile").first().waitFor();
  await page.waitForLoadState("networkidle");
  const report = await ctx.api<ApiReport>(`/v1/reports/${LATEST}`);
  const total = report.sections.reduce((n, s) => n + s.indicators.length, 0);
  expect(await page.locator(".tile").count()).toBe(total);
  const swa = report.sections[0]!.indicators.find((i) => i.id === "ffd.contacts_swa_pct")!;
  const tile = page.locator(".tile", { has: page.getByRole("link", { name: swa.title, exact: true }) });
  expect((await tile.locator(".tile-value").textContent())?.trim()).toBe(
    percentText(swa.quarter.value!, swa.decimals),
  );
  const word = { green: "Green", amber: "Amber", red: "Red" }[swa.quarter.status ?? ""] ?? "No target";
  expect((await tile.locator(".rag").textContent()) ?? "").toMatch(new RegExp(word));
  const spark = tile.locator("svg.sparkline title");
  expect((await spark.textContent()) ?? "").toMatch(/Last 8 quarters: .*Q2 2019-20/);
  await context.close();
});

test("changing the quarter updates the URL and the figures", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("viewer");
  await page.goto("/");
  await page.getByLabel("Quarter", { exact: true }).selectOption(PREVIOUS);
  await Promise.all([
    page.waitForURL(`**/?period=${PREVIOUS}`),
    page.getByRole("button", { name: "Show quarter" }).click(),
  ]);
  await page.getByRole("heading", { level: 1, name: /Q1 2019-20/ }).waitFor();
  const report = await ctx.api<ApiReport>(`/v1/reports/${PREVIOUS}`);
  const contacts = report.sections[0]!.indicators.find((i) => i.id === "ffd.contacts")!;
  const tile = page.locator(".tile", {
    has: page.getByRole("link", { name: contacts.title, exact: true }),
  });
  expect((await tile.locator(".tile-value").textContent())?.trim()).toBe(
    contacts.quarter.value!.toLocaleString("en-GB"),
  );
  expect(await page.getByLabel("Quarter", { exact: true }).inputValue()).toBe(PREVIOUS);
  await context.close();
});

test("keyboard only: Tab reaches the skip link, the quarter selector and the tiles' links with visible focus", async ({
  ctx,
}) => {
  const { context, page } = await ctx.signedIn("viewer");
  await page.goto("/");
  await page.locator(".tile").first().waitFor();
  await page.waitForLoadState("networkidle");
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el === null) return null;
      const style = getComputedStyle(el);
      return {
        id: el.id,
        tag: el.tagName,
        text: (el.textContent ?? "").trim().slice(0, 60),
        inTile: el.closest(".tile") !== null,
        visible:
          (style.outlineStyle !== "none" && style.outlineWidth !== "0px") || style.boxShadow !== "none",
      };
    });
  await page.keyboard.press("Tab");
  const first = await focused();
  expect(first?.text).toBe("Skip to main content");
  expect(first?.visible, "the skip link has no visible focus").toBeTruthy();
  let reachedSelector = false;
  let reachedTile = false;
  for (let i = 0; i < 40 && !reachedTile; i++) {
    await page.keyboard.press("Tab");
    const f = present(await focused(), "nothing has focus");
    expect(f.visible, `no visible focus on ${f.tag} "${f.text}"`).toBeTruthy();
    if (f.id === "quarter-select") reachedSelector = true;
    if (f.inTile && f.tag === "A") reachedTile = true;
  }
  expect(reachedSelector, "Tab never reached the quarter selector").toBeTruthy();
  expect(reachedTile, "Tab never reached a tile's link").toBeTruthy();
  await page.keyboard.press("Enter");
  await page.waitForURL("**/indicators/**");
  await context.close();
});

test("the dashboard's first-load JavaScript is under 200 kB compressed", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("viewer");
  const scripts = new Map<string, Promise<Buffer>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.set(response.url(), response.body());
  });
  await page.goto("/", { waitUntil: "networkidle" });
  let gzipped = 0;
  let raw = 0;
  for (const body of scripts.values()) {
    const bytes = await body;
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  process.stdout.write(
    `    (${scripts.size} scripts: ${(raw / 1024).toFixed(1)} kB, ${(gzipped / 1024).toFixed(1)} kB gzipped)\n`,
  );
  expect(scripts.size > 0, "no scripts were loaded").toBeTruthy();
  expect(gzipped < 200 * 1024, `first-load JS is ${(gzipped / 1024).toFixed(1)} kB gzipped`).toBeTruthy();
  await context.close();
});
