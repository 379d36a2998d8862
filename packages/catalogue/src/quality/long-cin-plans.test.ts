import { describe, expect, it } from "vitest";
import { longCinPlans } from "./long-cin-plans.js";
import { cinPlan } from "./records.fixture.js";

const asAt = { asAt: "2019-09-30" };

describe("longCinPlans", () => {
  it("flags a plan open more than 3 years at asAt", () => {
    const findings = longCinPlans({ cin_plans: [cinPlan("N1", "C1", "2016-09-29", null)] }, asAt);
    expect(findings.map((f) => [f.check, f.severity, f.dataset, f.keys])).toEqual([
      ["long_open_cin_plan", "warning", "cin_plans", ["N1"]],
    ]);
    expect(findings[0]?.message).toContain(
      "child in need plan has been open since 2016-09-29, more than 3 years",
    );
  });

  it("does not flag a plan open exactly 3 years, or one open 2.5 years", () => {
    const plans = [cinPlan("N1", "C1", "2016-09-30", null), cinPlan("N2", "C2", "2017-03-01", null)];
    expect(longCinPlans({ cin_plans: plans }, asAt)).toEqual([]);
  });
});
