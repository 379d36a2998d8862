import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import type { Estimate } from "../values/units.js";
import { type SeasonalYear, seasonalExpectation } from "./seasonality.js";

const count = (value: number | null, lower: number | null = null, upper: number | null = null): Estimate => ({
  value,
  numerator: value,
  denominator: null,
  lower,
  upper,
  method: lower === null ? "none" : "byar",
  confidence: 0.95,
  note: null,
});

const share = (n: number, d: number, lower: number | null = null, upper: number | null = null): Estimate => ({
  value: (100 * n) / d,
  numerator: n,
  denominator: d,
  lower,
  upper,
  method: lower === null ? "none" : "wilson",
  confidence: 0.95,
  note: null,
});

const counts = (fyStartYear: number, q: [number | null, number | null, number | null, number | null]) =>
  ({
    fyStartYear,
    quarters: q.map((v) => (v === null ? null : count(v))) as unknown as SeasonalYear["quarters"],
  }) satisfies SeasonalYear;

// Counts by hand. 2016-17: 100 120 80 100 (mean 100: ratios 1, 1.2, 0.8, 1);
// 2017-18: 110 132 88 110 (mean 110: same ratios); 2018-19: 90 120 60 90 (mean 90: 1, 4/3, 2/3, 1).
// Indices: Q1 1, Q2 (1.2 + 1.2 + 4/3)/3 = 1.244444…, Q3 (0.8 + 0.8 + 2/3)/3 = 0.755555…, Q4 1.
const countHistory = [
  counts(2015, [50, 50, 50, 50]),
  counts(2018, [90, 120, 60, 90]),
  counts(2016, [100, 120, 80, 100]),
  counts(2017, [110, 132, 88, 110]),
];

describe("seasonalExpectation for counts", () => {
  it("uses the three most recent complete years and finds a rise in line with the pattern", () => {
    // Q1 2019-20 was 100; expected Q2 = 100 × 1.244444 / 1 = 124.44; 120 has Byar limits 99.49–143.49.
    const result = seasonalExpectation({
      history: countHistory,
      kind: "count",
      quarter: 2,
      previousQuarterValue: 100,
      current: count(120, 99.49, 143.49),
    });
    expect(result.yearsUsed).toEqual([2016, 2017, 2018]);
    expect(result.indices![0]).toBeCloseTo(1, 12);
    expect(result.indices![1]).toBeCloseTo(1.244444444444, 10);
    expect(result.indices![2]).toBeCloseTo(0.755555555556, 10);
    expect(result.indices![3]).toBeCloseTo(1, 12);
    expect(result.expected).toBeCloseTo(124.444444444, 8);
    expect(result.inLine).toBe(true);
    expect(result.departure).toBeCloseTo(-4.444444444, 8);
    expect(result.reason).toBeNull();
    expect(result.sentence).toBe(
      "The rise from Q1 is in line with the usual seasonal pattern (expected 124).",
    );
  });

  it("says by how much a change departs from the pattern", () => {
    // Expected Q3 = 150 × 0.755556 / 1.244444 = 91.07; 60 has Byar limits 45.78–77.23.
    const result = seasonalExpectation({
      history: countHistory,
      kind: "count",
      quarter: 3,
      previousQuarterValue: 150,
      current: count(60, 45.78, 77.23),
    });
    expect(result.expected).toBeCloseTo(91.071428571, 8);
    expect(result.inLine).toBe(false);
    expect(result.departure).toBeCloseTo(-31.071428571, 8);
    expect(result.sentence).toBe(
      "The fall from Q2 departs from the usual seasonal pattern (expected 91; 31 lower than expected).",
    );
  });

  it("skips incomplete years rather than using fewer quarters", () => {
    const history = [...countHistory.filter((y) => y.fyStartYear !== 2015), counts(2019, [95, null, 70, 80])];
    history[0] = counts(2018, [90, 120, null, 90]);
    const result = seasonalExpectation({
      history,
      kind: "count",
      quarter: 2,
      previousQuarterValue: 100,
      current: count(120, 99.49, 143.49),
    });
    expect(result.yearsUsed).toEqual([2016, 2017]);
    expect(result.indices).toBeNull();
    expect(result.inLine).toBeNull();
    expect(result.sentence).toBe(
      "No seasonal comparison: 2 complete financial years of quarterly figures before this period, and 3 are needed.",
    );
    expect(result.reason).toBe(result.sentence);
  });

  it("cannot test a change without a previous quarter or an interval", () => {
    const noPrevious = seasonalExpectation({
      history: countHistory,
      kind: "count",
      quarter: 1,
      previousQuarterValue: null,
      current: count(120, 99.49, 143.49),
    });
    expect(noPrevious.expected).toBeNull();
    expect(noPrevious.indices).not.toBeNull();
    expect(noPrevious.reason).toBe("No seasonal comparison: there is no value for Q4.");

    const noInterval = seasonalExpectation({
      history: countHistory,
      kind: "count",
      quarter: 2,
      previousQuarterValue: 100,
      current: count(120),
    });
    expect(noInterval.inLine).toBeNull();
    expect(noInterval.expected).toBeCloseTo(124.444444444, 8);
    expect(noInterval.sentence).toBe(
      "The rise from Q1 cannot be tested against the usual seasonal pattern (expected 124).",
    );
  });

  it("rejects a financial year given twice", () => {
    expect(() =>
      seasonalExpectation({
        history: [...countHistory, counts(2018, [1, 1, 1, 1])],
        kind: "count",
        quarter: 2,
        previousQuarterValue: 100,
        current: count(120),
      }),
    ).toThrow(CoreError);
  });
});

