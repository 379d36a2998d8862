import { shiftPeriod, type TrendResult, trendTest, type Window } from "@kpi/core";
import type { Evaluator } from "../evaluate/evaluator.js";

/** How many periods the trend test looks at. */
export const TREND_POINTS = 5;

/** Steps between consecutive points of a window's trend, in units of its period ids. */
const STEP: Readonly<Record<Window, number>> = {
  quarter: 1,
  month: 1,
  year: 1,
  // The same year-to-date span in consecutive years, and non-overlapping 12-month windows.
  ytd: 4,
  rolling12: 4,
};

/**
 * The trend of an indicator over the 5 most recent consecutive periods of a window ending at a period
 * (methods.md "Trend"): consecutive quarters, months or years; for `ytd` the same year-to-date span in
 * 5 consecutive years; for `rolling12` the 12 months to the same quarter end in 5 consecutive years.
 * Proportions with Wilson intervals use the chi-squared test for trend; other values the weighted
 * slope, which needs intervals (values without one cannot be tested, and the result says so).
 *
 * @param evaluator - the organisation's evaluator
 * @param id - the indicator
 * @param period - the last period, of the window's kind
 * @param window - the window
 * @returns the trend result with its sentence
 * @throws CatalogueError from the evaluator for an unknown indicator or a period of the wrong kind
 * @example
 * ```ts
 * indicatorTrend(evaluator, "ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter").direction; // "increasing"
 * ```
 */
export function indicatorTrend(
  evaluator: Evaluator,
  id: string,
  period: string,
  window: Window,
): TrendResult {
  const points = [];
  for (let i = TREND_POINTS - 1; i >= 0; i--) {
    const p = shiftPeriod(period, -i * STEP[window]);
    const e = evaluator.evaluate(id, p, window).estimate;
    points.push({
      period: p,
      value: e.value,
      numerator: e.numerator,
      denominator: e.denominator,
      lower: e.lower,
      upper: e.upper,
      method: e.method,
    });
  }
  const proportion = points.every((p) => p.method === "wilson");
  return trendTest(
    points.map(({ method: _method, ...point }) => point),
    { kind: proportion ? "proportion" : "other" },
  );
}
