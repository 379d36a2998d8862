import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { type ApiReport, expect, LATEST, present, roundAway, test } from "./fixtures";

/** Splits CSV text (RFC 4180) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  return rows;
}

/** A percentage as the portal prints it (one figure, worked out here independently of `@kpi/core`). */
function percentText(value: number, decimals: number): string {
  return `${roundAway(value, decimals).toFixed(decimals)}%`;
}

interface ApiSeries {
  values: { period: string; label: string; value: number | null }[];
}

test("the report shows an 8-quarter sparkline for every indicator, with the API's figures", async ({
  ctx,
}) => {
  const { context, page } = await ctx.signedIn("viewer");
  await page.goto(`/reports/${LATEST}`);
  const report = await ctx.api<ApiReport>(`/v1/reports/${LATEST}`);
  await page
    .locator("section.report-section table")
    .nth(report.sections.length - 1)
    .waitFor();
  await page.waitForLoadState("networkidle");
  const total = report.sections.reduce((n, s) => n + s.indicators.length, 0);
  expect(await page.locator("section.report-section tbody tr").count()).toBe(total);
  expect(await page.locator("section.report-section tbody tr svg.sparkline").count()).toBe(total);
  expect(await page.locator("section.report-section svg.sparkline path.line").count()).toBe(total);
  const swa = report.sections[0]!.indicators.find((i) => i.id === "ffd.contacts_swa_pct")!;
  const series = await ctx.api<ApiSeries>(
    `/v1/indicators/${swa.id}/values?from=FY2017-18-Q3&to=${LATEST}&window=quarter`,
  );
  expect(series.values.length).toBe(8);
  const row = page.locator("section.report-section tbody tr", {
    has: page.getByRole("link", { name: swa.title, exact: true }),
  });
  const title = (await row.locator("svg.sparkline title").textContent()) ?? "";
  expect(title.startsWith("Last 8 quarters: "), title).toBeTruthy();
  let from = 0;
  for (const v of series.values) {
    const text = v.value === null ? v.label : `${v.label} ${percentText(v.value, swa.decimals)}`;
    const at = title.indexOf(text, from);
    expect(at >= from, `the sparkline does not read "${text}" in order: ${title}`).toBeTruthy();
    from = at + text.length;
  }
  await context.close();
});

test("the printed report shows a small count as c; an analyst's internal view shows it, marked, and does not print it", async ({
  ctx,
}) => {
  const report = await ctx.api<ApiReport>(`/v1/reports/${LATEST}`);
  // A percentage of the demo's quarter worked out from 1 to 5 children (the catalogue's threshold).
  const small = present(
    report.sections
      .flatMap((s) => s.indicators)
      .find(
        (i) => i.unit === "percent" && (i.quarter.numerator ?? 0) >= 1 && (i.quarter.numerator ?? 0) <= 5,
      ),
    "the demo has a percentage of 1 to 5 children this quarter",
  );
  const figure = percentText(small.quarter.value!, small.decimals);
  const quarterCell = (page: Page) =>
    page
      .locator("section.report-section tbody tr", {
        has: page.getByRole("link", { name: small.title, exact: true }),
      })
      .locator("td")
      .first();

  const viewer = await ctx.signedIn("viewer");
  await viewer.page.goto(`/reports/${LATEST}?audience=internal`);
  await viewer.page.locator("section.report-section table").last().waitFor();
  await viewer.page.waitForLoadState("networkidle");
  await viewer.page.emulateMedia({ media: "print" });
  // Printed: the cell reads c and the note saying what c means is on the page.
  expect(await quarterCell(viewer.page).isVisible()).toBe(true);
  expect((await quarterCell(viewer.page).textContent())?.trim()).toBe("c");
  expect(await viewer.page.getByText("c = suppressed:", { exact: false }).isVisible()).toBe(true);
  await viewer.context.close();

  const analyst = await ctx.signedIn("analyst");
  await analyst.page.goto(`/reports/${LATEST}`);
  await analyst.page.getByRole("link", { name: "Show the internal figures (not for publication)" }).click();
  await analyst.page.waitForURL(/audience=internal/);
  await analyst.page.locator("section.report-section table").last().waitFor();
  await analyst.page.waitForLoadState("networkidle");
  await analyst.page.getByText("Internal: not for publication").waitFor();
  expect((await quarterCell(analyst.page).textContent())?.trim()).toBe(figure);
  await analyst.page.emulateMedia({ media: "print" });
  expect(await analyst.page.locator("section.report-section").first().isVisible()).toBe(false);
  await analyst.page.getByText("The internal figures do not print.").waitFor();
  await analyst.context.close();
});