describe("seasonalExpectation for proportions and rates", () => {
  it("pools numerators and denominators for the annual value, never averaging percentages", () => {
    // 2016-17: 20/50 60/100 30/100 90/250 → pooled 200/500 = 0.4 → ratios 1, 1.5, 0.75, 0.9
    //   (a mean of the four percentages, 41.5%, would give 0.964 for Q1 instead).
    // 2017-18: 30/100 45/100 30/120 45/80 → pooled 150/400 = 0.375 → ratios 0.8, 1.2, 0.6667, 1.5.
    // 2018-19: 40/100 50/100 30/100 40/100 → pooled 0.4 → ratios 1, 1.25, 0.75, 1.
    // Indices: Q1 2.8/3 = 0.93333, Q4 3.4/3 = 1.13333. Expected Q1 = 45 × 0.93333 / 1.13333 = 37.06%.
    const history: SeasonalYear[] = [
      { fyStartYear: 2016, quarters: [share(20, 50), share(60, 100), share(30, 100), share(90, 250)] },
      { fyStartYear: 2017, quarters: [share(30, 100), share(45, 100), share(30, 120), share(45, 80)] },
      { fyStartYear: 2018, quarters: [share(40, 100), share(50, 100), share(30, 100), share(40, 100)] },
    ];
    // 190 of 500 = 38.0%, Wilson 95% limits 33.85%–42.33%.
    const result = seasonalExpectation({
      history,
      kind: "proportion",
      quarter: 1,
      previousQuarterValue: 45,
      current: share(190, 500, 33.85, 42.33),
    });
    expect(result.indices![0]).toBeCloseTo(0.933333333, 8);
    expect(result.indices![1]).toBeCloseTo(1.316666667, 8);
    expect(result.indices![2]).toBeCloseTo(0.722222222, 8);
    expect(result.indices![3]).toBeCloseTo(1.133333333, 8);
    expect(result.expected).toBeCloseTo(37.058823529, 8);
    expect(result.inLine).toBe(true);
    expect(result.sentence).toBe(
      "The fall from Q4 is in line with the usual seasonal pattern (expected 37.1%).",
    );
  });

  it("words the report's SWA example", () => {
    // Every year 40/100 44/100 40/100 36/100: pooled 0.4, so Q2/Q1 = 1.1 and 42% × 1.1 = 46.2%,
    // inside Q2 2019-20's 45.17%–49.76%.
    const year = (fyStartYear: number): SeasonalYear => ({
      fyStartYear,
      quarters: [share(40, 100), share(44, 100), share(40, 100), share(36, 100)],
    });
    const result = seasonalExpectation({
      history: [year(2016), year(2017), year(2018)],
      kind: "proportion",
      quarter: 2,
      previousQuarterValue: 42,
      current: share(859, 1810, 45.1659, 49.762),
    });
    expect(result.expected).toBeCloseTo(46.2, 10);
    expect(result.sentence).toBe(
      "The rise from Q1 is in line with the usual seasonal pattern (expected 46.2%).",
    );
  });

  it("pools rates over the population and reports departures in the rate's unit", () => {
    // Population 100,000 each quarter; counts 50 60 40 50 → rates 5 6 4 5 per 10,000, pooled 5:
    // indices 1, 1.2, 0.8, 1. Expected Q4 = 4.4 × 1 / 0.8 = 5.5 per 10,000.
    const rate = (n: number, lower: number | null = null, upper: number | null = null): Estimate => ({
      value: n / 10,
      numerator: n,
      denominator: 100_000,
      lower,
      upper,
      method: lower === null ? "none" : "byar",
      confidence: 0.95,
      note: null,
    });
    const year = (fyStartYear: number): SeasonalYear => ({
      fyStartYear,
      quarters: [rate(50), rate(60), rate(40), rate(50)],
    });
    const result = seasonalExpectation({
      history: [year(2016), year(2017), year(2018)],
      kind: "rate",
      quarter: 4,
      previousQuarterValue: 4.4,
      current: rate(80, 6.3, 9.9),
    });
    expect(result.indices).toEqual([1, 1.2, 0.8, 1].map((x) => expect.closeTo(x, 12)));
    expect(result.expected).toBeCloseTo(5.5, 12);
    expect(result.inLine).toBe(false);
    expect(result.sentence).toBe(
      "The rise from Q3 departs from the usual seasonal pattern (expected 5.5 per 10,000; 2.5 per 10,000 higher than expected).",
    );
  });

  it("needs numerators and denominators to pool a proportion", () => {
    const bare: Estimate = { ...share(40, 100), numerator: null, denominator: null };
    const year = (fyStartYear: number): SeasonalYear => ({ fyStartYear, quarters: [bare, bare, bare, bare] });
    const result = seasonalExpectation({
      history: [year(2016), year(2017), year(2018)],
      kind: "proportion",
      quarter: 2,
      previousQuarterValue: 40,
      current: share(40, 100, 30, 50),
    });
    expect(result.yearsUsed).toEqual([]);
    expect(result.sentence).toBe(
      "No seasonal comparison: 0 complete financial years of quarterly figures before this period, and 3 are needed.",
    );
  });
});
