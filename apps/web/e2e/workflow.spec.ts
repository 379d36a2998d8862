import { type ApiReport, expect, LATEST, test } from "./fixtures";

/** The Through Care section of a page. */
const throughCare = (page: import("@playwright/test").Page) =>
  page.locator("section.report-section", { has: page.locator("#report-through_care") });

test("an analyst edits, another version is restored, a manager approves; a viewer sees the sign-off and cannot edit", async ({
  ctx,
}) => {
  const stamp = Date.now().toString(36);
  const first = `Timeliness fell in July and August (first, e2e ${stamp}).`;
  const second = `Timeliness fell across the quarter (second, e2e ${stamp}).`;

  // The analyst saves two versions.
  const analyst = await ctx.signedIn("analyst");
  await analyst.page.goto(`/reports/${LATEST}`);
  const box = analyst.page.getByRole("textbox", { name: "Edit the Through Care analysis" });
  await box.waitFor();
  // Filling the text area before React has hydrated it once saved the typed text followed by the
  // drafted one (seen under the former runner on a loaded machine): wait for the page to settle, and
  // check what will be submitted.
  await analyst.page.waitForLoadState("networkidle");
  for (const text of [first, second]) {
    await box.fill(text);
    await expect(box).toHaveValue(text);
    await throughCare(analyst.page).getByRole("button", { name: "Save analysis" }).click();
    await throughCare(analyst.page).getByText(`Saved by ${ctx.users.analyst.display_name}`).waitFor();
    await analyst.page.reload();
    await box.waitFor();
    await analyst.page.waitForLoadState("networkidle");
  }
  // The history shows both versions by display name; the first is restored as a new version.
  const history = throughCare(analyst.page).locator("details.analysis-history");
  await history.locator("summary").click();
  const before = await ctx.api<ApiReport>(`/v1/reports/${LATEST}`);
  const v2 = before.sections.find((s) => s.id === "through_care")!.analysis.version!;
  const v1 = v2 - 1;
  await history.getByText(`Version ${v1}: ${ctx.users.analyst.display_name}`).waitFor();
  await history.getByRole("button", { name: `Restore version ${v1}` }).click();
  await throughCare(analyst.page).getByText(`Version ${v1} restored as version`).waitFor();
  let report = await ctx.api<ApiReport>(`/v1/reports/${LATEST}`);
  let section = report.sections.find((s) => s.id === "through_care")!;
  expect(section.analysis.text).toBe(first);
  expect(section.analysis.draft).toBe(true);
  const v3 = section.analysis.version!;
  expect(v3 > v2).toBeTruthy();
  // Analysts cannot sign off.
  expect(
    await throughCare(analyst.page)
      .getByRole("button", { name: /^Approve/ })
      .count(),
  ).toBe(0);
  await analyst.context.close();

  // The manager (an admin) approves the version they read.
  const manager = await ctx.signedIn("admin");
  await manager.page.goto(`/reports/${LATEST}`);
  await throughCare(manager.page)
    .getByRole("button", { name: `Approve the Through Care analysis (version ${v3})` })
    .click();
  await throughCare(manager.page)
    .getByText(`Approved by ${ctx.users.admin.display_name} on`)
    .first()
    .waitFor();
  await manager.context.close();
  report = await ctx.api<ApiReport>(`/v1/reports/${LATEST}`);
  section = report.sections.find((s) => s.id === "through_care")!;
  expect(section.analysis.draft).toBe(false);
  expect(section.analysis.approval?.approved_by).toBe(ctx.users.admin.display_name);

  // A viewer sees the approval and the text, with no way to edit, restore or approve.
  const viewer = await ctx.signedIn("viewer");
  await viewer.page.goto(`/reports/${LATEST}`);
  const shown = throughCare(viewer.page);
  await shown.locator(".analysis").getByText(first).waitFor();
  await shown.locator(".analysis-status").getByText(`Approved by ${ctx.users.admin.display_name}`).waitFor();
  expect(await shown.locator(".analysis .tag-approved").count()).toBe(1);
  expect(await shown.getByRole("textbox").count()).toBe(0);
  await shown.locator("details.analysis-history summary").click();
  expect(await shown.getByRole("button").count()).toBe(0);
  await viewer.context.close();
});

test("tiles, the report's table and lists, and the indicator page give every indicator the same verdict", async ({
  ctx,
}) => {
  const report = await ctx.api<ApiReport>(`/v1/reports/${LATEST}`);
  const words = {
    positive: "Positive KPI",
    negative: "Negative KPI",
    neither: "Neither positive nor negative",
  };
  const { context, page } = await ctx.signedIn("viewer");
  await page.goto(`/?period=${LATEST}`);
  const last = report.sections.at(-1)!;
  await page.getByRole("heading", { level: 2, name: last.title }).waitFor();
  await page.waitForLoadState("networkidle");
  for (const s of report.sections) {
    const listed = (list: "positive" | "negative") =>
      new Set(s[list].flatMap((k) => [k.indicator, ...k.complements]));
    for (const ind of s.indicators) {
      const tile = page.locator(".tile", {
        has: page.getByRole("link", { name: ind.title, exact: true }),
      });
      expect((await tile.locator(".verdict").textContent())?.trim(), ind.id).toBe(
        words[ind.judgement.verdict],
      );
      const inList = listed("positive").has(ind.id)
        ? "positive"
        : listed("negative").has(ind.id)
          ? "negative"
          : "neither";
      expect(inList, `${ind.id} list`).toBe(ind.judgement.verdict);
    }
  }
  const health = report.sections
    .flatMap((s) => s.indicators)
    .find((i) => i.id === "cla.health_assessment_timely_pct")!;
  expect(health.judgement.verdict).toBe("negative");
  await page.goto(`/indicators/${health.id}`);
  const judged = page.locator("section", {
    has: page.getByRole("heading", { name: "Judgement in the quarterly report" }),
  });
  await judged.waitFor();
  expect((await judged.locator(".verdict").textContent())?.trim()).toBe("Negative KPI");
  await context.close();
});
