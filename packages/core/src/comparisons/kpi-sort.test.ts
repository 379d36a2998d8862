import { describe, expect, it } from "vitest";
import type { Estimate } from "../values/units.js";
import { classifyKpi, type KpiSortInput } from "./kpi-sort.js";

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

const base: KpiSortInput = {
  current: estimate(47.45856, 45.1659, 49.762),
  samePeriodLastYear: estimate(41.0, 38.8, 43.2),
  previousPeriod: estimate(45.1, 42.8, 47.4),
  polarity: "high",
  currentLabel: "Q2 2019-20",
  samePeriodLastYearLabel: "Q2 2018-19",
  previousPeriodLabel: "Q1 2019-20",
  title: "Contacts resulting in the need for SWA",
  unit: "percent",
  decimals: 2,
};

describe("classifyKpi", () => {
  it("sorts a significant rise against the same quarter last year into the positive KPIs", () => {
    expect(classifyKpi(base)).toEqual({
      group: "positive",
      basis: "same_period_last_year",
      sentence:
        "Contacts resulting in the need for SWA improved significantly: 47.46% in Q2 2019-20 against 41.00% in Q2 2018-19 (+6.46 percentage points).",
    });
  });

  it("sorts a significant move in the bad direction into the negative KPIs", () => {
    const result = classifyKpi({ ...base, polarity: "low", title: "Re-referrals" });
    expect(result.group).toBe("negative");
    expect(result.sentence).toBe(
      "Re-referrals worsened significantly: 47.46% in Q2 2019-20 against 41.00% in Q2 2018-19 (+6.46 percentage points).",
    );
  });

  it("uses the previous period when there is no same period last year, and says so", () => {
    const result = classifyKpi({ ...base, samePeriodLastYear: null, samePeriodLastYearLabel: null });
    expect(result).toEqual({
      group: "no_significant_change",
      basis: "previous_period",
      sentence:
        "Contacts resulting in the need for SWA shows no significant change: 47.46% in Q2 2019-20 against 45.10% in Q1 2019-20 (+2.36 percentage points). It is compared with the previous period because there is no figure for the same period last year.",
    });
    const noValue = classifyKpi({ ...base, samePeriodLastYear: estimate(null) });
    expect(noValue.basis).toBe("previous_period");
  });

  it("prints counts and rates with their own units", () => {
    const result = classifyKpi({
      ...base,
      title: "Children missing from home",
      polarity: "low",
      unit: "count",
      decimals: 0,
      // The report's 139 → 85, with Byar's 95% limits worked by hand.
      current: estimate(85, 67.89, 105.11),
      samePeriodLastYear: estimate(139, 116.85, 164.12),
    });
    expect(result.group).toBe("positive");
    expect(result.sentence).toBe(
      "Children missing from home improved significantly: 85 in Q2 2019-20 against 139 in Q2 2018-19 (−54).",
    );
    // Missing from care, 58 → 35: the intervals overlap (24.38–48.68 and 44.04–74.98).
    const care = classifyKpi({
      ...base,
      title: "Children missing from care",
      polarity: "low",
      unit: "count",
      decimals: 0,
      current: estimate(35, 24.38, 48.68),
      samePeriodLastYear: estimate(58, 44.04, 74.98),
    });
    expect(care.group).toBe("no_significant_change");
    expect(care.sentence).toBe(
      "Children missing from care shows no significant change: 35 in Q2 2019-20 against 58 in Q2 2018-19 (−23).",
    );
  });

  it("does not sort indicators without a direction or without intervals", () => {
    expect(classifyKpi({ ...base, polarity: "none", title: "Contacts" })).toEqual({
      group: "not_sorted",
      basis: null,
      sentence: "Contacts is not sorted into positive or negative KPIs: it has no good direction.",
    });
    expect(classifyKpi({ ...base, title: "Average weekly cost", current: estimate(820) }).sentence).toBe(
      "Average weekly cost is not sorted into positive or negative KPIs: its value has no confidence interval, so no change can be called significant.",
    );
    expect(classifyKpi({ ...base, title: "X", current: estimate(null) }).sentence).toBe(
      "X is not sorted into positive or negative KPIs: there is no figure for Q2 2019-20.",
    );
  });

  it("does not sort when there is nothing to compare with or the baseline cannot be tested", () => {
    const nothing = classifyKpi({ ...base, title: "X", samePeriodLastYear: null, previousPeriod: null });
    expect(nothing).toEqual({
      group: "not_sorted",
      basis: null,
      sentence:
        "X is not sorted into positive or negative KPIs: there is no figure for the same period last year or the previous period.",
    });
    const untestable = classifyKpi({ ...base, title: "X", samePeriodLastYear: estimate(41) });
    expect(untestable).toEqual({
      group: "not_sorted",
      basis: "same_period_last_year",
      sentence:
        "X is not sorted into positive or negative KPIs: the change from Q2 2018-19 cannot be tested for significance.",
    });
  });
});
