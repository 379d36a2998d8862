import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, LATEST, test } from "./fixtures";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

async function scan(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page
    .locator("[aria-busy=true]")
    .first()
    .waitFor({ state: "detached", timeout: 60_000 })
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(", ")}`,
  );
}

test("axe finds no WCAG 2.2 AA violations on any page", async ({ ctx }) => {
  const problems: string[] = [];
  const anonymous = await ctx.newContext();
  const signInPage = await anonymous.newPage();
  problems.push(...(await scan(signInPage, "/signin")));
  await signInPage.getByRole("button", { name: "Sign in" }).click();
  await signInPage.getByText("Enter your username").first().waitFor();
  problems.push(
    ...(await new AxeBuilder({ page: signInPage }).withTags(TAGS).analyze()).violations.map(
      (v) => `/signin (errors): ${v.id}`,
    ),
  );
  await anonymous.close();

  const { context, page } = await ctx.signedIn("admin");
  for (const path of [
    "/",
    `/?period=FY2018-19-Q4`,
    "/indicators/ffd.contacts_swa_pct",
    "/indicators/ffd.contacts_swa_pct?view=seasonal&window=ytd",
    "/indicators/ffd.contacts_swa_pct?by=source",
    `/reports/${LATEST}`,
    `/reports/${LATEST}?audience=internal`,
    "/targets",
    "/data",
    "/tokens",
    "/users",
    "/indicators/no.such.indicator",
  ]) {
    problems.push(...(await scan(page, path)));
  }
  await context.close();
  expect(problems, `axe violations:\n${problems.join("\n")}`).toStrictEqual([]);
});
