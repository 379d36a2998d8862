import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ImportReport } from "@kpi/contract";
import { sql } from "drizzle-orm";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.js";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// The public census messages and the variants made from them, in the import package's fixtures (see
// their READMEs).
const fixtures = join(import.meta.dirname, "../../../packages/imports/test/fixtures");
const fixture = (path: string) => readFileSync(join(fixtures, path));

let api: TestApi;
type Tokens = Awaited<ReturnType<typeof tokensFor>>;
const orgs: Record<string, Tokens> = {};

beforeAll(async () => {
  api = await startTestApi({ maxBodyBytes: 8 * 1024 * 1024 });
  for (const org of ["la-cin", "la-cin-fix", "la-cin-fake", "la-merge", "la-csww"])
    orgs[org] = await tokensFor(api.app, org);
}, 120_000);
afterAll(async () => {
  await api.close();
});

async function upload(
  org: string,
  kind: "cin-census" | "workforce-census" | "ssda903",
  files: { path: string; bytes: Uint8Array | string }[],
  query = "",
): Promise<{ status: number; report: ImportReport }> {
  const form = new FormData();
  for (const f of files) form.append("file", new Blob([f.bytes]), f.path);
  const request = new Request("http://x/", { method: "POST", body: form });
  const response = await api.app.inject({
    method: "POST",
    url: `/v1/imports/${kind}${query}`,
    headers: {
      ...bearer(orgs[org]?.ingest ?? ""),
      "content-type": request.headers.get("content-type") ?? "",
    },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  return { status: response.statusCode, report: response.json() as ImportReport };
}

async function estimate(org: string, indicator: string, period: string, window = "quarter") {
  const r = await api.app.inject({
    method: "GET",
    url: `/v1/indicators/${indicator}/values?from=${period}&to=${period}&window=${window}`,
    headers: bearer(orgs[org]?.read ?? ""),
  });
  expect(r.statusCode, r.body).toBe(200);
  return (
    r.json() as {
      values: { value: number | null; numerator: number | null; denominator: number | null; note?: string }[];
    }
  ).values[0];
}

async function stored(org: string, dataset: string): Promise<Record<string, unknown>[]> {
  const rows = await queryRows<{ data: Record<string, unknown> }>(
    api.app.database.db,
    sql`SELECT data FROM records WHERE organisation_id = ${org} AND dataset = ${dataset}`,
  );
  return rows.map((r) => r.data);
}

// The messages read independently of the product (fast-xml-parser straight into objects).
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    ["Child", "CINdetails", "ChildProtectionPlans", "CPPreviewDate", "Reviews", "CSWWWorker"].includes(name),
});
type Node = Record<string, unknown>;
const list = (n: unknown, key: string): Node[] =>
  ((n as Node | undefined)?.[key] as Node[] | undefined) ?? [];
const text = (n: unknown, key: string): string | undefined =>
  (n as Node | undefined)?.[key] as string | undefined;
function episodes(path: string) {
  const doc = parser.parse(fixture(path).toString("utf8")) as Node;
  return list((doc.Message as Node).Children, "Child").flatMap((c) =>
    list(c, "CINdetails").map((d) => ({ child: text(c.ChildIdentifiers, "LAchildID") as string, d })),
  );
}
/** The month after adding `n` months to an ISO date, as a calendar does (31 Jan + 1 month = 28/29 Feb). */
function plusMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

