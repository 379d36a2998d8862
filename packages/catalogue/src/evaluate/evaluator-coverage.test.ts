import { describe, expect, it } from "vitest";
import type { CoverageSource } from "../coverage/coverage-source.js";
import { catalogue } from "../indicators/catalogue.js";
import { child, episode, referral, worker } from "../indicators/test-records.js";
import { createEvaluator } from "./evaluator.js";

// One SSDA903 return for 2017-18 (collection year 1 Apr 2017 – 31 Mar 2018), as in issue 11.
const cla_episodes = [
  episode("A", "2015-06-01", null, "S", "C2", null), // looked after throughout
  episode("B", "2017-05-10", "2017-11-20", "S", "V2", "E13"), // starts and leaves in the year
  episode("C", "2016-02-01", "2018-04-01", "S", "C1", "E11"), // open across 31 Mar 2018, leaves on 1 Apr
  episode("D", "2018-01-15", null, "S", "V2", null), // starts in Q4
];
const children = ["A", "B", "C", "D"].map((id) => child(id, "2010-01-01"));

const source = (
  id: string,
  dataset: CoverageSource["dataset"],
  from: string,
  to: string,
): CoverageSource => ({
  id,
  dataset,
  kind: "statutory",
  name: id,
  from,
  to,
  as_of: null,
  history_from: null,
  received_at: "2018-06-20T09:00:00.000Z",
});
const return2017 = source("SSDA903 return 2017-18", "cla_episodes", "2017-04-01", "2018-03-31");
const LOADED = "No value: care episodes are loaded for 1 Apr 2017 – 31 Mar 2018.";

describe("one year's return loaded", () => {
  const evaluator = createEvaluator(
    catalogue,
    { cla_episodes, children, populations: [{ year: 2016, age_band: "0-17", count: 30_000 }] },
    { coverage: [return2017] },
  );
  const at = (id: string, period: string, window: "quarter" | "year" = "quarter") =>
    evaluator.evaluate(id, period, window);

  it("gives that year's stock at 31 March and its flows", () => {
    // Open at the end of 31 Mar 2018: A, C (ends 1 Apr) and D; B left in November.
    expect(at("cla.count", "FY2017-18-Q4").estimate.value).toBe(3);
    // Started in the year (reason S): B and D. Left in the year: B.
    expect(at("cla.starts", "FY2017-18", "year").estimate.value).toBe(2);
    expect(at("cla.leavers", "FY2017-18", "year").estimate.value).toBe(1);
    // Nobody left in Q1: a true 0, because the quarter is covered.
    expect(at("cla.leavers", "FY2017-18-Q1").estimate).toMatchObject({ value: 0, note: null });
  });

  it("cites the return as the source of the year's figures", () => {
    expect(at("cla.count", "FY2017-18-Q4").sources).toEqual(["SSDA903 return 2017-18"]);
    expect(evaluator.sources().map((s) => s.name)).toEqual(["SSDA903 return 2017-18"]);
  });

  it("has no value for the year before or the year after, naming what the data cover", () => {
    // 2016-17: C started in 2015-16 and nothing else is known; not 0.
    expect(at("cla.starts", "FY2016-17", "year").estimate).toMatchObject({ value: null, note: LOADED });
    // 2018-19: the last known state is not carried forward, and C's exit on 1 Apr 2018 is not "4 leavers".
    expect(at("cla.count", "FY2018-19-Q4").estimate).toMatchObject({ value: null, note: LOADED });
    expect(at("cla.leavers", "FY2018-19", "year").estimate).toMatchObject({ value: null, note: LOADED });
    expect(at("cla.placements_3plus_pct", "FY2018-19-Q4").estimate.value).toBeNull();
  });

  it("has no value for a stock on the day before the coverage starts", () => {
    // D = 31 Mar 2017: A and C were open that day, but the return vouches only from 1 Apr 2017.
    expect(at("cla.count", "FY2016-17-Q4").estimate).toMatchObject({ value: null, note: LOADED });
  });

  it("has no value for a look-back measure whose look-back reaches outside the coverage", () => {
    // 3 or more placements at 31 Mar 2018 reads (31 Mar 2017, 31 Mar 2018]: covered. Each of A, C, D
    // had one placement in it: 0 of 3.
    expect(at("cla.placements_3plus_pct", "FY2017-18-Q4").estimate).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 3,
    });
    // At 30 Sep 2017 it reads 1 Oct 2016 – 30 Sep 2017, half of it before the return.
    expect(at("cla.placements_3plus_pct", "FY2017-18-Q2").estimate).toMatchObject({
      value: null,
      note: `${LOADED} This figure looks back 12 months and needs them from 1 Oct 2016 to 30 Sep 2017.`,
    });
    // Long-term stability looks back 30 months: never covered by one year's return.
    expect(at("cla.long_term_stability_pct", "FY2017-18-Q4").estimate.value).toBeNull();
  });

  it("gives a rate from the year before's estimate, and no value when neither year's estimate is loaded", () => {
    // 2017-18 uses mid-2017, or mid-2016 while 2017's is not published: 3 / 30,000 × 10,000 = 1.
    expect(at("cla.rate_per_10k", "FY2017-18-Q4").estimate.value).toBeCloseTo(1, 9);
    const noEstimate = createEvaluator(
      catalogue,
      { cla_episodes, populations: [{ year: 2015, age_band: "0-17", count: 30_000 }] },
      { coverage: [return2017] },
    );
    expect(noEstimate.evaluate("cla.rate_per_10k", "FY2017-18-Q4", "quarter").estimate).toMatchObject({
      value: null,
      note: "No value: there is no 0–17 population estimate for mid-2017 or mid-2016, which rates for 2017-18 use.",
    });
    // The count itself stands.
    expect(noEstimate.evaluate("cla.count", "FY2017-18-Q4", "quarter").estimate.value).toBe(3);
  });

  it("takes the latest covered quarter as the latest quarter with data", () => {
    expect(evaluator.latestQuarterWithData()).toBe("FY2017-18-Q4");
  });
});

