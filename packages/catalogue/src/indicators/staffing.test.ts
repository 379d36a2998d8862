import { describe, expect, it } from "vitest";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "./catalogue.js";
import { covering, worker } from "./test-records.js";

// D = 30 Sep 2019: each worker's latest snapshot in (30 Jun 2019, 30 Sep 2019].
const workforce = [
  worker("W1", "2019-06-30", "social_worker", 1, 10), // on the excluded first day
  worker("W1", "2019-09-30", "social_worker", 1, 22, { team: "North" }),
  worker("W2", "2019-09-30", "social_worker", 0.5, 12, { agency: true, team: "North" }),
  worker("W3", "2019-08-31", "senior_practitioner", 1, 18, { team: "South" }),
  worker("W4", "2019-09-30", "team_manager", 1, 3), // not case-holding
  worker("W5", "2019-09-30", "social_worker", 1, 25, { leaving_date: "2019-09-30" }), // left on D
  worker("W6", "2019-09-30", "social_worker", 0, 5), // FTE 0
  worker("W7", "2019-06-15", "social_worker", 1, 30), // no snapshot in the 3 months
  worker("W8", "2018-12-31", "social_worker", 1, 15, { leaving_date: "2019-01-15" }),
];

const evaluator = createEvaluator(
  catalogue,
  { workforce },
  { coverage: covering("2018-04-01", "2020-09-30") },
);
const at = (id: string) => evaluator.evaluate(id, "FY2019-20-Q2", "quarter").estimate;

describe("staffing indicators", () => {
  it("computes FTE shares of case-holding workers in post, without an interval", () => {
    const agency = at("wf.agency_pct");
    expect([agency.numerator, agency.denominator]).toEqual([0.5, 2.5]);
    expect(agency.value).toBeCloseTo(20, 10);
    expect(agency.method).toBe("none");
    expect(at("wf.sw_permanent_pct").value).toBeCloseTo(80, 10);
  });

  it("averages caseloads over FTE of workers with FTE above 0", () => {
    expect(at("wf.avg_caseload").value).toBeCloseTo(52 / 2.5, 10);
  });

  it("counts workers over the caseload target, which is configurable", () => {
    expect(at("wf.over_caseload_target").value).toBe(1);
    const strict = createEvaluator(
      catalogue,
      { workforce },
      { caseloadTarget: 15, coverage: covering("2018-04-01", "2020-09-30") },
    );
    expect(strict.evaluate("wf.over_caseload_target", "FY2019-20-Q2", "quarter").estimate.value).toBe(2);
  });

  it("computes turnover over the 12 months to D whatever the window", () => {
    const e = at("wf.turnover_pct");
    expect([e.numerator, e.denominator]).toEqual([2, 4]); // W5, W8 left; W1, W2, W3, W6 in post
    expect(evaluator.evaluate("wf.turnover_pct", "FY2019-20-Q2", "ytd").estimate.value).toBeCloseTo(50, 10);
  });

  it("computes the DfE's turnover over permanent workers of every role, by head count", () => {
    // In post at D: W1, W3, W4, W6 (W2 is agency; W5 left on D; W7 has no snapshot in the 3 months).
    // Leavers in the 12 months to D: W5 (30 Sep 2019) and W8 (15 Jan 2019).
    const e = at("wf.turnover_dfe_pct");
    expect([e.numerator, e.denominator]).toEqual([2, 4]);
    const roles = evaluator.evaluate("wf.turnover_dfe_pct", "FY2019-20-Q2", "quarter", { by: "role" });
    expect(roles.groups?.map((g) => [g.key, g.estimate.numerator, g.estimate.denominator])).toEqual([
      ["senior_practitioner", 0, 1],
      ["social_worker", 2, 2],
      ["team_manager", 0, 1],
    ]);
  });

  it("leaves workers without a recorded caseload out of the caseload measures", () => {
    const more = createEvaluator(catalogue, {
      workforce: [...workforce, worker("W9", "2019-09-30", "social_worker", 1, 0, { caseload: null })],
    });
    expect(more.evaluate("wf.avg_caseload", "FY2019-20-Q2", "quarter").estimate.value).toBeCloseTo(
      52 / 2.5,
      10,
    );
    expect(more.evaluate("wf.turnover_pct", "FY2019-20-Q2", "quarter").estimate.denominator).toBe(5);
  });

  it("breaks FTE shares down by team", () => {
    const e = evaluator.evaluate("wf.agency_pct", "FY2019-20-Q2", "quarter", { by: "team" });
    expect(e.groups?.map((g) => [g.key, g.estimate.numerator, g.estimate.denominator])).toEqual([
      ["North", 0.5, 1.5],
      ["South", 0, 1],
      [null, 0, 0],
    ]);
  });

  it("has no value without a snapshot in the 3 months to D", () => {
    const e = evaluator.evaluate("wf.agency_pct", "FY2020-21-Q2", "quarter").estimate;
    expect(e.value).toBeNull();
    expect(e.note).toBe("No value: no workforce snapshot is dated in the 3 months to 30 Sep 2020.");
  });
});
