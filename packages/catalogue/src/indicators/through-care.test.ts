import { describe, expect, it } from "vitest";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "./catalogue.js";
import { child, covering, due, episode } from "./test-records.js";

// D = 30 Sep 2019 (end of Q2 2019-20); YTD Q2 = 1 Apr – 30 Sep 2019.
const cla_episodes = [
  // T1: one period of care, three episodes; the legal status changes V2 → C1 → C2 before leaving by SGO.
  episode("T1", "2018-01-10", "2018-06-01", "S", "V2", "X1"),
  episode("T1", "2018-06-01", "2019-01-15", "L", "C1", "X1"),
  episode("T1", "2019-01-15", "2019-08-20", "L", "C2", "E45"),
  // T2 leaves twice this year: first under S20 (returned home), then under an interim order by CAO.
  episode("T2", "2019-04-05", "2019-05-01", "S", "V2", "E13"),
  episode("T2", "2019-06-01", "2019-09-10", "S", "C1", "E41"),
  // T3: a short break, ignored entirely.
  episode("T3", "2019-07-01", "2019-07-03", "S", "V3", "E8"),
  // T4: S20, leaves on D itself (so not looked after at D), aged 16 that day.
  episode("T4", "2019-05-01", "2019-09-30", "S", "V2", "E8"),
  // T5: looked after since 2016; placement changed in 2017; a legal-status change only in 2018.
  episode("T5", "2016-01-01", "2017-06-01", "S", "C2", "X1", {
    placement_type: "U1",
    placement_provider: "PR1",
  }),
  episode("T5", "2017-06-01", "2018-01-01", "P", "C2", "X1", {
    placement_type: "U4",
    placement_provider: "PR4",
  }),
  episode("T5", "2018-01-01", null, "L", "E1", null, {
    placement_type: "U4",
    placement_provider: "PR4",
    weekly_cost: 500,
  }),
  // T6: S20, in an in-house foster placement.
  episode("T6", "2019-02-01", null, "S", "V2", null, {
    placement_type: "U6",
    placement_provider: "PR1",
    weekly_cost: 300,
  }),
  // T7: adopted after 28 months (no children record: date of birth unknown).
  episode("T7", "2017-03-01", "2018-02-01", "S", "C2", "X1"),
  episode("T7", "2018-02-01", "2019-07-20", "L", "E1", "E11"),
  // T8: three placements in the 12 months to D (the one open on 30 Sep 2018, then P, then T).
  episode("T8", "2018-09-01", "2019-01-01", "S", "C1", "X1"),
  episode("T8", "2019-01-01", "2019-04-01", "P", "C1", "X1", {
    placement_type: "U5",
    placement_provider: "PR2",
  }),
  episode("T8", "2019-04-01", null, "T", "C2", null, { placement_type: "R1", placement_provider: "PR3" }),
  // T9: under a legal order, returned home the day before turning 16.
  episode("T9", "2019-01-01", "2019-06-30", "S", "C1", "E13"),
];

const children = [
  child("T1", "2002-03-01"),
  child("T2", "2010-01-01"),
  child("T4", "2003-09-30"),
  child("T5", "2008-01-01"),
  child("T6", "2012-05-05"),
  child("T8", "2005-01-01"),
  child("T9", "2003-07-01"),
];

const due_activities = [
  due("health_assessment", "2019-07-10", "2019-07-10"), // on the due date: on time
  due("health_assessment", "2019-08-01", "2019-08-02"), // a day late
  due("health_assessment", "2019-09-01", null), // not done
  due("cla_visit", "2019-05-01", "2019-04-28"),
];

const evaluator = createEvaluator(
  catalogue,
  {
    cla_episodes,
    children,
    due_activities,
    populations: [{ year: 2018, age_band: "0-17", count: 20_000 }],
  },
  { coverage: covering("2016-04-01", "2019-09-30") },
);
const ytd = (id: string) => evaluator.evaluate(id, "FY2019-20-Q2", "ytd").estimate;
const q2 = (id: string) => evaluator.evaluate(id, "FY2019-20-Q2", "quarter").estimate;
const pair = (e: { numerator: number | null; denominator: number | null }) => [e.numerator, e.denominator];

