import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { importCinCensus } from "../src/cin/import-cin-census.js";
import type { ImportFile } from "../src/ssda903/read-ssda903-files.js";

const here = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const recordId = (prefix: string, parts: readonly string[]) => `${prefix}-${parts.join("|")}`;
const file = (path: string): ImportFile => ({
  path: path.split("/").at(-1) ?? path,
  bytes: readFileSync(here(path)),
});
const run = (paths: string[], options: { year?: number; strict?: boolean } = {}) =>
  importCinCensus(paths.map(file), { recordId, ...options });
type Report = ReturnType<typeof importCinCensus>["report"];
const table = (report: Report, name: string) => {
  const t = report.tables.find((x) => x.table === name);
  if (t === undefined) throw new Error(`no ${name} table in the report`);
  return t;
};
const records = (mapped: ReturnType<typeof importCinCensus>, dataset: string) =>
  mapped.datasets.find((d) => d.dataset === dataset)?.records ?? [];

// The messages read independently of the product: fast-xml-parser straight into objects, every
// element that can repeat as an array, and the counts worked out from them.
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    [
      "Child",
      "CINdetails",
      "Assessments",
      "CINPlanDates",
      "Section47",
      "ChildProtectionPlans",
      "CPPreviewDate",
      "PreProceedingsandFGDM",
      "Disability",
      "AssessmentFactors",
      "Reviews",
    ].includes(name),
});
type Node = Record<string, unknown>;
const list = (n: unknown, key: string): Node[] =>
  ((n as Node | undefined)?.[key] as Node[] | undefined) ?? [];
function childrenOf(path: string): Node[] {
  const doc = parser.parse(readFileSync(here(path), "utf8")) as Node;
  return list((doc.Message as Node).Children, "Child");
}
function handCounts(path: string) {
  const children = childrenOf(path);
  const details = children.flatMap((c) => list(c, "CINdetails"));
  const plans = details.flatMap((d) => list(d, "ChildProtectionPlans"));
  return {
    Child: children.length,
    CINdetails: details.length,
    Assessments: details.flatMap((d) => list(d, "Assessments")).length,
    CINPlanDates: details.flatMap((d) => list(d, "CINPlanDates")).length,
    Section47: details.flatMap((d) => list(d, "Section47")).length,
    ChildProtectionPlans: plans.length,
    CPPreviewDate: plans.flatMap((p) => list(p, "Reviews")).flatMap((r) => list(r, "CPPreviewDate")).length,
    PreProceedingsandFGDM: details.flatMap((d) => list(d, "PreProceedingsandFGDM")).length,
  };
}

