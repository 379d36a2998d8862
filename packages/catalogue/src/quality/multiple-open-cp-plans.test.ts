import { describe, expect, it } from "vitest";
import { multipleOpenCpPlans } from "./multiple-open-cp-plans.js";
import { cpPlan } from "./records.fixture.js";

const asAt = { asAt: "2019-09-30" };

describe("multipleOpenCpPlans", () => {
  it("flags a child with two plans open at asAt, once", () => {
    const findings = multipleOpenCpPlans(
      { cp_plans: [cpPlan("P1", "C1", "2019-01-10", null), cpPlan("P2", "C1", "2019-06-01", "2019-10-15")] },
      asAt,
    );
    expect(findings).toEqual([
      {
        check: "multiple_open_cp_plans",
        severity: "error",
        dataset: "cp_plans",
        keys: ["P1", "P2"],
        message:
          "2 child protection plans of one child are open at 2019-09-30 (started 2019-01-10, 2019-06-01). " +
          "Record the end date of the plans that have ended in the source system, or remove the duplicate.",
      },
    ]);
  });

  it("does not flag consecutive plans, a plan ending on asAt, a future plan or other children", () => {
    const plans = [
      cpPlan("P1", "C1", "2018-01-10", "2019-09-30"),
      cpPlan("P2", "C1", "2019-09-30", null),
      cpPlan("P3", "C1", "2019-10-01", null),
      cpPlan("P4", "C2", "2019-06-01", null),
    ];
    expect(multipleOpenCpPlans({ cp_plans: plans }, asAt)).toEqual([]);
  });
});