describe("two returns loaded", () => {
  const return2018 = source("SSDA903 return 2018-19", "cla_episodes", "2018-04-01", "2019-03-31");
  const evaluator = createEvaluator(catalogue, { cla_episodes }, { coverage: [return2018, return2017] });

  it("joins the years into one coverage, and cites only the sources holding the days needed", () => {
    expect(evaluator.coverage("cla_episodes")).toEqual([{ from: "2017-04-01", to: "2019-03-31" }]);
    expect(evaluator.evaluate("cla.count", "FY2017-18-Q4", "quarter").sources).toEqual([
      "SSDA903 return 2017-18",
    ]);
    // 2018-19: C left on 1 Apr 2018 (E11). Its placements measure at 30 Sep 2018 reads both years.
    expect(evaluator.evaluate("cla.leavers", "FY2018-19", "year").estimate.value).toBe(1);
    expect(evaluator.evaluate("cla.placements_3plus_pct", "FY2018-19-Q2", "quarter").sources).toEqual([
      "SSDA903 return 2017-18",
      "SSDA903 return 2018-19",
    ]);
  });

  it("lists several spans in the note when the coverage has a gap", () => {
    const gap = createEvaluator(
      catalogue,
      { cla_episodes },
      { coverage: [return2017, source("2019-20", "cla_episodes", "2019-04-01", "2020-03-31")] },
    );
    expect(gap.evaluate("cla.count", "FY2018-19-Q4", "quarter").estimate.note).toBe(
      "No value: care episodes are loaded for 1 Apr 2017 – 31 Mar 2018 and 1 Apr 2019 – 31 Mar 2020.",
    );
  });
});

