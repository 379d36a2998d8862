import { describe, expect, it } from "vitest";
import { CatalogueError } from "../evaluate/catalogue-error.js";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "../indicators/catalogue.js";
import { indicatorSeries } from "./indicator-series.js";
import {
  smallAuthority,
  smallAuthorityBenchmarks,
  smallAuthorityCoverage,
} from "./small-authority-fixture.js";

// Wilson 95% limits worked out by hand (z = 1.959963984540054):
// (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)), × 100.
const WILSON_45_100 = { lower: 35.61453797951199, upper: 54.75539700255787 };
const CLOSE = 6;

const evaluator = createEvaluator(catalogue, smallAuthority(), { coverage: smallAuthorityCoverage() });

describe("indicatorSeries", () => {
  it("gives each quarter's value, interval, status against the 60% target and comparisons", () => {
    const series = indicatorSeries(evaluator, "ffd.contacts_swa_pct", {
      from: "FY2019-20-Q1",
      to: "FY2019-20-Q2",
      window: "quarter",
    });
    expect(series.indicator).toBe("ffd.contacts_swa_pct");
    expect(series.values.map((v) => v.period)).toEqual(["FY2019-20-Q1", "FY2019-20-Q2"]);
    const q2 = series.values[1];
    if (q2 === undefined) throw new Error("no Q2 entry");
    // 45 of 100 decided contacts at level 4; the undecided contact is not in the denominator.
    expect(q2.value).toBeCloseTo(45, CLOSE);
    expect(q2.numerator).toBe(45);
    expect(q2.denominator).toBe(100);
    expect(q2.unit).toBe("percent");
    expect(q2.ci.method).toBe("wilson");
    expect(q2.ci.level).toBe(0.95);
    expect(q2.ci.lower).toBeCloseTo(WILSON_45_100.lower, CLOSE);
    expect(q2.ci.upper).toBeCloseTo(WILSON_45_100.upper, CLOSE);
    // Default target 60 with tolerance 5% of 60 = 3: 45 < 57 is red.
    expect(q2.target).toBe(60);
    expect(q2.status).toBe("red");
    expect(q2.label).toBe("Q2 2019-20");
    expect(q2.note).toBeNull();
    // Q1: 40/100 → [30.94, 49.80] overlaps [35.61, 54.76]: +5 points, not significant.
    expect(q2.comparisons.previous_period).toMatchObject({ period: "FY2019-20-Q1", significant: false });
    expect(q2.comparisons.previous_period?.value).toBeCloseTo(40, CLOSE);
    expect(q2.comparisons.previous_period?.change).toBeCloseTo(5, CLOSE);
    // Q2 2018-19: 20/100 → [13.34, 28.88], clear of Q2 2019-20's interval: +25 points, significant.
    expect(q2.comparisons.same_period_last_year).toMatchObject({ period: "FY2018-19-Q2", significant: true });
    expect(q2.comparisons.same_period_last_year?.change).toBeCloseTo(25, CLOSE);
    // A flow indicator has no year-end comparison.
    expect(q2.comparisons).not.toHaveProperty("previous_year_end");
    expect(q2).not.toHaveProperty("groups");
  });

  it("uses the target set for the period's financial year, falling back to the default in other years", () => {
    const targets = { "FY2019-20": { value: 46, tolerance: 2 } };
    const series = indicatorSeries(evaluator, "ffd.contacts_swa_pct", {
      from: "FY2018-19-Q4",
      to: "FY2019-20-Q1",
      window: "quarter",
      targets,
    });
    // Q4 2018-19: 30% against the default 60 → red. Q1 2019-20: 40% against 46 (amber from 44) → red.
    expect(series.values.map((v) => [v.target, v.status])).toEqual([
      [60, "red"],
      [46, "red"],
    ]);
    const q2 = indicatorSeries(evaluator, "ffd.contacts_swa_pct", {
      to: "FY2019-20-Q2",
      window: "quarter",
      targets,
    });
    // 45% is within 2 points below 46: amber.
    expect(q2.values[0]?.status).toBe("amber");
    const met = indicatorSeries(evaluator, "ffd.contacts_swa_pct", {
      window: "quarter",
      targets: { "FY2019-20": { range: [40, 50] } },
    });
    expect(met.values[0]).toMatchObject({ target: [40, 50], status: "green" });
  });

  it("computes the year to date from the records of the whole window", () => {
    const [ytd] = indicatorSeries(evaluator, "ffd.contacts_swa_pct", {
      to: "FY2019-20-Q2",
      window: "ytd",
    }).values;
    // Q1 + Q2 2019-20: (40 + 45) / (100 + 100).
    expect(ytd?.value).toBeCloseTo(42.5, CLOSE);
    expect(ytd?.denominator).toBe(200);
    expect(ytd?.label).toBe("Q1–Q2 2019-20 (year to date)");
    expect(ytd?.comparisons.previous_period?.period).toBe("FY2019-20-Q1");
    expect(ytd?.comparisons.previous_period?.value).toBeCloseTo(40, CLOSE);
    // The year to date at Q2 2018-19 holds only Q2 2018-19's contacts.
    expect(ytd?.comparisons.same_period_last_year?.value).toBeCloseTo(20, CLOSE);
  });

  it("compares with the most recent earlier benchmark year and bands the value among the members", () => {
    const [q2] = indicatorSeries(evaluator, "ffd.contacts_swa_pct", {
      to: "FY2019-20-Q2",
      window: "quarter",
      benchmarks: smallAuthorityBenchmarks(),
    }).values;
    expect(q2?.benchmarks).toEqual([
      // 2018-19 is the latest year not after 2019-20 (the 2020-21 row is later); 50 lies in [35.6, 54.8].
      { comparator: "statistical_neighbours", period: "FY2018-19", value: 50, result: "similar" },
      // 60 is above the interval and higher is better: worse.
      { comparator: "england", period: "FY2016-17", value: 60, result: "worse" },
    ]);
    // 45% is below every member (80–99) and higher is better: the bottom quartile.
    expect(q2?.quartile).toEqual({
      comparator: "statistical_neighbours",
      period: "FY2018-19",
      band: "D",
      members: 5,
    });
    const [earlier] = indicatorSeries(evaluator, "ffd.contacts_swa_pct", {
      to: "FY2018-19-Q2",
      window: "quarter",
      benchmarks: smallAuthorityBenchmarks(),
    }).values;
    expect(earlier?.benchmarks.map((b) => [b.comparator, b.period])).toEqual([
      ["statistical_neighbours", "FY2018-19"],
      ["england", "FY2016-17"],
    ]);
  });

  it("adds the year-end comparison for a stock indicator", () => {
    const [q2] = indicatorSeries(evaluator, "cin.count", { to: "FY2019-20-Q2", window: "quarter" }).values;
    // Open at 30 Sep 2019: p1, p2, p5, p6, p7. At 31 Mar 2019: p1, p2, p3 (p4 closed that day).
    // At 30 Jun 2019: p1, p2 (p3 closed on 15 Jun). At 30 Sep 2018: p0.
    expect(q2?.value).toBe(5);
    expect(q2?.numerator).toBe(5);
    expect(q2?.denominator).toBeNull();
    expect(q2?.comparisons.previous_year_end).toMatchObject({ period: "FY2018-19-Q4", value: 3, change: 2 });
    expect(q2?.comparisons.previous_period).toMatchObject({ period: "FY2019-20-Q1", value: 2, change: 3 });
    expect(q2?.comparisons.same_period_last_year).toMatchObject({
      period: "FY2018-19-Q2",
      value: 1,
      change: 4,
    });
  });

  it("breaks the value down by a listed field, keeping the entry's own figures as the total", () => {
    const [q2] = indicatorSeries(evaluator, "ffd.contacts_level_4_3_pct", {
      to: "FY2019-20-Q2",
      window: "quarter",
      by: "source",
    }).values;
    // Total: (45 + 5) / 100. Schools: (30 + 5) / 35. Police: 15 / 65.
    expect(q2?.value).toBeCloseTo(50, CLOSE);
    const groups = new Map(q2?.groups?.map((g) => [g.key, g]));
    expect(groups.get("2A")?.value).toBeCloseTo(100, CLOSE);
    expect(groups.get("2A")?.denominator).toBe(35);
    expect(groups.get("6")?.value).toBeCloseTo((15 / 65) * 100, CLOSE);
    expect(groups.get("6")?.ci.method).toBe("wilson");
  });

  it("says why a quarter has no value instead of showing 0", () => {
    const [empty] = indicatorSeries(evaluator, "ffd.contacts_swa_pct", {
      to: "FY2017-18-Q1",
      window: "quarter",
    }).values;
    expect(empty?.value).toBeNull();
    expect(empty?.note).toEqual(expect.any(String));
    expect(empty?.status).toBeNull();
  });

  it("compares with nothing where the comparison period is not covered, and lists the sources cited once", () => {
    const series = indicatorSeries(evaluator, "ffd.contacts", { to: "FY2018-19-Q1", window: "quarter" });
    const [q1] = series.values;
    // Covered from 1 Apr 2018 with no contacts that quarter: a true 0. Q4 2017-18 is not covered.
    expect(q1?.value).toBe(0);
    expect(q1?.comparisons.previous_period).toEqual({
      period: "FY2017-18-Q4",
      value: null,
      change: null,
      significant: null,
      test: null,
      p_value: null,
    });
    expect(q1?.comparisons.same_period_last_year?.value).toBeNull();
    expect(q1?.sources).toEqual(["contacts:2018-04-01"]);
    expect(series.sources.map((s) => s.id)).toEqual(["contacts:2018-04-01"]);
  });

  it("rejects an unknown indicator", () => {
    expect(() => indicatorSeries(evaluator, "ffd.nope", { window: "quarter" })).toThrow(CatalogueError);
  });
});
