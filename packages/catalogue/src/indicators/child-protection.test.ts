import { describe, expect, it } from "vitest";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "./catalogue.js";
import { covering, cpPlan, s47 } from "./test-records.js";

const evaluator = createEvaluator(
  catalogue,
  {
    cp_plans: [
      cpPlan("K1", "2017-01-01", "2017-09-01"),
      cpPlan("K1", "2019-07-10", null), // repeat from the data, 22 months after the last plan ended
      cpPlan("K2", "2019-08-01", null, {
        initial_category: "PHY",
        latest_category: "EMO",
        previous_plans: 1,
      }),
      cpPlan("K3", "2016-01-01", "2016-06-01"),
      cpPlan("K3", "2019-09-15", null, { initial_category: "EMO", previous_plans: 0 }), // census count wins: not a repeat
      cpPlan("K4", "2019-04-01", "2019-07-01", { latest_category: "SAB" }), // exactly 3 months
      cpPlan("K5", "2017-06-01", "2019-08-15"), // 26 months
      cpPlan("K6", "2019-05-01", "2019-09-20"), // between
    ],
    s47_enquiries: [
      s47("K1", "2019-07-01", "2019-07-22", true), // Mon → Mon three weeks later: 15 working days
      s47("K2", "2019-08-01", "2019-08-23", false), // 16 working days
      s47("K3", "2019-08-15", "2019-09-06", true), // 15 working days across the 26 Aug bank holiday
      s47("K7", "2019-08-20", null, null), // no conference needed
    ],
  },
  { coverage: covering("2015-04-01", "2019-09-30") },
);
const q2 = (id: string, by?: string) =>
  evaluator.evaluate(id, "FY2019-20-Q2", "quarter", by === undefined ? {} : { by });
const pair = (id: string) => {
  const e = q2(id).estimate;
  return [e.numerator, e.denominator];
};

describe("child protection indicators", () => {
  it("counts children on a plan at D and plans started", () => {
    expect(q2("cp.count").estimate.value).toBe(3);
    expect(q2("cp.starts").estimate.value).toBe(3);
  });

  it("finds repeat plans from the census count when given, otherwise from the data", () => {
    expect(pair("cp.repeat_pct")).toEqual([2, 3]); // K1 (data), K2 (census 1); K3 census 0
    expect(pair("cp.repeat_2y_pct")).toEqual([1, 3]); // only K1's previous plan end is known
  });

  it("measures plan durations in calendar months", () => {
    expect(pair("cp.ended_3m_pct")).toEqual([1, 3]); // K4 (ended exactly 3 months on)
    expect(pair("cp.ended_2y_plus_pct")).toEqual([1, 3]); // K5
  });

  it("computes ICPC outcomes and timeliness over conferences held", () => {
    expect(pair("cp.icpc_plan_pct")).toEqual([2, 3]);
    expect(pair("cp.icpc_15wd_pct")).toEqual([2, 3]);
  });

  it("shows each category's share of open plans in the neglect breakdown", () => {
    const e = q2("cp.neglect_pct", "latest_category");
    expect([e.estimate.numerator, e.estimate.denominator]).toEqual([2, 3]);
    expect(e.groups?.map((g) => [g.key, g.label, g.estimate.numerator, g.estimate.denominator])).toEqual([
      ["EMO", "Emotional abuse", 1, 3],
      ["NEG", "Neglect", 2, 3],
    ]);
  });

  it("has no value for a quarter with no conferences", () => {
    const e = evaluator.evaluate("cp.icpc_plan_pct", "FY2019-20-Q1", "quarter").estimate;
    expect(e.value).toBeNull();
    expect(e.note).toBe("No value: no initial child protection conferences were held in Q1 2019-20.");
  });
});

describe("CP reviews within timescales (DfE), from the census's review dates", () => {
  // D = 31 March 2020; on a plan for at least 3 months = started on or before 31 December 2019.
  const plans = [
    cpPlan("T1", "2019-06-01", null, { plan_id: "P-T1" }), // reviewed 20 Aug (≤ 1 Sep), 10 Feb (≤ 20 Feb): in time
    cpPlan("T2", "2019-06-01", null, { plan_id: "P-T2" }), // first review 5 Sep, after 1 Sep: late
    cpPlan("T3", "2019-03-01", null, { plan_id: "P-T3" }), // reviewed 15 May (≤ 1 Jun), next due 15 Nov: overdue at D
    cpPlan("T4", "2019-12-31", null, { plan_id: "P-T4" }), // exactly 3 months; first review due 31 Mar, none: in time
    cpPlan("T5", "2020-01-15", null, { plan_id: "P-T5" }), // under 3 months: not counted
    cpPlan("T6", "2019-01-01", "2020-02-01", { plan_id: "P-T6" }), // ended before D: not counted
    cpPlan("T7", "2019-10-01", null, { plan_id: "P-T7", latest_category: "EMO" }), // only a review on the start day (not a review of it): overdue since 1 Jan
  ];
  const review = (child: string, plan: string, date: string) => ({
    review_id: `${plan}-${date}`,
    child_id: child,
    plan_id: plan,
    review_date: date,
  });
  const cp_reviews = [
    review("T1", "P-T1", "2019-08-20"),
    review("T1", "P-T1", "2020-02-10"),
    review("T1", "P-T1", "2020-04-20"), // after D: not read
    review("T2", "P-T2", "2019-09-05"),
    review("T3", "P-T3", "2019-05-15"),
    review("T7", "P-T7", "2019-10-01"),
    review("T6", "P-T6", "2019-02-10"),
  ];
  const e = createEvaluator(
    catalogue,
    { cp_plans: plans, cp_reviews },
    { coverage: covering("2018-04-01", "2020-03-31") },
  );

  it("counts children on a plan for 3 months whose every review was on time and none is overdue", () => {
    const v = e.evaluate("cp.reviews_in_timescale_pct", "FY2019-20-Q4", "quarter").estimate;
    expect([v.numerator, v.denominator]).toEqual([2, 5]); // T1, T4 of T1, T2, T3, T4, T7
    const by = e.evaluate("cp.reviews_in_timescale_pct", "FY2019-20-Q4", "quarter", {
      by: "latest_category",
    });
    expect(by.groups?.map((g) => [g.key, g.estimate.numerator, g.estimate.denominator])).toEqual([
      ["EMO", 0, 1],
      ["NEG", 2, 4],
    ]);
  });

  it("has no value when no review dates are loaded", () => {
    const none = createEvaluator(
      catalogue,
      { cp_plans: plans },
      { coverage: covering("2018-04-01", "2020-03-31", ["cp_plans", "cp_reviews"]) },
    ).evaluate("cp.reviews_in_timescale_pct", "FY2019-20-Q4", "quarter");
    expect(none.estimate.value).toBeNull();
    expect(none.estimate.note).toMatch(/^No value: no child protection review dates are loaded/);
  });
});
