import { describe, expect, it } from "vitest";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "./catalogue.js";
import { cinPlan, covering, referral } from "./test-records.js";

const evaluator = createEvaluator(
  catalogue,
  {
    cin_plans: [
      cinPlan("N1", "2019-01-01", null),
      cinPlan("N2", "2018-06-01", "2019-08-01", "stepped_up_cp"),
      cinPlan("N3", "2019-02-01", "2019-09-01", "no_longer_in_need"),
      cinPlan("N4", "2019-07-01", "2019-09-30", "became_looked_after"), // ended on D: not open at D
      cinPlan("N5", "2019-03-01", "2019-03-31", "transferred"), // ended on 31 March: not open then
    ],
    populations: [{ year: 2019, age_band: "0-17", count: 1_000 }],
  },
  { coverage: covering("2018-04-01", "2019-09-30") },
);

describe("children in need indicators", () => {
  it("counts children on an open CIN plan at the period end and at the previous year end", () => {
    expect(evaluator.evaluate("cin.count", "FY2019-20-Q2", "quarter").estimate.value).toBe(1);
    expect(evaluator.evaluate("cin.count", "FY2018-19-Q4", "quarter").estimate.value).toBe(3);
  });

  it("gives a rate per 10,000, and no value when no population estimate is that early", () => {
    expect(evaluator.evaluate("cin.rate_per_10k", "FY2019-20-Q2", "quarter").estimate.value).toBeCloseTo(
      10,
      10,
    );
    const e = evaluator.evaluate("cin.rate_per_10k", "FY2018-19-Q4", "quarter").estimate;
    expect(e.value).toBeNull();
    expect(e.numerator).toBe(3);
    expect(e.note).toBe(
      "No value: there is no 0–17 population estimate for mid-2018 or mid-2017, which rates for 2018-19 use.",
    );
  });

  it("computes the share of ended plans stepping up, and each end reason's share by breakdown", () => {
    const e = evaluator.evaluate("cin.stepped_up_pct", "FY2019-20-Q2", "quarter", { by: "end_reason" });
    expect([e.estimate.numerator, e.estimate.denominator]).toEqual([2, 3]);
    expect(e.groups?.map((g) => [g.key, g.estimate.numerator, g.estimate.denominator])).toEqual([
      ["became_looked_after", 1, 3],
      ["no_longer_in_need", 1, 3],
      ["stepped_up_cp", 1, 3],
    ]);
  });

  it("is marked as not DfE-comparable (CIN plans only)", () => {
    expect(evaluator.definitions().find((d) => d.id === "cin.rate_per_10k")?.dfeComparable).toBe(false);
  });
});

describe("children in need, the DfE's definition (open episodes of need)", () => {
  // D = 31 March 2020. Open: R1 (no closure), R2 (closes after D), R5 (the same child's second
  // episode, counted as an episode). Not open: R3 (closed on D), R4 (no further action), R6 (after D).
  const referrals = [
    referral("A", "2019-05-01", { primary_need: "N1" }),
    referral("B", "2019-11-01", { closure_date: "2020-04-02", closure_reason: "RC7", primary_need: "N4" }),
    referral("C", "2019-06-01", { closure_date: "2020-03-31", closure_reason: "RC8" }),
    referral("D", "2020-03-01", { nfa: true }),
    referral("A", "2018-01-01", { closure_date: "2021-01-01" }),
    referral("E", "2020-04-01"),
  ];
  const e = createEvaluator(
    catalogue,
    { referrals, populations: [{ year: 2019, age_band: "0-17", count: 2_000 }] },
    { coverage: covering("2018-01-01", "2020-06-30") },
  );

  it("counts every episode open at the period end, leaving out referrals with no further action", () => {
    expect(e.evaluate("cin.dfe_count", "FY2019-20-Q4", "quarter").estimate.value).toBe(3);
    // 30 June 2019: A's two episodes and C's (B starts later).
    expect(e.evaluate("cin.dfe_count", "FY2019-20-Q1", "quarter").estimate.value).toBe(3);
    // 30 June 2020: A's two episodes and E's (B closed on 2 April).
    expect(e.evaluate("cin.dfe_count", "FY2020-21-Q1", "quarter").estimate.value).toBe(3);
  });

  it("breaks the count down by primary need and gives a rate per 10,000", () => {
    const by = e.evaluate("cin.dfe_count", "FY2019-20-Q4", "quarter", { by: "primary_need" });
    expect(by.groups?.map((g) => [g.key, g.estimate.value])).toEqual([
      ["N1", 1],
      ["N4", 1],
      [null, 1],
    ]);
    expect(e.evaluate("cin.dfe_rate_per_10k", "FY2019-20-Q4", "quarter").estimate.value).toBeCloseTo(15, 10);
  });

  it("has no value when no referral records its episode of need (a front-door extract)", () => {
    const noClosures = createEvaluator(
      catalogue,
      { referrals: [referral("A", "2019-05-01"), referral("B", "2019-06-01")] },
      { coverage: covering("2019-04-01", "2020-03-31") },
    );
    const v = noClosures.evaluate("cin.dfe_count", "FY2019-20-Q4", "quarter").estimate;
    expect(v.value).toBeNull();
    expect(v.note).toMatch(/^No value: no referral records its episode of need/);
    const withNeed = createEvaluator(
      catalogue,
      { referrals: [referral("A", "2019-05-01", { primary_need: "N1" })] },
      { coverage: covering("2019-04-01", "2020-03-31") },
    );
    expect(withNeed.evaluate("cin.dfe_count", "FY2019-20-Q4", "quarter").estimate.value).toBe(1);
  });

  it("has no value before the first referral", () => {
    const early = e.evaluate("cin.dfe_count", "FY2016-17-Q4", "quarter").estimate;
    expect(early.value).toBeNull();
    expect(early.note).toMatch(/^No value: referrals are loaded for 1 Jan 2018 – 30 Jun 2020\./);
  });
});
