import type { Page } from "@playwright/test";
import { expect, LATEST, present, test } from "./fixtures";

// Issue 12: the portal sends a nonce-based Content-Security-Policy and no page breaks it; a session
// cookie whose role was edited leads to the sign-in page, not an error page; an administrator can
// disable a user, whose session then ends.

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__cspViolation", (text: string) => {
    seen.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

const PAGES = [
  "/",
  `/reports/${LATEST}`,
  "/reports",
  "/indicators/ffd.contacts_swa_pct",
  "/indicators/ffd.contacts_swa_pct?view=seasonal",
  "/targets",
  "/data",
  "/tokens",
  "/users",
];

function encodeCookie(value: object): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

test("every page carries a nonce-based Content-Security-Policy and none of them breaks it", async ({
  ctx,
}) => {
  const anonymous = await ctx.newContext();
  const signInPage = await anonymous.newPage();
  const signInViolations = await watchViolations(signInPage);
  const first = await signInPage.goto("/signin");
  const policy = first?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  const again = await signInPage.goto("/signin");
  expect(again?.headers()["content-security-policy"], "the nonce must change per response").not.toBe(policy);
  await signInPage.getByRole("button", { name: "Sign in" }).click();
  await signInPage.getByText("Enter your username").first().waitFor();
  expect(signInViolations).toStrictEqual([]);
  await anonymous.close();

  const { context, page } = await ctx.signedIn("admin");
  const violations = await watchViolations(page);
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), `${path} answered ${response?.status()}`).toBe(200);
    expect(response?.headers()["content-security-policy"] ?? "", `${path} has no policy`).toMatch(/'nonce-/);
    await page.waitForLoadState("networkidle");
    expect(violations, `${path} broke the policy`).toStrictEqual([]);
  }
  // Interactive parts still work under the policy: the indicator page's chart is drawn by script.
  await page.goto("/indicators/ffd.contacts_swa_pct");
  await page.locator(".chart svg").first().waitFor();
  expect(violations).toStrictEqual([]);
  await context.close();
});

test("a session cookie whose role was edited leads to the sign-in page, not an error", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("viewer");
  const cookie = present(
    (await context.cookies()).find((c) => c.name === "__Host-kpi_session"),
    "no session cookie",
  );
  const session = JSON.parse(Buffer.from(cookie.value, "base64url").toString("utf8"));
  await context.addCookies([{ ...cookie, value: encodeCookie({ ...session, role: "admin" }) }]);
  const response = await page.goto("/tokens");
  expect(response?.status()).not.toBe(500);
  expect(new URL(page.url()).pathname).toBe("/signin");
  await page.getByText("Your session does not allow that page.").waitFor();
  // A role that is not a role at all is no session.
  await context.addCookies([{ ...cookie, value: encodeCookie({ ...session, role: "superuser" }) }]);
  await page.goto("/users");
  expect(new URL(page.url()).pathname).toBe("/signin");
  await context.close();
});

test("an administrator disables a user, whose session ends at once, and enables them again", async ({
  ctx,
}) => {
  const username = "leaving.colleague";
  const password = "a long password for leaving";
  const created = await fetch(`${ctx.apiUrl}/v1/users`, {
    method: "POST",
    headers: { authorization: `Bearer ${ctx.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ username, password, display_name: "Leaving Colleague", role: "read" }),
  });
  expect(created.status).toBe(201);
  const colleague = await ctx.newContext();
  const theirPage = await colleague.newPage();
  await theirPage.goto("/signin");
  await theirPage.getByLabel("Username").fill(username);
  await theirPage.getByLabel("Password", { exact: true }).fill(password);
  await Promise.all([
    theirPage.waitForURL((url) => !url.pathname.startsWith("/signin")),
    theirPage.getByRole("button", { name: "Sign in" }).click(),
  ]);

  const { context, page } = await ctx.signedIn("admin");
  await page.goto("/users");
  await page.getByRole("rowheader", { name: "Leaving Colleague (leaving.colleague)" }).waitFor();
  await Promise.all([
    page.waitForLoadState("networkidle"),
    page.getByRole("button", { name: `Disable ${username}` }).click(),
  ]);
  await page.getByRole("button", { name: `Enable ${username}` }).waitFor();
  expect(await page.getByRole("rowheader", { name: "Leaving Colleague (leaving.colleague)" }).count()).toBe(
    0,
  );

  await theirPage.goto(`/reports/${LATEST}`);
  expect(new URL(theirPage.url()).pathname).toBe("/signin");

  await page.getByRole("button", { name: `Enable ${username}` }).click();
  await page.getByRole("button", { name: `Disable ${username}` }).waitFor();
  await colleague.close();
  await context.close();
});
