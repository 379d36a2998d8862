import { describe, expect, it } from "vitest";
import { longCpPlans } from "./long-cp-plans.js";
import { cpPlan } from "./records.fixture.js";

const asAt = { asAt: "2019-09-30" };

describe("longCpPlans", () => {
  it("flags a plan open more than 2 years at asAt", () => {
    const findings = longCpPlans({ cp_plans: [cpPlan("P1", "C1", "2017-09-29", null)] }, asAt);
    expect(findings.map((f) => [f.check, f.severity, f.dataset, f.keys])).toEqual([
      ["long_open_cp_plan", "warning", "cp_plans", ["P1"]],
    ]);
    expect(findings[0]?.message).toContain("open since 2017-09-29, more than 2 years at 2019-09-30");
  });

  it("does not flag a plan open exactly 2 years, or a long plan that has ended", () => {
    const plans = [cpPlan("P1", "C1", "2017-09-30", null), cpPlan("P2", "C2", "2015-01-01", "2019-09-30")];
    expect(longCpPlans({ cp_plans: plans }, asAt)).toEqual([]);
  });
});
