import { describe, expect, it } from "vitest";
import { createEvaluator } from "../evaluate/evaluator.js";
import { cinPlan, covering } from "./test-records.js";

const evaluator = createEvaluator(
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