describe("looked-after flows: starts and leavers", () => {
  it("counts each child starting once, and never a short break", () => {
    expect(ytd("cla.starts").value).toBe(2); // T2 (twice, once counted) and T4
  });

  it("counts a child leaving twice once, on the last exit", () => {
    expect(ytd("cla.leavers").value).toBe(5); // T1, T2, T4, T7, T9
    // T2's last exit is under C1, so T2 is not an S20 leaver this year to date …
    expect(pair(ytd("cla.leavers_s20_pct"))).toEqual([1, 5]);
    // … but in Q1 alone its only exit was under S20.
    expect(pair(evaluator.evaluate("cla.leavers_s20_pct", "FY2019-20-Q1", "quarter").estimate)).toEqual([
      1, 2,
    ]);
  });

  it("uses the legal status of the last episode of a period of care", () => {
    expect(ytd("cla.leavers_legal_order").value).toBe(4); // T1 (C2), T2 (C1), T7 (E1), T9 (C1)
    expect(pair(ytd("cla.permanency_pct"))).toEqual([3, 4]); // E45, E41, E11
  });

  it("measures permanency timeliness from the start of the period of care, with the 12-month figure as an extra", () => {
    const e = evaluator.evaluate("cla.permanency_24m_pct", "FY2019-20-Q2", "ytd");
    expect(pair(e.estimate)).toEqual([2, 3]); // T1 (19 months), T2 (3 months); not T7 (28 months)
    expect(e.extras.within_12_months).toBe(1);
    expect(e.extras.within_12_months_pct).toBeCloseTo(100 / 3, 10);
  });

  it("takes age at leaving on the day of leaving and says who was left out for no date of birth", () => {
    const e = ytd("cla.leavers_16_plus_pct");
    expect(pair(e)).toEqual([2, 4]); // T1 (17), T4 (16 that day); not T2 (9), T9 (15); T7 left out
    expect(e.note).toBe("1 child was left out because their date of birth is not known.");
  });

  it("counts adoptions among leavers", () => {
    expect(pair(ytd("cla.adopted_pct"))).toEqual([1, 5]);
  });

  it("breaks leavers down by their legal status at leaving", () => {
    const e = evaluator.evaluate("cla.leavers", "FY2019-20-Q2", "ytd", { by: "legal_status" });
    expect(e.groups?.map((g) => [g.key, g.estimate.value])).toEqual([
      ["C1", 2],
      ["C2", 1],
      ["E1", 1],
      ["V2", 1],
    ]);
  });
});

describe("looked-after stock at 30 Sep 2019", () => {
  it("counts children with an open episode; one that closed on D is not open", () => {
    expect(q2("cla.count").value).toBe(3); // T5, T6, T8 (T4 left on D)
    // The window's length does not change a stock.
    expect(ytd("cla.count").value).toBe(3);
  });

  it("gives a rate per 10,000 from the latest population estimate not after the financial year", () => {
    const e = q2("cla.rate_per_10k");
    expect(e.value).toBeCloseTo(1.5, 10); // 3 / 20,000 × 10,000 (mid-2018 used for 2019-20)
    expect(e.denominator).toBe(20_000);
  });

  it("computes the S20 share, 3+ placements, stability, in-house fostering and weekly cost", () => {
    expect(pair(q2("cla.s20_pct"))).toEqual([1, 3]);
    expect(pair(q2("cla.placements_3plus_pct"))).toEqual([1, 3]);
    // T5 only: under 16, in care since Jan 2016, placement unchanged since Jun 2017 (the 2018 change was legal only).
    expect(pair(q2("cla.long_term_stability_pct"))).toEqual([1, 1]);
    expect(pair(q2("cla.internal_foster_pct"))).toEqual([1, 2]); // T6 U6/PR1; T5 U4/PR4; T8's R1 is not foster
    const cost = q2("cla.avg_weekly_cost");
    expect(cost.value).toBe(400);
    expect(cost.method).toBe("none");
  });

  it("breaks the stock down by legal status", () => {
    const e = evaluator.evaluate("cla.count", "FY2019-20-Q2", "quarter", { by: "legal_status" });
    expect(e.groups?.map((g) => [g.key, g.estimate.value])).toEqual([
      ["C2", 1],
      ["E1", 1],
      ["V2", 1],
    ]);
  });

  it("has no value before the data starts", () => {
    const e = evaluator.evaluate("cla.count", "FY2014-15-Q1", "quarter").estimate;
    expect(e.value).toBeNull();
    expect(e.note).toBe("No value: care episodes are loaded for 1 Apr 2016 – 30 Sep 2019.");
  });
});

describe("statutory activity timeliness", () => {
  it("counts activities done on or before the due date", () => {
    expect(pair(q2("cla.health_assessment_timely_pct"))).toEqual([1, 3]);
  });

  it("has no value when nothing was due", () => {
    const e = q2("cla.review_timely_pct");
    expect(e.value).toBeNull();
    expect(e.note).toBe("No value: no looked-after reviews were due in Q2 2019-20.");
  });
});