describe("every public CIN census message", () => {
  const publicFiles = readdirSync(here("cin-census")).filter((f) => f.endsWith(".xml"));
  // data-to-insight's fake census states its ReferenceDate as 2022-07-21, not a 31 March: its year is given.
  const yearOf = (f: string) => (f === "d2i-fake_CIN_data.xml" ? { year: 2022 } : {});

  it.each(publicFiles)("%s imports, every element read, its tables counted as by hand", (name) => {
    const { report } = run([`cin-census/${name}`], yearOf(name));
    expect(report.problems).toEqual([]);
    expect(report.outcome).not.toBe("failed");
    expect(report.files).toEqual([expect.objectContaining({ file: name, format: "xml", encoding: "UTF-8" })]);
    const counts = handCounts(`cin-census/${name}`);
    for (const [module, n] of Object.entries(counts)) {
      const t = report.tables.find((x) => x.table === module);
      expect(t?.read ?? 0, `${name} <${module}>`).toBe(n);
      if (t) expect(t.mapped + t.dropped, `${name} <${module}>`).toBe(t.read);
    }
  });

  it("names the year from the ReferenceDate, and refuses a year given that contradicts it", () => {
    const { report } = run(["cin-census/d2i-CIN_Census_2026.xml"]);
    expect(report.files[0]?.year).toBe("2023-24");
    expect(table(report, "PreProceedingsandFGDM").warnings[0]).toMatchObject({
      element: "Child[1]/CINdetails[1]/PreProceedingsandFGDM[1]",
      message: "PreProceedingsandFGDM is a module of the CIN census from 2025-26, not in 2023-24: kept",
    });
    const wrong = run(["cin-census/d2i-CIN_Census_2026.xml"], { year: 2026 }).report;
    expect(wrong.outcome).toBe("failed");
    expect(wrong.problems).toEqual([
      {
        file: "d2i-CIN_Census_2026.xml",
        message:
          "its <ReferenceDate> 2024-03-31 is the 31 March of the 2023-24 census, not 2025-26 as the year given says: import it as 2023-24, or correct its header",
      },
    ]);
  });

  it("data-to-insight's fake census: without a year it fails loudly; with 2021-22 every child and episode imports", () => {
    const none = run(["cin-census/d2i-fake_CIN_data.xml"]).report;
    expect(none.outcome).toBe("failed");
    expect(none.problems[0]?.message).toBe(
      "its <ReferenceDate> 2022-07-21 is not a 31 March, so it does not say which collection year it is: give the year (--year 2024 or 2023-24, the year of the census's 31 March)",
    );
    const mapped = run(["cin-census/d2i-fake_CIN_data.xml"], { year: 2022 });
    expect(table(mapped.report, "Child")).toMatchObject({ read: 332, mapped: 332, dropped: 0 });
    expect(table(mapped.report, "CINdetails")).toMatchObject({ read: 402, mapped: 402, dropped: 0 });
    // By hand: 252 episodes have a CINclosureDate, 21 children a PersonDeathDate, 74 a Disabilities list.
    const referrals = records(mapped, "referrals");
    expect(referrals.filter((r) => r.closure_date !== null)).toHaveLength(252);
    const children = records(mapped, "children");
    expect(children.filter((c) => c.date_of_death !== null)).toHaveLength(21);
    expect(children.filter((c) => c.disabilities !== null)).toHaveLength(74);
    // Every code of a child's Disabilities is kept (a repeated one once), not only a yes/no.
    const withMany = childrenOf("cin-census/d2i-fake_CIN_data.xml").filter(
      (c) => list((c.ChildCharacteristics as Node).Disabilities, "Disability").length > 1,
    );
    const first = withMany[0] as Node;
    const codes = [
      ...new Set(
        list((first.ChildCharacteristics as Node).Disabilities, "Disability") as unknown as string[],
      ),
    ];
    const id = (first.ChildIdentifiers as Node).LAchildID;
    expect(children.find((c) => c.child_id === id)).toMatchObject({
      disabilities: codes.join(" "),
      disabled: codes.some((c) => c !== "NONE"),
    });
    expect(mapped.report.coverage).toContainEqual({
      dataset: "referrals",
      year: "2021-22",
      from: "2021-04-01",
      to: "2022-03-31",
    });
  });

  it("names every element in warnings and drops: a duplicate CP plan and its review are dropped, and said so", () => {
    const { report } = run(["cin-census/d2i-CIN2rows.xml"]);
    expect(report.outcome).toBe("partial");
    expect(table(report, "ChildProtectionPlans")).toMatchObject({
      read: 2,
      mapped: 1,
      kept_with_warning: 1,
      dropped: 1,
    });
    expect(table(report, "ChildProtectionPlans").warnings[0]).toMatchObject({
      file: "d2i-CIN2rows.xml",
      line: 55,
      columns: { LAchildID: "DfEX0000001", CPPstartDate: "2022-02-17", CINreferralDate: "2022-10-06" },
      rule: "1105",
      message: "CPPstartDate is before CINreferralDate (rule 1105): kept",
    });
    expect(table(report, "ChildProtectionPlans").drops[0]).toMatchObject({
      line: 65,
      element: "Child[1]/CINdetails[1]/ChildProtectionPlans[2]",
      message: expect.stringMatching(/^duplicate key: plan_id .* also at d2i-CIN2rows\.xml:55$/),
    });
    expect(table(report, "CPPreviewDate").drops).toEqual([
      expect.objectContaining({
        line: 72,
        element: "Child[1]/CINdetails[1]/ChildProtectionPlans[2]/Reviews/CPPreviewDate[1]",
        message: "dropped with its ChildProtectionPlans row (d2i-CIN2rows.xml:65), which was dropped",
      }),
    ]);
  });

  it("keeps every field of the episode of need, the assessment factors (as vulnerability flags too), reviews and pre-proceedings", () => {
    const mapped = run(["cin-census/d2i-CIN_Census_2026.xml"]);
    expect(records(mapped, "referrals")[0]).toMatchObject({
      referral_date: "2022-10-06",
      source: "1A",
      primary_need: "N4",
      closure_date: "2023-02-27",
      closure_reason: "RC1",
      icpc_date: "2022-12-06",
      nfa: false,
    });
    // The first child's only assessment is authorised before it started: dropped by the contract's rule.
    expect(table(mapped.report, "Assessments").drops[0]?.message).toBe(
      "AssessmentAuthorisationDate: must not be before AssessmentActualStartDate (2028-04-28) (got '2020-09-19')",
    );
    expect(records(mapped, "cp_reviews")).toEqual([
      {
        review_id: "CR-DfEX0000001|2022-02-17|2023-02-15",
        child_id: "DfEX0000001",
        plan_id: "CP-DfEX0000001|2022-02-17",
        review_date: "2023-02-15",
      },
    ]);
    expect(records(mapped, "cp_plans")[0]?.plan_id).toBe("CP-DfEX0000001|2022-02-17");
    expect(records(mapped, "pre_proceedings")[0]).toMatchObject({
      start_date: "2026-09-09",
      letter_before_proceedings_date: "2026-09-20",
      fgdm_offered: true,
      fgdm_facilitated: true,
      review_meetings: 3,
      outcome: "A",
      court_application_date: "2026-12-18",
      referral_id: "RF-DfEX0000001|2022-10-06",
    });
    // liia's 2022 sample: 2A and 2B name no vulnerability; its characteristics all kept.
    const liia = run(["cin-census/liia-cin-2022.xml"]);
    expect(records(liia, "assessments")[0]?.factors).toBe("2A 2B");
    expect(records(liia, "vulnerability_flags")).toEqual([]);
    expect(records(liia, "children")[0]).toMatchObject({
      expected_date_of_birth: "1966-03-22",
      date_of_death: "1980-10-08",
      disabilities: "HAND HEAR",
      disabled: true,
    });
  });
});

