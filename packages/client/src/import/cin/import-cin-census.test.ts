import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { recordId } from "../record-id.js";
import { importCinCensus } from "./import-cin-census.js";

const xml = readFileSync(new URL("../../../test/fixtures/cin/cin-census.xml", import.meta.url), "utf8");
const idKey = "fixture-id-key-0123456789";
const result = importCinCensus(xml, { file: "cin-census.xml", idKey });
if (!result.ok) throw new Error(result.error);
const records = (dataset: string) => result.tables.find((t) => t.dataset === dataset)?.records ?? [];
const values = (dataset: string) => records(dataset).map((r) => r.values);
const report = (dataset: string) => result.report.find((t) => t.dataset === dataset);
const dropped = (dataset: string) => report(dataset)?.dropped.map((d) => [d.source.line, d.reason]);

describe("importCinCensus on the sample message", () => {
  it("produces the datasets in posting order", () => {
    expect(result.tables.map((t) => t.dataset)).toEqual([
      "children",
      "referrals",
      "assessments",
      "s47_enquiries",
      "cp_plans",
      "cin_plans",
    ]);
  });

  it("maps children from <Sex> and the older <GenderCurrent>, with disability from <Disabilities>", () => {
    expect(values("children")).toEqual([
      { child_id: "C100", date_of_birth: "2012-05-06", sex: "M", ethnicity: "WBRI", disabled: false },
      { child_id: "C200", date_of_birth: null, sex: "F", ethnicity: null, disabled: true },
      { child_id: "C400", date_of_birth: null, sex: "U", ethnicity: null, disabled: null },
    ]);
    expect(records("children").map((r) => r.source.line)).toEqual([20, 68, 116]);
    expect(dropped("children")).toEqual([[105, "LAchildID is empty (mandatory)"]]);
    expect(report("children")?.notes.map((n) => [n.source.line, n.field, n.reason])).toEqual([
      [68, "date_of_birth", "PersonBirthDate '2015-02-30' is not a date"],
      [68, "ethnicity", "Ethnicity 'XXXX' is not a CIN census code"],
      [116, "date_of_birth", "PersonBirthDate is empty (an unborn child?)"],
    ]);
  });

  it("maps each <CINdetails> onto a referral, dropping an unknown source and a child without id", () => {
    expect(values("referrals")).toEqual([
      {
        referral_id: recordId(idKey, "RF", ["C100", "2019-06-03"]),
        child_id: "C100",
        referral_date: "2019-06-03",
        source: "2A",
        nfa: false,
        team: null,
      },
      {
        referral_id: recordId(idKey, "RF", ["C400", "2020-01-15"]),
        child_id: "C400",
        referral_date: "2020-01-15",
        source: "3A",
        nfa: true,
        team: null,
      },
    ]);
    expect(report("referrals")).toMatchObject({ read: 4, mapped: 2 });
    expect(dropped("referrals")).toEqual([
      [80, "ReferralSource '99' is not a CIN census code"],
      [110, "the child has no LAchildID"],
    ]);
  });

  it("maps assessments linked to their referral, reading DD/MM/YYYY too", () => {
    expect(values("assessments")).toEqual([
      {
        assessment_id: recordId(idKey, "AS", ["C100", "2019-06-03", "2019-06-04"]),
        child_id: "C100",
        referral_id: recordId(idKey, "RF", ["C100", "2019-06-03"]),
        start_date: "2019-06-04",
        authorised_date: "2019-07-15",
        outcome: null,
        team: null,
      },
      {
        assessment_id: recordId(idKey, "AS", ["C200", "2019-09-10", "2019-09-10"]),
        child_id: "C200",
        referral_id: recordId(idKey, "RF", ["C200", "2019-09-10"]),
        start_date: "2019-09-10",
        authorised_date: null,
        outcome: null,
        team: null,
      },
    ]);
    expect(dropped("assessments")).toEqual([[87, "AssessmentActualStartDate '2019-13-01' is not a date"]]);
  });

  it("maps section 47 enquiries and sees the CP plan that started at the ICPC", () => {
    expect(values("s47_enquiries")).toEqual([
      {
        s47_id: recordId(idKey, "S47", ["C100", "2019-08-01"]),
        child_id: "C100",
        start_date: "2019-08-01",
        icpc_not_required: false,
        icpc_date: "2019-08-20",
        icpc_cp_plan: true,
      },
      {
        s47_id: recordId(idKey, "S47", ["C200", "2019-09-12"]),
        child_id: "C200",
        start_date: "2019-09-12",
        icpc_not_required: true,
        icpc_date: null,
        icpc_cp_plan: null,
      },
    ]);
  });

  it("maps CP plans with their categories, dropping an unknown category of abuse", () => {
    expect(values("cp_plans")).toEqual([
      {
        plan_id: recordId(idKey, "CP", ["C100", "2019-08-20"]),
        child_id: "C100",
        start_date: "2019-08-20",
        end_date: null,
        initial_category: "NEG",
        latest_category: "EMO",
        previous_plans: 1,
      },
    ]);
    expect(dropped("cp_plans")).toEqual([
      [94, "InitialCategoryOfAbuse 'XYZ' is not a CIN census category of abuse"],
    ]);
  });

  it("maps CIN plans and drops one that ends before it starts (the catalogue's rule)", () => {
    expect(values("cin_plans")).toEqual([
      {
        plan_id: recordId(idKey, "CN", ["C100", "2019-07-20"]),
        child_id: "C100",
        start_date: "2019-07-20",
        end_date: "2019-12-01",
        end_reason: null,
      },
    ]);
    expect(dropped("cin_plans")?.map(([line]) => line)).toEqual([99]);
    expect(String(dropped("cin_plans")?.[0]?.[1])).toMatch(/end_date/);
  });
});

describe("importCinCensus on other files", () => {
  it("refuses a document that is not a CIN census message", () => {
    expect(importCinCensus("<EXPSSDA903/>", { file: "x.xml", idKey })).toEqual({
      ok: false,
      error: "x.xml: the root element is <EXPSSDA903>, not the CIN census <Message>",
    });
  });

  it("reports broken XML with its line", () => {
    expect(importCinCensus("<Message>\n<Children>\n</Message>", { file: "x.xml", idKey })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^x\.xml: .*line 3: /),
    });
  });
});