describe("POST /v1/imports/cin-census", () => {
  it("imports the census and the DfE's figures match those worked out from the XML", async () => {
    const path = "census-variants/cp-reviews/cin-2024-cp-reviews.xml";
    const { status, report } = await upload("la-cin", "cin-census", [
      { path: "cin-2024-cp-reviews.xml", bytes: fixture(path) },
    ]);
    expect(status).toBe(200);
    expect(report.outcome, JSON.stringify(report.problems)).toBe("clean");
    expect(report.kind).toBe("cin-census");
    expect(report.written.map((w) => w.dataset)).toEqual([
      "children",
      "referrals",
      "s47_enquiries",
      "cp_plans",
      "cp_reviews",
    ]);

    // Worked out here from the XML, D = 31 March 2024.
    const d = "2024-03-31";
    const all = episodes(path);
    const inNeed = all.filter(
      ({ d: e }) =>
        (text(e, "CINreferralDate") as string) <= d &&
        !["true", "1"].includes((text(e, "ReferralNFA") ?? "").toLowerCase()) &&
        (text(e, "CINclosureDate") === undefined || (text(e, "CINclosureDate") as string) > d),
    );
    const referred = all.filter(({ d: e }) => {
      const r = text(e, "CINreferralDate") as string;
      return r >= "2022-04-01" && r <= "2023-03-31";
    });
    const plans = all.flatMap(({ child, d: e }) =>
      list(e, "ChildProtectionPlans").map((p) => ({ child, p })),
    );
    const onPlan = plans.filter(
      ({ p }) =>
        (text(p, "CPPstartDate") as string) <= d &&
        (text(p, "CPPendDate") === undefined || (text(p, "CPPendDate") as string) > d),
    );
    // Reviews within timescales: on a plan for 3 months at D; the first review within 3 months of the
    // start, each next within 6 months, none overdue at D.
    const threeMonths = onPlan.filter(({ p }) => (text(p, "CPPstartDate") as string) <= plusMonths(d, -3));
    const inTime = threeMonths.filter(({ p }) => {
      let due = plusMonths(text(p, "CPPstartDate") as string, 3);
      const dates = list(p, "Reviews")
        .flatMap((r) => list(r, "CPPreviewDate") as unknown as string[])
        .sort();
      for (const r of dates) {
        if (r > d) break;
        if (r > due) return false;
        due = plusMonths(r, 6);
      }
      return due >= d;
    });
    expect([inNeed.length, referred.length, onPlan.length, threeMonths.length, inTime.length]).toEqual([
      5, 5, 5, 4, 2,
    ]);

    expect((await estimate("la-cin", "cin.dfe_count", "FY2023-24-Q4"))?.value).toBe(inNeed.length);
    // The 2023-24 census lists the referrals of 2022-23 still open in 2023-24, not all of them: no value
    // for 2022-23 (decision 130), and 2023-24's own referrals, which it covers, counted.
    const before = await estimate("la-cin", "ffd.referrals", "FY2022-23", "year");
    expect(before?.value).toBeNull();
    expect(before?.note).toMatch(/^No value: referrals are loaded for 1 Apr 2023 – 31 Mar 2024\./);
    const inYear = all.filter(({ d: e }) => {
      const r = text(e, "CINreferralDate") as string;
      return r >= "2023-04-01" && r <= "2024-03-31";
    });
    expect((await estimate("la-cin", "ffd.referrals", "FY2023-24", "year"))?.value).toBe(inYear.length);
    expect((await estimate("la-cin", "cp.count", "FY2023-24-Q4"))?.value).toBe(
      new Set(onPlan.map((p) => p.child)).size,
    );
    const reviews = await estimate("la-cin", "cp.reviews_in_timescale_pct", "FY2023-24-Q4");
    expect([reviews?.numerator, reviews?.denominator]).toEqual([inTime.length, threeMonths.length]);
    expect(reviews?.value).toBeCloseTo((100 * inTime.length) / threeMonths.length, 10);
  });

  it("a corrected census updates the same records, and the figure follows the correction", async () => {
    const first = await upload(
      "la-cin-fix",
      "cin-census",
      [{ path: "cin.xml", bytes: fixture("census-variants/corrected/first.xml") }],
      "?year=2021-22",
    );
    expect(first.report.outcome).toBe("clean");
    const referralsWritten = first.report.written.find((w) => w.dataset === "referrals");
    const count = (path: string) =>
      episodes(path).filter(
        ({ d: e }) =>
          (text(e, "CINreferralDate") as string) <= "2022-03-31" &&
          !["true", "1"].includes((text(e, "ReferralNFA") ?? "").toLowerCase()) &&
          (text(e, "CINclosureDate") === undefined || (text(e, "CINclosureDate") as string) > "2022-03-31"),
      ).length;
    expect((await estimate("la-cin-fix", "cin.dfe_count", "FY2021-22-Q4"))?.value).toBe(
      count("census-variants/corrected/first.xml"),
    );
    const second = await upload(
      "la-cin-fix",
      "cin-census",
      [{ path: "cin.xml", bytes: fixture("census-variants/corrected/second.xml") }],
      "?year=2021-22",
    );
    expect(second.report.written.find((w) => w.dataset === "referrals")).toMatchObject({
      received: referralsWritten?.received,
      inserted: 0,
      updated: 2,
    });
    expect(second.report.written.find((w) => w.dataset === "children")).toMatchObject({
      inserted: 0,
      updated: 1,
    });
    expect(await stored("la-cin-fix", "referrals")).toHaveLength(referralsWritten?.received ?? -1);
    expect((await estimate("la-cin-fix", "cin.dfe_count", "FY2021-22-Q4"))?.value).toBe(
      count("census-variants/corrected/second.xml"),
    );
    expect(count("census-variants/corrected/second.xml")).toBe(
      count("census-variants/corrected/first.xml") + 1,
    );
  });

  it("data-to-insight's fake census: the referrals of 2021-22 and every child, as counted in the XML", async () => {
    const path = "cin-census/d2i-fake_CIN_data.xml";
    const none = await upload("la-cin-fake", "cin-census", [
      { path: "d2i-fake_CIN_data.xml", bytes: fixture(path) },
    ]);
    expect(none.report.outcome).toBe("failed");
    expect(await api.count("records", "la-cin-fake")).toBe(0);
    const { report } = await upload(
      "la-cin-fake",
      "cin-census",
      [{ path: "d2i-fake_CIN_data.xml", bytes: fixture(path) }],
      "?year=2022",
    );
    expect(report.outcome).toBe("clean");
    const all = episodes(path);
    const referred = all.filter(
      ({ d: e }) =>
        (text(e, "CINreferralDate") as string) >= "2021-04-01" &&
        (text(e, "CINreferralDate") as string) <= "2022-03-31",
    );
    expect((await estimate("la-cin-fake", "ffd.referrals", "FY2021-22", "year"))?.value).toBe(
      referred.length,
    );
    // Every one of its 402 referrals is ReferralNFA true, so no child is in need by the DfE's count.
    expect(all.every(({ d: e }) => text(e, "ReferralNFA") === "true")).toBe(true);
    expect((await estimate("la-cin-fake", "cin.dfe_count", "FY2021-22-Q4"))?.value).toBe(0);
    expect(await stored("la-cin-fake", "children")).toHaveLength(332);
  });

  it("merges a child's attributes field by field: the 903 header keeps the census's disabilities", async () => {
    const census = await upload("la-merge", "cin-census", [
      { path: "liia.xml", bytes: fixture("cin-census/liia-cin-2022.xml") },
    ]);
    expect(census.report.outcome).toBe("clean");
    const header = await upload(
      "la-merge",
      "ssda903",
      [{ path: "header.csv", bytes: "CHILD,SEX,DOB,ETHNIC\nDfEX0000001,2,24/03/2006,WOTH\n" }],
      "?year=2022",
    );
    expect(header.report.written).toEqual([
      { dataset: "children", received: 1, inserted: 0, updated: 1, unchanged: 0, deleted: 0 },
    ]);
    const [child] = await stored("la-merge", "children");
    expect({ ...child, child_id: "…" }).toEqual({
      child_id: "…",
      sex: "F",
      date_of_birth: "2006-03-24",
      ethnicity: "WOTH",
      disabled: true,
      disabilities: "HAND HEAR",
      expected_date_of_birth: "1966-03-22",
      date_of_death: "1980-10-08",
    });
  });

  it("a dropped referral's assessments and plans are not written; with strict nothing is", async () => {
    const bytes = fixture("census-variants/dropped-referral/cin-2022-dropped-referral.xml");
    const before = await api.count("records", "la-cin");
    const strict = await upload("la-cin", "cin-census", [{ path: "dropped.xml", bytes }], "?strict=true");
    expect(strict.report.outcome).toBe("failed");
    expect(await api.count("records", "la-cin")).toBe(before);
    const { report } = await upload("la-cin", "cin-census", [{ path: "dropped.xml", bytes }]);
    expect(report.outcome).toBe("partial");
    expect(report.written.map((w) => [w.dataset, w.received])).toEqual([
      ["children", 1],
      ["referrals", 1],
    ]);
  });

  it("fails loudly when the file is another return", async () => {
    const { status, report } = await upload("la-cin", "cin-census", [
      { path: "csww.xml", bytes: fixture("workforce-census/liia-social_work_workforce_2022.xml") },
    ]);
    expect(status).toBe(200);
    expect(report.outcome).toBe("failed");
    expect(report.problems).toEqual([
      {
        file: "csww.xml",
        message:
          "is the social work workforce census (Collection CSWW), not the CIN census: import it with kpi import workforce-census",
      },
    ]);
  });
});

