import { randomBytes } from "node:crypto";
import { type E2EContext, expect, test } from "./fixtures";

/**
 * A new organisation holding one year's SSDA903 return (2018-19, as a statutory source) and nothing
 * else, with a staff user who can read it: what a new user sees after their first import.
 */
async function oneReturnOrganisation(ctx: E2EContext) {
  const id = `e2e-cover-${randomBytes(3).toString("hex")}`;
  await ctx.apiSend("POST", "/v1/organisations", { id, name: "One return" }, { status: 201 });
  const admin = await ctx.apiSend<{ token: string }>(
    "POST",
    "/v1/tokens",
    { name: `${id}-admin`, role: "admin", organisation: id },
    { status: 201 },
  );
  const episode = (episodeId: string, child: string, start: string, end: string | null) => ({
    episode_id: episodeId,
    child_id: child,
    start_date: start,
    end_date: end,
    reason_new_episode: "S",
    legal_status: "C2",
    placement_type: "U1",
    placement_provider: "PR1",
    reason_ceased: end === null ? null : "E13",
  });
  const query =
    "?mode=replace&covers_from=2018-04-01&covers_to=2019-03-31&source_kind=statutory&source_name=SSDA903%20return%202018-19";
  await ctx.apiSend(
    "POST",
    `/v1/datasets/cla_episodes/records${query}`,
    {
      records: [
        episode("E1", "A", "2016-05-01", null),
        episode("E2", "B", "2018-06-01", null),
        episode("E3", "C", "2018-07-01", "2018-12-20"),
      ],
    },
    { token: admin.token },
  );
  const user = { username: `${id}-reader`, password: randomBytes(12).toString("base64url") };
  await ctx.apiSend(
    "POST",
    "/v1/users",
    { ...user, display_name: "New reader", role: "read" },
    { token: admin.token, status: 201 },
  );
  return user;
}

test("after one year's return, tiles and indicator pages say why there is no value, and name the source", async ({
  ctx,
}) => {
  const user = await oneReturnOrganisation(ctx);
  const { context, page } = await ctx.signedInAs(user);
  // The latest covered quarter is the return's last: Q4 2018-19.
  await page.goto("/");
  await page.getByRole("heading", { level: 1 }).waitFor();
  const looked = page.locator("li.tile", {
    has: page.getByRole("link", { name: "Children looked after", exact: true }),
  });
  // At 31 Mar 2019: A and B (C left in December).
  expect((await looked.locator(".tile-value").textContent())?.trim()).toBe("2");
  const contacts = page.locator("li.tile", {
    has: page.getByRole("link", { name: "Contacts received", exact: true }),
  });
  expect((await contacts.locator(".hint").textContent())?.trim()).toBe("No value: no contacts are loaded.");
  const rate = page.locator("li.tile", {
    has: page.getByRole("link", { name: "Children looked after per 10,000", exact: true }),
  });
  expect((await rate.locator(".hint").textContent()) ?? "").toMatch(
    /^No value: there is no 0–17 population estimate/,
  );

  // A quarter before the return: the stock is not carried back.
  await page.goto("/?period=FY2017-18-Q4");
  expect((await looked.locator(".hint").textContent())?.trim()).toBe(
    "No value: care episodes are loaded for 1 Apr 2018 – 31 Mar 2019.",
  );

  await page.goto("/indicators/cla.count");
  await page.getByRole("heading", { level: 2, name: "Source data" }).waitFor();
  const source = page.locator("section", { has: page.getByRole("heading", { name: "Source data" }) });
  const cells = await source.locator("tbody tr").first().locator("th, td").allInnerTexts();
  expect(cells.slice(0, 4)).toStrictEqual([
    "cla episodes",
    "SSDA903 return 2018-19",
    "Statutory return",
    "1 Apr 2018 – 31 Mar 2019",
  ]);

  await page.goto("/indicators/ffd.contacts");
  await page.getByText("No value: no contacts are loaded.").first().waitFor();
  await page.getByText(/No source covers the days Q4 2018-19 needs/).waitFor();
  await context.close();
});

test("the data page shows each dataset's coverage and the sources behind it", async ({ ctx }) => {
  const user = await oneReturnOrganisation(ctx);
  const { context, page } = await ctx.signedInAs(user);
  await page.goto("/data");
  const coverage = page.getByRole("table", { name: "What each dataset's records are complete for" });
  await coverage.waitFor();
  const row = async (title: string) =>
    (
      await coverage
        .getByRole("row", { name: new RegExp(`^${title}\\b`) })
        .locator("td")
        .allInnerTexts()
    ).map((c) => c.trim());
  expect(await row("Care episodes")).toStrictEqual(["1 Apr 2018 – 31 Mar 2019", "1"]);
  expect(await row("Contacts")).toStrictEqual(["Nothing loaded", "0"]);
  expect(await row("Children")).toStrictEqual(["No date coverage (needed whole)", "–"]);
  const sources = page.getByRole("table", { name: "The sources behind the coverage, by dataset" });
  const cells = (await sources.locator("tbody tr").first().locator("th, td").allInnerTexts()).map((c) =>
    c.trim(),
  );
  expect(cells.slice(0, 4)).toStrictEqual([
    "cla episodes",
    "SSDA903 return 2018-19",
    "Statutory return",
    "1 Apr 2018 – 31 Mar 2019",
  ]);
  expect(cells[5]).toBe(`${user.username.replace(/-reader$/, "")}-admin`);
  await context.close();

  // The demonstration authority declares its extract for every dated dataset.
  const demo = await ctx.signedIn("viewer");
  await demo.page.goto("/data");
  const demoCoverage = demo.page.getByRole("table", {
    name: "What each dataset's records are complete for",
  });
  const contactsRow = demoCoverage.getByRole("row", { name: /^Contacts\b/ });
  expect((await contactsRow.locator("td").first().textContent())?.trim()).toBe("1 Apr 2016 – 30 Sep 2019");
  await demo.page.getByText("Demonstration extract at 30 Sep 2019").first().waitFor();
  await demo.context.close();
});
