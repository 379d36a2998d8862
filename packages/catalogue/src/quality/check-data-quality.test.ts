import { describe, expect, it } from "vitest";
import { checkDataQuality } from "./check-data-quality.js";
import { child, cinPlan, cpPlan, episode } from "./records.fixture.js";

describe("checkDataQuality", () => {
  it("runs every check and lists errors before warnings", () => {
    const findings = checkDataQuality(
      {
        children: [child("C1", null)],
        cla_episodes: [episode("E1", "C1", "2019-04-01", null)],
        cp_plans: [cpPlan("P1", "C1", "2016-01-01", null), cpPlan("P2", "C1", "2019-01-01", null)],
        cin_plans: [cinPlan("N1", "C1", "2015-01-01", null)],
      },
      { asAt: "2019-09-30" },
    );
    expect(findings.map((f) => f.check)).toEqual([
      "missing_date_of_birth",
      "multiple_open_cp_plans",
      "long_open_cp_plan",
      "long_open_cin_plan",
    ]);
  });

  it("finds nothing in clean records", () => {
    const findings = checkDataQuality(
      {
        children: [child("C1")],
        cla_episodes: [episode("E1", "C1", "2019-04-01", null)],
        cp_plans: [cpPlan("P1", "C1", "2019-01-01", null)],
      },
      { asAt: "2019-09-30" },
    );
    expect(findings).toEqual([]);
  });
});
