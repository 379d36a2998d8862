import { describe, expect, it } from "vitest";
import { overdueOpenAssessments } from "./overdue-open-assessments.js";
import { assessment } from "./records.fixture.js";

describe("overdueOpenAssessments", () => {
  // 2019-07-01 (Mon) + 45 working days = 2019-09-03 (the 26 Aug bank holiday skipped).
  it("flags an assessment open 46 working days after its start", () => {
    const findings = overdueOpenAssessments(
      { assessments: [assessment("A1", "2019-07-01", null)] },
      { asAt: "2019-09-04" },
    );
    expect(findings.map((f) => [f.check, f.severity, f.keys])).toEqual([
      ["overdue_open_assessment", "warning", ["A1"]],
    ]);
    expect(findings[0]?.message).toContain(
      "started 2019-07-01 is still open at 2019-09-04, 46 working days later",
    );
  });

  it("does not flag one open exactly 45 working days, or one authorised by asAt", () => {
    const list = [assessment("A1", "2019-07-01", null), assessment("A2", "2019-05-01", "2019-09-03")];
    expect(overdueOpenAssessments({ assessments: list }, { asAt: "2019-09-03" })).toEqual([]);
  });

  it("counts an assessment authorised after asAt as open at asAt", () => {
    const list = [assessment("A1", "2019-07-01", "2019-09-20")];
    expect(overdueOpenAssessments({ assessments: list }, { asAt: "2019-09-04" })).toHaveLength(1);
  });

  it("uses the deployment's extra holidays", () => {
    const list = [assessment("A1", "2019-07-01", null)];
    expect(
      overdueOpenAssessments(
        { assessments: list },
        { asAt: "2019-09-04", workingDays: { extraHolidays: ["2019-07-02"] } },
      ),
    ).toEqual([]);
  });
});
