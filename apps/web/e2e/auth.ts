import { assert, LATEST, type Scenario, signedIn } from "./harness";

export const scenarios: Scenario[] = [
  {
    name: "a signed-out visit is redirected to sign-in, remembering the page",
    async run(ctx) {
      const context = await ctx.browser.newContext({ baseURL: ctx.baseUrl });
      const page = await context.newPage();
      for (const path of [
        "/",
        `/reports/${LATEST}`,
        "/indicators/ffd.contacts_swa_pct",
        `/reports/${LATEST}/export.csv`,
      ]) {
        const response = await fetch(`${ctx.baseUrl}${path}`, { redirect: "manual" });
        assert.ok([302, 303, 307, 308].includes(response.status), `${path} answered ${response.status}`);
        assert.match(response.headers.get("location") ?? "", /\/signin/);
      }
      await page.goto(`/reports/${LATEST}`);
      assert.equal(new URL(page.url()).pathname, "/signin");
      assert.equal(new URL(page.url()).searchParams.get("next"), `/reports/${LATEST}`);
      await context.close();
    },
  },
  {
    name: "sign in: wrong details are refused, right ones open the page asked for in a secure cookie",
    async run(ctx) {
      const context = await ctx.browser.newContext({ baseURL: ctx.baseUrl });
      const page = await context.newPage();
      await page.goto(`/signin?next=${encodeURIComponent(`/reports/${LATEST}`)}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("Enter your username").first().waitFor();
      await page.getByLabel("Username").fill(ctx.users.analyst.username);
      await page.getByLabel("Password").fill("not the password at all");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("The username or password is not right.").waitFor();
      assert.equal(new URL(page.url()).pathname, "/signin");
      await page.getByLabel("Password").fill(ctx.users.analyst.password);
      await Promise.all([
        page.waitForURL(`**/reports/${LATEST}`),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      await page.getByRole("heading", { level: 1, name: /Quarterly performance report/ }).waitFor();
      const cookie = (await context.cookies()).find((c) => c.name === "__Host-kpi_session");
      assert.ok(cookie, "no session cookie");
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.secure, true);
      assert.equal(cookie.sameSite, "Lax");
      assert.equal(await page.evaluate(() => document.cookie.includes("kpi_session")), false);
      await context.close();
    },
  },
  {
    name: "sign out ends the session",
    async run(ctx) {
      const { context, page } = await signedIn(ctx, "viewer");
      await Promise.all([
        page.waitForURL("**/signin**"),
        page.getByRole("button", { name: "Sign out" }).click(),
      ]);
      await page.getByText("You have signed out.").waitFor();
      await page.goto("/");
      assert.equal(new URL(page.url()).pathname, "/signin");
      await context.close();
    },
  },
  {
    name: "a viewer cannot edit analysis or targets",
    async run(ctx) {
      const { context, page } = await signedIn(ctx, "viewer");
      await page.goto(`/reports/${LATEST}`);
      await page.getByRole("heading", { level: 2, name: "Staffing" }).waitFor();
      await page.locator("section.report-section").last().waitFor();
      await page.waitForLoadState("networkidle");
      assert.equal(await page.getByRole("button", { name: "Save analysis" }).count(), 0);
      assert.equal(await page.locator("textarea").count(), 0);
      assert.equal(await page.getByRole("link", { name: "Targets" }).count(), 0);
      await page.goto("/targets");
      await page.getByText("Only analysts and administrators can set targets.").waitFor();
      await context.close();
    },
  },
];
