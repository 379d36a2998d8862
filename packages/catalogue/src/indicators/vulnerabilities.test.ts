import { describe, expect, it } from "vitest";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "./catalogue.js";
import { covering, flag, missing } from "./test-records.js";

const evaluator = createEvaluator(
  catalogue,
  {
    vulnerability_flags: [
      flag("V1", "CSE", "2019-01-01", null),
      flag("V1", "CSE", "2019-06-01", null), // a second open flag: the child counts once
      flag("V2", "CSE", "2019-05-01", "2019-09-30"), // removed on D
      flag("V3", "county_lines", "2019-08-01", null),
    ],
    missing_episodes: [
      missing("A", "2019-07-01", "missing", "care", "offered_accepted"),
      missing("A", "2019-08-01", "missing", "care"),
      missing("B", "2019-07-05", "absent", "care"), // absent, not missing
      missing("C", "2019-09-30", "missing", "home"),
      missing("A", "2019-07-10", "missing", "home"),
      missing("D", "2019-06-30", "missing", "care"), // Q1
    ],
  },
  { coverage: covering("2019-04-01", "2019-09-30") },
);
const q = (id: string, period = "FY2019-20-Q2") => evaluator.evaluate(id, period, "quarter").estimate.value;

describe("additional vulnerabilities", () => {
  it("counts children with an open flag at D, once each", () => {
    expect(q("vuln.cse_children")).toBe(1);
    expect(q("vuln.county_lines_children")).toBe(1);
  });

  it("counts children missing and missing incidents, from care and from home separately", () => {
    expect(q("missing.care_children")).toBe(1);
    expect(q("missing.care_incidents")).toBe(2);
    expect(q("missing.home_children")).toBe(2);
    expect(q("missing.home_incidents")).toBe(2);
    expect(q("missing.care_children", "FY2019-20-Q1")).toBe(1);
  });

  it("counts distinct children over the window itself, never summing quarters", () => {
    // A went missing from care in Q2 only, D in Q1 only; the YTD count is 2 children, not Q1 + Q2 episodes.
    expect(evaluator.evaluate("missing.care_children", "FY2019-20-Q2", "ytd").estimate.value).toBe(2);
  });

  it("breaks incidents down by return interview, with a null group", () => {
    const e = evaluator.evaluate("missing.care_incidents", "FY2019-20-Q2", "quarter", {
      by: "return_interview",
    });
    expect(e.groups?.map((g) => [g.key, g.estimate.value])).toEqual([
      ["offered_accepted", 1],
      [null, 1],
    ]);
  });
});
