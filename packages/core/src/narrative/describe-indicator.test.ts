import { describe, expect, it } from "vitest";
import type { ChangeResult } from "../comparisons/compare-change.js";
import type { SeasonalResult } from "../seasonality/seasonality.js";
import type { StatusResult } from "../thresholds/status.js";
import type { Estimate } from "../values/units.js";
import { type DescribeIndicatorInput, describeIndicator } from "./describe-indicator.js";

const estimate = (
  value: number | null,
  lower: number | null = null,
  upper: number | null = null,
): Estimate => ({
  value,
  numerator: null,
  denominator: null,
  lower,
  upper,
  method: lower === null ? "none" : "wilson",
  confidence: 0.95,
  note: null,
});

const change = (assessment: ChangeResult["assessment"], delta: number | null): ChangeResult => ({
  change: delta,
  significant: assessment === "not_comparable" ? null : assessment !== "no_significant_change",
  assessment,
  reason: null,
  test: null,
  pValue: null,
});

const red60: StatusResult = {
  status: "red",
  reason: null,
  target: { value: 60 },
  tolerance: 3,
  basis: "point",
};

const seasonal: SeasonalResult = {
  indices: [1, 1.1, 1, 0.9],
  expected: 46.2,
  inLine: true,
  departure: 1.25856,
  yearsUsed: [2016, 2017, 2018],
  reason: null,
  sentence: "The rise from Q1 is in line with the usual seasonal pattern (expected 46.2%).",
};

const swa: DescribeIndicatorInput = {
  title: "Contacts resulting in the need for SWA",
  unit: "percent",
  decimals: 2,
  polarity: "high",
  periodLabel: "Q2 2019-20",
  current: estimate(47.45856, 45.1659, 49.762),
  previous: {
    label: "Q1 2019-20",
    estimate: estimate(45.1, 42.8, 47.4),
    change: change("no_significant_change", 2.35856),
  },
  samePeriodLastYear: {
    label: "Q2 2018-19",
    estimate: estimate(41, 38.8, 43.2),
    change: change("improving", 6.45856),
  },
  status: red60,
  benchmark: null,
  seasonal,
};

describe("describeIndicator", () => {
  it("drafts the report's SWA sentence with both comparisons, status and seasonality", () => {
    expect(describeIndicator(swa)).toBe(
      "Contacts resulting in the need for SWA is 47.46% in Q2 2019-20, up from 45.10% in Q1 2019-20 (not a significant change), and up from 41.00% in Q2 2018-19 (a significant improvement). " +
        "This is below the target of 60%, red. " +
        "The rise from Q1 is in line with the usual seasonal pattern (expected 46.2%).",
    );
  });

  it("states the figure alone when nothing else is known", () => {
    expect(
      describeIndicator({
        title: "Contacts",
        unit: "count",
        decimals: 0,
        polarity: "none",
        periodLabel: "Q2 2019-20",
        current: estimate(1810),
      }),
    ).toBe("Contacts is 1,810 in Q2 2019-20.");
  });

  it("reports a benchmark with its year, alone or after the status", () => {
    const eet: DescribeIndicatorInput = {
      title: "Care leavers aged 18-21 in education, employment or training",
      unit: "percent",
      decimals: 1,
      polarity: "high",
      periodLabel: "30 Sep 2019",
      current: estimate(59, 52.08, 65.58),
      benchmark: { name: "statistical neighbours", label: "2017-18", value: 53.7, result: "similar" },
    };
    expect(describeIndicator(eet)).toBe(
      "Care leavers aged 18-21 in education, employment or training is 59.0% at 30 Sep 2019. " +
        "The figure for statistical neighbours was 53.7% in 2017-18 (similar).",
    );
    const withStatus = describeIndicator({
      ...eet,
      status: { status: "amber", reason: null, target: { value: 60 }, tolerance: 3, basis: "point" },
      benchmark: { name: "England", label: "2018-19", value: 50.5, result: "better" },
    });
    expect(withStatus).toBe(
      "Care leavers aged 18-21 in education, employment or training is 59.0% at 30 Sep 2019. " +
        "This is below the target of 60%, amber; the figure for England was 50.5% in 2018-19 (significantly better).",
    );
  });

  it("words falls, missing baselines and untested changes for counts", () => {
    const text = describeIndicator({
      title: "New entries to care (year to date)",
      unit: "count",
      decimals: 0,
      polarity: "none",
      periodLabel: "Q2 2019-20",
      current: estimate(111, 91.2, 133.8),
      previous: { label: "Q1 2019-20", estimate: estimate(null), change: change("not_comparable", null) },
      samePeriodLastYear: {
        label: "Q2 2018-19",
        estimate: estimate(130, 108.6, 154.4),
        change: change("no_significant_change", -19),
      },
    });
    expect(text).toBe(
      "New entries to care (year to date) is 111 in Q2 2019-20, with no figure for Q1 2019-20, and down from 130 in Q2 2018-19 (not a significant change).",
    );
    const money = describeIndicator({
      title: "Average weekly cost of a placement",
      unit: "gbp",
      decimals: 0,
      polarity: "low",
      periodLabel: "Q2 2019-20",
      current: estimate(812.4),
      previous: { label: "Q1 2019-20", estimate: estimate(812.2), change: change("not_comparable", 0.2) },
    });
    expect(money).toBe(
      "Average weekly cost of a placement is £812 in Q2 2019-20, the same as £812 in Q1 2019-20 (not tested for significance).",
    );
  });

  it("describes a range target, an interval-based status and a rate", () => {
    const text = describeIndicator({
      title: "Children in need",
      unit: "rate_per_10k",
      decimals: 1,
      polarity: "high",
      periodLabel: "Q2 2019-20",
      current: estimate(43.96, 42.1, 45.9),
      samePeriodLastYear: {
        label: "Q2 2018-19",
        estimate: estimate(41.8, 40.0, 43.6),
        change: change("improving", 2.16),
      },
      status: {
        status: "amber",
        reason: null,
        target: { range: [45, 60] },
        tolerance: 2.625,
        basis: "interval",
      },
      benchmark: { name: "England", label: "2018-19", value: 334.2, result: "lower" },
    });
    expect(text).toBe(
      "Children in need is 44.0 per 10,000 in Q2 2019-20, up from 41.8 per 10,000 in Q2 2018-19 (a significant improvement). " +
        "This is below the target range of 45 per 10,000 to 60 per 10,000, amber (judged on its confidence interval); " +
        "the figure for England was 334.2 per 10,000 in 2018-19 (significantly lower).",
    );
  });

  it("leaves out a status that could not be given and a seasonal reading that could not be tested", () => {
    const text = describeIndicator({
      ...swa,
      previous: null,
      samePeriodLastYear: null,
      status: {
        status: null,
        reason: "No status: no target is set.",
        target: null,
        tolerance: null,
        basis: null,
      },
      seasonal: {
        ...seasonal,
        inLine: null,
        expected: null,
        sentence: "No seasonal comparison: there is no value for Q1.",
      },
    });
    expect(text).toBe("Contacts resulting in the need for SWA is 47.46% in Q2 2019-20.");
  });

  it("says why there is no figure", () => {
    expect(
      describeIndicator({
        ...swa,
        current: { ...estimate(null), note: "no contacts were recorded" },
      }),
    ).toBe(
      "There is no figure for Contacts resulting in the need for SWA in Q2 2019-20 (no contacts were recorded).",
    );
  });
});
