import {
  displayDecimals,
  type Estimate,
  type IndicatorDefinition,
  parsePeriodOrThrow,
  quarterId,
  type SeasonalKind,
  type SeasonalResult,
  seasonalExpectation,
} from "@kpi/core";
import type { Evaluator } from "../evaluate/evaluator.js";

/** How many financial years before the quarter's are searched for the 3 complete ones used. */
const YEARS_SEARCHED = 5;

function notApplicable(reason: string): SeasonalResult {
  return {
    indices: null,
    expected: null,
    inLine: null,
    departure: null,
    yearsUsed: [],
    reason,
    sentence: `No seasonal comparison: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
  };
}

/**
 * How an indicator's seasonal pattern pools its figures: `proportion` (percentages), `rate`, `count`,
 * or `null` for a value without an interval (FTE shares, ratios, money), which has no pattern.
 *
 * @param definition - the indicator
 * @param current - an estimate of it (its method says whether it has an interval)
 * @returns the kind, or `null`
 * @example
 * ```ts
 * seasonalKind(definition, estimate); // "proportion"
 * ```
 */
export function seasonalKind(definition: IndicatorDefinition, current: Estimate): SeasonalKind | null {
  if (current.method === "none") return null;
  if (definition.unit === "percent") return "proportion";
  if (definition.unit === "rate_per_10k") return "rate";
  if (definition.unit === "count") return "count";
  return null;
}

/**
 * The seasonal statement for an indicator's quarter (methods.md "Seasonality"): from the 3 most recent
 * complete financial years before the quarter's (searching back up to 5), the quarter's expected value
 * from last quarter and the seasonal indices, and whether this quarter's 95% interval holds it.
 * Values without an interval (FTE shares, ratios, money) get no seasonal statement, with the reason.
 *
 * @param evaluator - the organisation's evaluator
 * @param definition - the indicator
 * @param quarter - a quarter id
 * @returns the seasonal result with its sentence
 * @throws CoreError `invalid_period` when `quarter` is not a quarter id (programmer error)
 * @example
 * ```ts
 * seasonalStatement(evaluator, definition, "FY2019-20-Q2").sentence;
 * // "The rise from Q1 is in line with the usual seasonal pattern (expected 46.2%)."
 * ```
 */
export function seasonalStatement(
  evaluator: Evaluator,
  definition: IndicatorDefinition,
  quarter: string,
): SeasonalResult {
  const p = parsePeriodOrThrow(quarter);
  if (p.kind !== "quarter" || p.quarter === null) return notApplicable("A seasonal pattern is quarterly.");
  const estimateAt = (fy: number, q: number) =>
    evaluator.evaluate(definition.id, quarterId(fy, q), "quarter").estimate;
  const current = estimateAt(p.fyStartYear, p.quarter);
  const kind = seasonalKind(definition, current);
  if (kind === null)
    return notApplicable(
      current.value === null
        ? "There is no value for this quarter."
        : "The value has no confidence interval, so no seasonal departure can be judged.",
    );
  const history = [];
  for (let back = YEARS_SEARCHED; back >= 1; back--) {
    const fy = p.fyStartYear - back;
    history.push({
      fyStartYear: fy,
      quarters: [estimateAt(fy, 1), estimateAt(fy, 2), estimateAt(fy, 3), estimateAt(fy, 4)] as const,
    });
  }
  const previous =
    p.quarter === 1 ? estimateAt(p.fyStartYear - 1, 4) : estimateAt(p.fyStartYear, p.quarter - 1);
  return seasonalExpectation({
    history,
    kind,
    quarter: p.quarter,
    previousQuarterValue: previous.value,
    current,
    unit: definition.unit,
    decimals: displayDecimals(definition),
  });
}