describe("a look-back flow", () => {
  it("has no value for re-referrals when the 12 months before the window are not loaded", () => {
    const referrals = [referral("R", "2017-05-01"), referral("R", "2017-09-01"), referral("S", "2017-06-01")];
    const one = createEvaluator(
      catalogue,
      { referrals },
      { coverage: [source("CIN census 2017-18", "referrals", "2017-04-01", "2018-03-31")] },
    );
    expect(one.evaluate("ffd.referrals", "FY2017-18", "year").estimate.value).toBe(3);
    expect(one.evaluate("ffd.rereferrals_12m_pct", "FY2017-18", "year").estimate.note).toBe(
      "No value: referrals are loaded for 1 Apr 2017 – 31 Mar 2018. This figure looks back 12 months and needs them from 1 Apr 2016 to 31 Mar 2018.",
    );
    // With the year before also loaded: R's referral of 1 Sep follows one on 1 May; 1 of 3.
    const two = createEvaluator(
      catalogue,
      { referrals },
      {
        coverage: [
          source("CIN census 2016-17", "referrals", "2016-04-01", "2017-03-31"),
          source("CIN census 2017-18", "referrals", "2017-04-01", "2018-03-31"),
        ],
      },
    );
    expect(two.evaluate("ffd.rereferrals_12m_pct", "FY2017-18", "year").estimate).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
  });
});

describe("an extract as at a date", () => {
  const extract: CoverageSource = {
    id: "x",
    dataset: "referrals",
    kind: "extract",
    name: "quarterly extract at 30 Sep 2019",
    from: "2018-04-01",
    to: "2019-09-30",
    as_of: "2019-09-30",
    history_from: "2018-04-01",
    received_at: null,
  };
  const evaluator = createEvaluator(
    catalogue,
    { referrals: [referral("R", "2019-08-01")] },
    { coverage: [extract] },
  );

  it("gives the quarter to its date and no value for the quarter after it", () => {
    expect(evaluator.evaluate("ffd.referrals", "FY2019-20-Q2", "quarter").estimate.value).toBe(1);
    expect(evaluator.evaluate("ffd.referrals", "FY2019-20-Q3", "quarter").estimate).toMatchObject({
      value: null,
      note: "No value: referrals are loaded for 1 Apr 2018 – 30 Sep 2019.",
    });
    expect(evaluator.latestQuarterWithData()).toBe("FY2019-20-Q2");
  });
});

describe("a workforce census", () => {
  const census = source("CSWW census 2019", "workforce", "2019-09-30", "2019-09-30");
  const evaluator = createEvaluator(
    catalogue,
    { workforce: [worker("W1", "2019-09-30", "social_worker", 1, 25)] },
    { coverage: [census] },
  );

  it("covers its census date: staffing at that date, none a quarter later", () => {
    expect(evaluator.evaluate("wf.over_caseload_target", "FY2019-20-Q2", "quarter").estimate.value).toBe(1);
    expect(evaluator.evaluate("wf.over_caseload_target", "FY2019-20-Q3", "quarter").estimate.note).toBe(
      "No value: workforce snapshots are loaded for 30 Sep 2019. This figure needs one dated in the 3 months to 31 Dec 2019.",
    );
  });
});

describe("records given without a coverage", () => {
  // The 903 return of issue 11 posted without saying what it covers: the coverage is inferred from
  // the episodes, from the earliest end (20 Nov 2017) to the latest date (1 Apr 2018).
  const evaluator = createEvaluator(catalogue, { cla_episodes });
  const note = "No value: care episodes are loaded for 20 Nov 2017 – 1 Apr 2018.";

  it("infers a conservative coverage and shows it as inferred", () => {
    expect(evaluator.sources()).toEqual([
      {
        id: "inferred:cla_episodes",
        dataset: "cla_episodes",
        kind: "inferred",
        name: "care episodes in the records given (inferred)",
        from: "2017-11-20",
        to: "2018-04-01",
        as_of: null,
        history_from: null,
        received_at: null,
      },
    ]);
    expect(evaluator.evaluate("cla.count", "FY2017-18-Q4", "quarter").estimate.value).toBe(3);
  });

  it("gives none of the figures issue 11 found outside the data", () => {
    expect(evaluator.evaluate("cla.count", "FY2018-19-Q4", "quarter").estimate.note).toBe(note);
    expect(evaluator.evaluate("cla.count", "FY2019-20-Q4", "quarter").estimate.value).toBeNull();
    expect(evaluator.evaluate("cla.starts", "FY2016-17", "year").estimate.value).toBeNull();
    expect(evaluator.evaluate("cla.leavers", "FY2018-19", "year").estimate.value).toBeNull();
    expect(evaluator.latestQuarterWithData()).toBe("FY2017-18-Q4");
  });
});
