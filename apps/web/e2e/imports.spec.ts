import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "./fixtures";

// Two tables of data-to-insight's fake return with year-prefixed names (packages/imports fixtures).
const fixtures = fileURLToPath(
  new URL("../../../packages/imports/test/fixtures/ssda903/variants/year-prefixed/", import.meta.url),
);
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

test("data page: an SSDA903 return uploaded as a dry run shows the API's import report, and writes nothing", async ({
  ctx,
}) => {
  const { context, page } = await ctx.signedIn("admin");
  const before = (await (
    await fetch(`${ctx.apiUrl}/v1/batches?limit=500`, {
      headers: { authorization: `Bearer ${ctx.adminToken}` },
    })
  ).json()) as { batches: unknown[] };
  await page.goto("/data");
  await page
    .getByLabel("Files")
    .setInputFiles([`${fixtures}SSDA903_2018_Header.csv`, `${fixtures}SSDA903_2018_Episodes.csv`]);
  expect(await page.getByLabel("Dry run: report only, write nothing").isChecked()).toBe(true);
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("heading", { name: "Import report: Clean (dry run, nothing written)" }).waitFor();
  const row = page.getByRole("row", { name: /^episodes 2017-18/ });
  // The fixture holds 100 episodes and 50 header rows (made by test/make-variants.ts).
  expect((await row.textContent()) ?? "").toMatch(/2017-18cla episodes100100\d+0$/);
  expect(await page.getByText("SSDA903_2018_Episodes.csv: csv, UTF-8").isVisible()).toBeTruthy();
  const violations = (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations;
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toStrictEqual([]);
  const after = (await (
    await fetch(`${ctx.apiUrl}/v1/batches?limit=500`, {
      headers: { authorization: `Bearer ${ctx.adminToken}` },
    })
  ).json()) as { batches: unknown[] };
  expect(after.batches.length).toBe(before.batches.length);
  await context.close();
});

test("data page: a file missing a mandatory column is refused whole, naming the column", async ({ ctx }) => {
  const { context, page } = await ctx.signedIn("admin");
  await page.goto("/data");
  await page.getByLabel("Files").setInputFiles({
    name: "episodes.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n1,01/05/2017,S,C2,N1,U1,,\n"),
  });
  await page.getByLabel("Collection year").fill("2017-18");
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("heading", { name: /Import report: Failed: nothing written/ }).waitFor();
  expect(await page.getByText(/has no column PLACE_PROVIDER/).isVisible()).toBeTruthy();
  await context.close();
});
