import { type ApiReport, api, assert, LATEST, type Scenario, signedIn } from "./harness";

/** The Through Care section of a page. */
const throughCare = (page: import("playwright-core").Page) =>
  page.locator("section.report-section", { has: page.locator("#report-through_care") });

export const scenarios: Scenario[] = [
  {
    name: "an analyst edits, another version is restored, a manager approves; a viewer sees the sign-off and cannot edit",
    async run(ctx) {
      const stamp = Date.now().toString(36);
      const first = `Timeliness fell in July and August (first, e2e ${stamp}).`;
      const second = `Timeliness fell across the quarter (second, e2e ${stamp}).`;

      // The analyst saves two versions.
      const analyst = await signedIn(ctx, "analyst");
      await analyst.page.goto(`/reports/${LATEST}`);
      const box = analyst.page.getByRole("textbox", { name: "Edit the Through Care analysis" });
      await box.waitFor();
      for (const text of [first, second]) {
        await box.fill(text);
        await throughCare(analyst.page).getByRole("button", { name: "Save analysis" }).click();
        await throughCare(analyst.page).getByText(`Saved by ${ctx.users.analyst.display_name}`).waitFor();
        await analyst.page.reload();
        await box.waitFor();
      }
      // The history shows both versions by display name; the first is restored as a new version.
      const history = throughCare(analyst.page).locator("details.analysis-history");
      await history.locator("summary").click();
      const before = await api<ApiReport>(ctx, `/v1/reports/${LATEST}`);
      const v2 = before.sections.find((s) => s.id === "through_care")!.analysis.version!;
      const v1 = v2 - 1;
      await history.getByText(`Version ${v1}: ${ctx.users.analyst.display_name}`).waitFor();
      await history.getByRole("button", { name: `Restore version ${v1}` }).click();
      await throughCare(analyst.page).getByText(`Version ${v1} restored as version`).waitFor();
      let report = await api<ApiReport>(ctx, `/v1/reports/${LATEST}`);
      let section = report.sections.find((s) => s.id === "through_care")!;
      assert.equal(section.analysis.text, first);
      assert.equal(section.analysis.draft, true);
      const v3 = section.analysis.version!;
      assert.ok(v3 > v2);
      // Analysts cannot sign off.
      assert.equal(
        await throughCare(analyst.page)
          .getByRole("button", { name: /^Approve/ })
          .count(),
        0,
      );
      await analyst.context.close();

      // The manager (an admin) approves the version they read.
      const manager = await signedIn(ctx, "admin");
      await manager.page.goto(`/reports/${LATEST}`);
      await throughCare(manager.page)
        .getByRole("button", { name: `Approve the Through Care analysis (version ${v3})` })
        .click();
      await throughCare(manager.page)
        .getByText(`Approved by ${ctx.users.admin.display_name} on`)
        .first()
        .waitFor();
      await manager.context.close();
      report = await api<ApiReport>(ctx, `/v1/reports/${LATEST}`);
      section = report.sections.find((s) => s.id === "through_care")!;
      assert.equal(section.analysis.draft, false);
      assert.equal(section.analysis.approval?.approved_by, ctx.users.admin.display_name);

      // A viewer sees the approval and the text, with no way to edit, restore or approve.
      const viewer = await signedIn(ctx, "viewer");
      await viewer.page.goto(`/reports/${LATEST}`);
      const shown = throughCare(viewer.page);
      await shown.locator(".analysis").getByText(first).waitFor();
      await shown
        .locator(".analysis-status")
        .getByText(`Approved by ${ctx.users.admin.display_name}`)
        .waitFor();
      assert.equal(await shown.locator(".analysis .tag-approved").count(), 1);
      assert.equal(await shown.getByRole("textbox").count(), 0);
      await shown.locator("details.analysis-history summary").click();
      assert.equal(await shown.getByRole("button").count(), 0);
      await viewer.context.close();
    },
  },
  {
    name: "tiles, the report's table and lists, and the indicator page give every indicator the same verdict",
    async run(ctx) {
      const report = await api<ApiReport>(ctx, `/v1/reports/${LATEST}`);
      const words = {
        positive: "Positive KPI",
        negative: "Negative KPI",
        neither: "Neither positive nor negative",
      };
      const { context, page } = await signedIn(ctx, "viewer");
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
          assert.equal(
            (await tile.locator(".verdict").textContent())?.trim(),
            words[ind.judgement.verdict],
            ind.id,
          );
          const inList = listed("positive").has(ind.id)
            ? "positive"
            : listed("negative").has(ind.id)
              ? "negative"
              : "neither";
          assert.equal(inList, ind.judgement.verdict, `${ind.id} list`);
        }
      }
      const health = report.sections
        .flatMap((s) => s.indicators)
        .find((i) => i.id === "cla.health_assessment_timely_pct")!;
      assert.equal(health.judgement.verdict, "negative");
      await page.goto(`/indicators/${health.id}`);
      const judged = page.locator("section", {
        has: page.getByRole("heading", { name: "Judgement in the quarterly report" }),
      });
      await judged.waitFor();
      assert.equal((await judged.locator(".verdict").textContent())?.trim(), "Negative KPI");
      await context.close();
    },
  },
];