describe("census variants (fixtures/census-variants, made by test/make-census-variants.ts)", () => {
  it("a DOCTYPE with an internal subset is read, and &#x110000; is an error message, not a throw", () => {
    const mapped = run(["census-variants/doctype/d2i-CIN_Census_2024-doctype.xml"]);
    expect(mapped.report.problems).toEqual([]);
    const child = table(mapped.report, "Child");
    expect(child.drops[0]).toMatchObject({
      line: 24,
      rule: "8500",
      message:
        "LAchildID holds the character reference &#x110000;, which names no character (rule 8500): the row cannot be read without the child's identifier",
    });
    expect(child.warnings.find((w) => w.columns.Ethnicity !== undefined)).toMatchObject({
      columns: { LAchildID: "child2", Ethnicity: "WB\uFFFDRI" },
      message: "Ethnicity holds the character reference &#x110000;, which names no character: left empty",
    });
    // Everything of the first child follows it; the second child's entity is resolved.
    expect(table(mapped.report, "CINdetails").drops[0]?.message).toMatch(
      /^dropped with its Child row \(d2i-CIN_Census_2024-doctype\.xml:24\), which was dropped$/,
    );
    expect(records(mapped, "children")).toEqual([
      expect.objectContaining({ child_id: "child2", ethnicity: null }),
    ]);
    expect(records(mapped, "referrals")).toEqual([
      expect.objectContaining({ child_id: "child2", primary_need: "N1" }),
    ]);
  });

  it("UTF-16 with a byte-order mark reads as the UTF-8 original does", () => {
    const utf16 = run(["census-variants/utf16/d2i-CIN_Census_2021-utf16.xml"]);
    const utf8 = run(["cin-census/d2i-CIN_Census_2021.xml"]);
    expect(utf16.report.files[0]?.encoding).toBe("UTF-16LE");
    expect(utf16.datasets).toEqual(utf8.datasets);
    expect(utf16.report.tables.map((t) => t.warnings.map((w) => w.message))).toEqual(
      utf8.report.tables.map((t) => t.warnings.map((w) => w.message)),
    );
  });

  it("a referral that cannot be read is dropped with its assessments, plans and reviews, and the report says so", () => {
    const mapped = run(["census-variants/dropped-referral/cin-2022-dropped-referral.xml"]);
    const { report } = mapped;
    expect(report.outcome).toBe("partial");
    expect(table(report, "CINdetails")).toMatchObject({ read: 2, mapped: 1, dropped: 1 });
    expect(table(report, "CINdetails").drops[0]).toMatchObject({
      line: 36,
      columns: { LAchildID: "DfEX0000001", CINreferralDate: "2022-02-30" },
      rule: "8600",
      message:
        "CINreferralDate '2022-02-30' is not a date (YYYY-MM-DD) (rule 8600): the row cannot be read without the referral date",
    });
    const following = "dropped with its CINdetails row (cin-2022-dropped-referral.xml:36), which was dropped";
    for (const module of ["Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans"])
      expect(table(report, module), module).toMatchObject({
        read: 1,
        mapped: 0,
        dropped: 1,
        drops: [expect.objectContaining({ message: following })],
      });
    expect(table(report, "CPPreviewDate").drops[0]?.message).toMatch(
      /^dropped with its ChildProtectionPlans row \(cin-2022-dropped-referral\.xml:\d+\), which was dropped$/,
    );
    expect(records(mapped, "referrals")).toEqual([expect.objectContaining({ referral_date: "2021-11-01" })]);
    expect(records(mapped, "assessments")).toEqual([]);
    // With --strict nothing is to be written.
    const strict = run(["census-variants/dropped-referral/cin-2022-dropped-referral.xml"], { strict: true });
    expect(strict.report.outcome).toBe("failed");
    expect(strict.report.message).toBe("Nothing was imported: --strict, and 6 rows would be dropped.");
    expect(strict.datasets).toEqual([]);
  });

  it("a corrected census gives the same records the same ids, with the corrected values", () => {
    const first = run(["census-variants/corrected/first.xml"], { year: 2022 });
    const second = run(["census-variants/corrected/second.xml"], { year: 2022 });
    const ids = (m: typeof first) => records(m, "referrals").map((r) => r.referral_id);
    expect(ids(second)).toEqual(ids(first));
    const changed = records(second, "referrals").filter(
      (r, i) => JSON.stringify(r) !== JSON.stringify(records(first, "referrals")[i]),
    );
    expect(changed.map((r) => [r.nfa, r.closure_date])).toEqual([
      [false, null],
      [true, "2022-02-28"],
    ]);
  });

  it("fails loudly on what is not a CIN census, naming the file and what to import instead", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const { report } = importCinCensus(
      [
        { path: "903.xml", bytes: bytes("<EXPSSDA903><CHILD/></EXPSSDA903>") },
        {
          path: "csww.xml",
          bytes: readFileSync(here("workforce-census/liia-social_work_workforce_2022.xml")),
        },
        { path: "broken.xml", bytes: bytes("<Message>\n<Children>\n</Message>") },
        {
          path: "empty.xml",
          bytes: bytes(
            "<Message><Header><CollectionDetails><ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails></Header><Children/></Message>",
          ),
        },
      ],
      { recordId },
    );
    expect(report.outcome).toBe("failed");
    expect(report.problems).toEqual([
      {
        file: "903.xml",
        message:
          "is an SSDA903 XML message (root <EXPSSDA903>), not the CIN census: import it with kpi import ssda903",
      },
      {
        file: "csww.xml",
        message:
          "is the social work workforce census (Collection CSWW), not the CIN census: import it with kpi import workforce-census",
      },
      {
        file: "broken.xml",
        message: expect.stringMatching(
          /^cannot be read: it is not well-formed XML \(line 3: .*\)\. The CIN census is an XML message/,
        ),
      },
      { file: "empty.xml", message: "holds no <Child>: there is nothing to import" },
    ]);
  });
});
