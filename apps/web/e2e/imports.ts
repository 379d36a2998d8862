import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { assert, type Scenario, signedIn } from "./harness";

// Two tables of data-to-insight's fake return with year-prefixed names (packages/imports fixtures).
const fixtures = fileURLToPath(
  new URL("../../../packages/imports/test/fixtures/ssda903/variants/year-prefixed/", import.meta.url),
);
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export const scenarios: Scenario[] = [
  {
    name: "data page: an SSDA903 return uploaded as a dry run shows the API's import report, and writes nothing",
    async run(ctx) {
      const { context, page } = await signedIn(ctx, "admin");
      const before = (await (
        await fetch(`${ctx.apiUrl}/v1/batches?limit=500`, {
          headers: { authorization: `Bearer ${ctx.adminToken}` },
        })
      ).json()) as { batches: unknown[] };
      await page.goto("/data");
      await page
        .getByLabel("Files")
        .setInputFiles([`${fixtures}SSDA903_2018_Header.csv`, `${fixtures}SSDA903_2018_Episodes.csv`]);
      assert.equal(await page.getByLabel("Dry run: report only, write nothing").isChecked(), true);
      await page.getByRole("button", { name: "Import" }).click();
      await page.getByRole("heading", { name: "Import report: Clean (dry run, nothing written)" }).waitFor();
      const row = page.getByRole("row", { name: /^episodes 2017-18/ });
      // The fixture holds 100 episodes and 50 header rows (made by test/make-variants.ts).
      assert.match((await row.textContent()) ?? "", /2017-18cla episodes100100\d+0$/);
      assert.ok(await page.getByText("SSDA903_2018_Episodes.csv: csv, UTF-8").isVisible());
      const violations = (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations;
      assert.deepEqual(
        violations.map((v) => `${v.id}: ${v.help}`),
        [],
      );
      const after = (await (
        await fetch(`${ctx.apiUrl}/v1/batches?limit=500`, {
          headers: { authorization: `Bearer ${ctx.adminToken}` },
        })
      ).json()) as { batches: unknown[] };
      assert.equal(after.batches.length, before.batches.length);
      await context.close();
    },
  },
  {
    name: "data page: a file missing a mandatory column is refused whole, naming the column",
    async run(ctx) {
      const { context, page } = await signedIn(ctx, "admin");
      await page.goto("/data");
      await page.getByLabel("Files").setInputFiles({
        name: "episodes.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n1,01/05/2017,S,C2,N1,U1,,\n"),
      });
      await page.getByLabel("Collection year").fill("2017-18");
      await page.getByRole("button", { name: "Import" }).click();
      await page.getByRole("heading", { name: /Import report: Failed: nothing written/ }).waitFor();
      assert.ok(await page.getByText(/has no column PLACE_PROVIDER/).isVisible());
      await context.close();
    },
  },
];