test("an analyst edits and saves a section's analysis and sees it after reload", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("analyst");
  await page.goto(`/reports/${LATEST}`);
  const box = page.getByRole("textbox", { name: "Edit the Family Front Door analysis" });
  await box.waitFor();
  // As in workflow.spec.ts: fill only once the page has hydrated, and check what will be submitted.
  await page.waitForLoadState("networkidle");
  const text = `Contacts rose again this quarter (e2e ${Date.now().toString(36)}).\n\nConversion to assessment is still short of target.`;
  await box.fill(text);
  await expect(box).toHaveValue(text);
  await page.locator("#report-ffd").locator("..").getByRole("button", { name: "Save analysis" }).click();
  await page.getByText(`Saved by ${ctx.users.analyst.display_name}`).waitFor();
  await page.reload();
  const section = page.locator("section.report-section", { has: page.locator("#report-ffd") });
  await section.getByText("Contacts rose again this quarter").first().waitFor();
  // The author by display name; a draft until someone signs it off.
  await section.getByText(`Written by ${ctx.users.analyst.display_name}`).waitFor();
  expect(await section.locator(".analysis .tag-draft").count()).toBe(1);
  const report = await ctx.api<ApiReport>(`/v1/reports/${LATEST}`);
  const ffd = report.sections.find((s) => s.id === "ffd")!;
  expect(ffd.analysis.text).toBe(text);
  expect(ffd.analysis.draft).toBe(true);
  expect(ffd.analysis.source).toBe("staff");
  expect(ffd.analysis.author).toBe(ctx.users.analyst.display_name);
  await context.close();
});

test("the CSV download matches the API's figures, with counts from 1 to 5 suppressed", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("viewer");
  await page.goto(`/reports/${LATEST}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the figures (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`quarterly-report-${LATEST}.csv`);
  const path = await download.path();
  const rows = parseCsv((await readFile(path, "utf8")).replace(/^\uFEFF/, ""));
  const [header, ...rest] = rows;
  // The figures, a blank row, then the sources they drew on.
  const blank = rest.findIndex((r) => r.length === 1 && r[0] === "");
  expect(blank > 0, "no blank row before the sources").toBeTruthy();
  const body = rest.slice(0, blank);
  const [sourcesHeading, sourceColumns, ...sourceRows] = rest.slice(blank + 1);
  expect(header).toStrictEqual([
    "Section",
    "Indicator id",
    "Indicator",
    "Window",
    "Period",
    "Unit",
    "Numerator",
    "Denominator",
    "Value",
    "Target",
    "Status",
    "Judgement",
  ]);
  const report = await ctx.api<ApiReport & { sources: { dataset: string; name: string }[] }>(
    `/v1/reports/${LATEST}`,
  );
  expect(sourcesHeading).toStrictEqual(["Sources"]);
  expect(sourceColumns).toStrictEqual(["Dataset", "Source", "Kind", "Covers", "Received"]);
  expect(sourceRows.map((r) => [r[0], r[1], r[2], r[3]])).toStrictEqual(
    report.sources.map((s) => [
      s.dataset.replaceAll("_", " "),
      "Demonstration extract at 30 Sep 2019",
      "Extract",
      "1 Apr 2016 – 30 Sep 2019",
    ]),
  );
  expect(sourceRows.length).toBe(12);
  const indicators = report.sections.flatMap((s) => s.indicators);
  expect(body.length).toBe(indicators.length * 2);
  let suppressed = 0;
  for (const ind of indicators) {
    const row = present(
      body.find((r) => r[1] === ind.id && r[3] === "Quarter"),
      `no quarter row for ${ind.id}`,
    );
    const { numerator, denominator, value } = ind.quarter;
    const childCounts = ["count", "percent", "rate_per_10k", "per_fte"].includes(ind.unit);
    const small = childCounts && numerator !== null && numerator >= 1 && numerator <= 5;
    expect(row[11], `${ind.id} judgement`).toBe(ind.judgement.verdict);
    if (small) {
      suppressed += 1;
      expect(row[6], `${ind.id} numerator ${numerator} was published`).toBe("c");
      expect(row[8], `${ind.id} value was published beside a suppressed count`).toBe("c");
      continue;
    }
    if (numerator !== null) expect(Number(row[6]), `${ind.id} numerator`).toBe(numerator);
    if (
      denominator !== null &&
      !(ind.unit !== "per_fte" && childCounts && denominator >= 1 && denominator <= 5)
    )
      expect(Number(row[7]), `${ind.id} denominator`).toBe(denominator);
    if (value === null) expect(row[8], `${ind.id} value`).toBe("");
    else if (row[8] !== "c") expect(Number(row[8]), `${ind.id} value`).toBe(roundAway(value, ind.decimals));
  }
  expect(body.every((r) => r.length === 12)).toBeTruthy();
  process.stdout.write(
    `    (${indicators.length} indicators checked, ${suppressed} quarter figures suppressed)\n`,
  );
  await context.close();
});

test("the Excel download is a workbook with the figures, their sources and the notes", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("viewer");
  const response = await page.request.get(`/reports/${LATEST}/export.xlsx`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"] ?? "").toMatch(/spreadsheetml/);
  const bytes = await response.body();
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toStrictEqual(["Figures", "Sources", "Notes"]);
  const sources = present(workbook.getWorksheet("Sources"), "no Sources sheet");
  expect((sources.getRow(1).values as unknown[]).slice(1)).toStrictEqual([
    "Dataset",
    "Source",
    "Kind",
    "Covers",
    "Received",
  ]);
  expect(sources.getRow(2).getCell(2).value).toBe("Demonstration extract at 30 Sep 2019");
  expect(sources.rowCount).toBe(13);
  await context.close();
});
