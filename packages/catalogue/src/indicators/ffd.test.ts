import { describe, expect, it } from "vitest";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "./catalogue.js";
import { assessment, contact, covering, referral } from "./test-records.js";

// Q2 2019-20 is 1 Jul – 30 Sep 2019. 1 Jul 2019 is a Monday; 26 Aug 2019 is the summer bank holiday.
const contacts = [
  contact("A", "2019-07-01", { date: "2019-07-02", level: 4 }, { source: "2A", team: "North" }), // 1 wd: timely
  contact("B", "2019-07-05", { date: "2019-07-08", level: 3 }, { source: "2A", team: "North" }), // Fri→Mon: 1 wd
  contact("C", "2019-07-10", { date: "2019-07-15", level: 2 }, { source: "6", team: null }), // 3 wd: late
  contact("D", "2019-08-01", { date: "2019-08-01", level: 1 }, { source: "6", team: "South" }), // same day: 0 wd
  contact("E", "2019-09-30", null, { source: "8", team: "South" }), // not decided yet
  contact("F", "2019-06-30", { date: "2019-07-01", level: 4 }), // Q1
  contact("G", "2020-01-10", null), // Q4: keeps Q3 inside the data
];

const assessments = [
  assessment("A", "2019-07-01", "2019-09-03", "CIN", "North"), // exactly 45 working days (bank holiday 26 Aug)
  assessment("B", "2019-07-01", "2019-09-04", "NFA", "North"), // 46 working days
  assessment("C", "2019-09-10", "2019-09-20", null, "South"), // 8 working days, no outcome yet
  assessment("D", "2019-09-20", null), // still open
  assessment("E", "2019-06-01", "2019-07-15", "CP"), // started in Q1, 31 working days
];

const referrals = [
  referral("X", "2018-09-15"),
  referral("X", "2019-08-01"), // re-referral: another one 10 months before
  referral("Y", "2018-08-01"),
  referral("Y", "2019-08-01"), // re-referral: the earlier one is exactly 12 months before (included)
  referral("Z", "2018-07-31"),
  referral("Z", "2019-08-01"), // not: 12 months and a day
  referral("W", "2019-07-10"),
  referral("W", "2019-07-10"), // same day: neither is a re-referral of the other
];

const evaluator = createEvaluator(
  catalogue,
  { contacts, assessments, referrals },
  { coverage: covering("2018-04-01", "2020-03-31") },
);
const value = (id: string, period = "FY2019-20-Q2", window: "quarter" | "ytd" = "quarter") =>
  evaluator.evaluate(id, period, window).estimate;

describe("Family Front Door indicators", () => {
  it("counts contacts received by contact date", () => {
    expect(value("ffd.contacts").value).toBe(5);
    expect(value("ffd.contacts", "FY2019-20-Q1").value).toBe(1);
  });

  it("computes the SWA conversion over decided contacts only", () => {
    const e = value("ffd.contacts_swa_pct");
    expect([e.numerator, e.denominator]).toEqual([1, 4]);
    expect(e.value).toBeCloseTo(25, 10);
    expect(e.method).toBe("wilson");
  });

  it("computes the level 2/1 and level 4/3 shares, with the schools' figures as extras", () => {
    expect(value("ffd.contacts_level_2_1_pct").value).toBeCloseTo(50, 10);
    const e = evaluator.evaluate("ffd.contacts_level_4_3_pct", "FY2019-20-Q2", "quarter");
    expect(e.estimate.value).toBeCloseTo(50, 10);
    expect(e.extras).toEqual({
      level_4_pct: 25,
      level_3_pct: 25,
      schools_level_4_3_pct: 100,
      schools_level_4_pct: 50,
      schools_level_3_pct: 50,
    });
  });

  it("times contact decisions in working days", () => {
    expect(value("ffd.contact_decision_timely_pct").value).toBeCloseTo(75, 10);
  });

  it("gives no value, with the reason, for a quarter with no decided contacts — and 0 contacts, not null", () => {
    const e = value("ffd.contacts_swa_pct", "FY2019-20-Q3");
    expect(e.value).toBeNull();
    expect(e.note).toBe("No value: no contacts were decided in Q3 2019-20.");
    expect(value("ffd.contacts", "FY2019-20-Q3").value).toBe(0);
  });

  it("gives no value for a count in a quarter the data does not reach", () => {
    const e = value("ffd.contacts", "FY2015-16-Q1");
    expect(e.value).toBeNull();
    expect(e.note).toBe("No value: contacts are loaded for 1 Apr 2018 – 31 Mar 2020.");
  });

  it("breaks a proportion down by team, with a null group for contacts without one", () => {
    const e = evaluator.evaluate("ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter", { by: "team" });
    expect(e.estimate.value).toBeCloseTo(25, 10);
    expect(e.groups?.map((g) => [g.key, g.label, g.estimate.numerator, g.estimate.denominator])).toEqual([
      ["North", "North", 1, 2],
      ["South", "South", 0, 1],
      [null, "Not recorded", 0, 1],
    ]);
  });

  it("labels source groups with the code set's words", () => {
    const e = evaluator.evaluate("ffd.contacts", "FY2019-20-Q2", "quarter", { by: "source" });
    expect(e.groups?.map((g) => [g.key, g.label, g.estimate.value])).toEqual([
      ["2A", "Schools", 2],
      ["6", "Police", 2],
      ["8", "Other", 1],
    ]);
  });

  it("counts assessments started and completed by their own dates", () => {
    expect(value("ffd.swa_started").value).toBe(4);
    expect(value("ffd.swa_completed").value).toBe(4);
  });

  it("counts an assessment spanning a bank holiday at exactly 45 working days as on time, and 46 as late", () => {
    const e = value("ffd.swa_45wd_pct");
    expect([e.numerator, e.denominator]).toEqual([3, 4]);
    const byTeam = evaluator.evaluate("ffd.swa_45wd_pct", "FY2019-20-Q2", "quarter", { by: "team" });
    expect(byTeam.groups?.find((g) => g.key === "North")?.estimate.numerator).toBe(1);
  });

  it("counts only CIN, CP and CLA outcomes as continued intervention (a null outcome is not)", () => {
    const e = value("ffd.swa_continued_pct");
    expect([e.numerator, e.denominator]).toEqual([2, 4]);
  });

  it("finds re-referrals within 12 months, including the boundary day and excluding same-day referrals", () => {
    const e = value("ffd.rereferrals_12m_pct");
    expect([e.numerator, e.denominator]).toEqual([2, 5]);
    expect(value("ffd.referrals").value).toBe(5);
  });

  it("pools a year-to-date window from its own records", () => {
    const e = value("ffd.contacts_swa_pct", "FY2019-20-Q2", "ytd");
    expect([e.numerator, e.denominator]).toEqual([2, 5]);
  });
});