describe("POST /v1/imports/workforce-census", () => {
  const path = "workforce-census/liia-social_work_workforce_2022.xml";
  const workers = (p: string) =>
    (
      parser.parse(fixture(p).toString("utf8")) as Node & {
        Message: { CSWWWorker: Record<string, string>[] };
      }
    ).Message.CSWWWorker;
  /** The DfE's turnover worked out from the XML: permanent leavers in the year to D over permanent workers in post at D. */
  function turnover(p: string, d: string): [number, number] {
    const permanent = workers(p).filter((w) => w.AgencyWorker === "0");
    const inPost = permanent.filter((w) => w.RoleEndDate === undefined || w.RoleEndDate > d);
    const leavers = permanent.filter(
      (w) => w.RoleEndDate !== undefined && w.RoleEndDate > plusMonths(d, -12) && w.RoleEndDate <= d,
    );
    return [leavers.length, inPost.length];
  }

  it("imports the census and turnover from role dates matches the XML, before and after a correction", async () => {
    const { report } = await upload("la-csww", "workforce-census", [
      { path: "csww.xml", bytes: fixture(path) },
    ]);
    expect(report.outcome).toBe("clean");
    expect(report.written).toEqual([
      { dataset: "workforce", received: 30, inserted: 30, updated: 0, unchanged: 0, deleted: 0 },
    ]);
    expect(report.coverage).toEqual([
      { dataset: "workforce", year: "2022", from: "2022-09-30", to: "2022-09-30" },
    ]);
    const before = await estimate("la-csww", "wf.turnover_dfe_pct", "FY2022-23-Q2");
    expect([before?.numerator, before?.denominator]).toEqual(turnover(path, "2022-09-30"));

    const corrected = "census-variants/workforce-corrected/csww-2022-corrected.xml";
    const again = await upload("la-csww", "workforce-census", [
      { path: "csww.xml", bytes: fixture(corrected) },
    ]);
    expect(again.report.written).toEqual([
      { dataset: "workforce", received: 30, inserted: 0, updated: 1, unchanged: 29, deleted: 0 },
    ]);
    const after = await estimate("la-csww", "wf.turnover_dfe_pct", "FY2022-23-Q2");
    const [leavers, inPost] = turnover(corrected, "2022-09-30");
    expect([after?.numerator, after?.denominator]).toEqual([leavers, inPost]);
    expect(leavers).toBe(1);
    expect(after?.value).toBeCloseTo((100 * leavers) / inPost, 10);
  });
});
