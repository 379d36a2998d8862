import { expect, test } from "./fixtures";

test("open an indicator from the dashboard and switch to the seasonal view", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("viewer");
  await page.goto("/");
  const detail = await ctx.api<{ indicator: { id: string; title: string } }>(
    "/v1/indicators/ffd.contacts_swa_pct",
  );
  await Promise.all([
    page.waitForURL("**/indicators/ffd.contacts_swa_pct"),
    page.getByRole("link", { name: detail.indicator.title, exact: true }).click(),
  ]);
  await page.getByRole("heading", { level: 1, name: detail.indicator.title }).waitFor();
  await page.getByRole("heading", { level: 2, name: /last 12 quarters/ }).waitFor();
  expect(await page.locator("table").first().locator("tbody tr").count()).toBe(12);
  await page.locator(".recharts-surface").first().waitFor();
  await page.getByRole("heading", { name: "Definition" }).waitFor();

  await page.getByLabel("View").selectOption("seasonal");
  await Promise.all([
    page.waitForURL("**view=seasonal**"),
    page.getByRole("button", { name: "Update" }).click(),
  ]);
  await page.getByRole("heading", { level: 2, name: /Seasonal view/ }).waitFor();
  const headers = await page.locator("table").first().locator("thead th").allInnerTexts();
  expect(headers).toStrictEqual(["Quarter", "2016-17", "2017-18", "2018-19", "2019-20"]);
  const rows = await page.locator("table").first().locator("tbody th").allInnerTexts();
  expect(rows).toStrictEqual(["Q1", "Q2", "Q3", "Q4"]);
  // One line per financial year in the chart's legend.
  expect(await page.locator(".recharts-legend-item").count()).toBe(4);
  await context.close();
});
