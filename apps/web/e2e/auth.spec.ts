import { expect, LATEST, present, test } from "./fixtures";

test("a signed-out visit is redirected to sign-in, remembering the page", async ({ ctx }) => {
  const context = await ctx.newContext();
  const page = await context.newPage();
  for (const path of [
    "/",
    `/reports/${LATEST}`,
    "/indicators/ffd.contacts_swa_pct",
    `/reports/${LATEST}/export.csv`,
  ]) {
    const response = await fetch(`${ctx.baseUrl}${path}`, { redirect: "manual" });
    expect(
      [302, 303, 307, 308].includes(response.status),
      `${path} answered ${response.status}`,
    ).toBeTruthy();
    expect(response.headers.get("location") ?? "").toMatch(/\/signin/);
  }
  await page.goto(`/reports/${LATEST}`);
  expect(new URL(page.url()).pathname).toBe("/signin");
  expect(new URL(page.url()).searchParams.get("next")).toBe(`/reports/${LATEST}`);
  await context.close();
});

test("sign in: wrong details are refused, right ones open the page asked for in a secure cookie", async ({
  ctx,
}) => {
  const context = await ctx.newContext();
  const page = await context.newPage();
  await page.goto(`/signin?next=${encodeURIComponent(`/reports/${LATEST}`)}`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("Enter your username").first().waitFor();
  await page.getByLabel("Username").fill(ctx.users.analyst.username);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("The username or password is not right.").waitFor();
  expect(new URL(page.url()).pathname).toBe("/signin");
  await page.getByLabel("Password").fill(ctx.users.analyst.password);
  await Promise.all([
    page.waitForURL(`**/reports/${LATEST}`),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  await page.getByRole("heading", { level: 1, name: /Quarterly performance report/ }).waitFor();
  const cookie = present(
    (await context.cookies()).find((c) => c.name === "__Host-kpi_session"),
    "no session cookie",
  );
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.secure).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie.includes("kpi_session"))).toBe(false);
  await context.close();
});

test("sign out ends the session", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("viewer");
  await Promise.all([page.waitForURL("**/signin**"), page.getByRole("button", { name: "Sign out" }).click()]);
  await page.getByText("You have signed out.").waitFor();
  await page.goto("/");
  expect(new URL(page.url()).pathname).toBe("/signin");
  await context.close();
});

test("a viewer cannot edit analysis or targets", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("viewer");
  await page.goto(`/reports/${LATEST}`);
  await page.getByRole("heading", { level: 2, name: "Staffing" }).waitFor();
  await page.locator("section.report-section").last().waitFor();
  await page.waitForLoadState("networkidle");
  expect(await page.getByRole("button", { name: "Save analysis" }).count()).toBe(0);
  expect(await page.locator("textarea").count()).toBe(0);
  expect(await page.getByRole("link", { name: "Targets" }).count()).toBe(0);
  await page.goto("/targets");
  await page.getByText("Only analysts and administrators can set targets.").waitFor();
  await context.close();
});
