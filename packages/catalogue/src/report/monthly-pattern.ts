import { type IndicatorDefinition, type MonthlyIndices, monthlyIndices, parsePeriodOrThrow } from "@kpi/core";
import type { Evaluator } from "../evaluate/evaluator.js";
import { seasonalKind } from "./seasonal-statement.js";

/** How many financial years before the quarter's are searched for the 3 complete ones used. */
const YEARS_SEARCHED = 5;

const monthId = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;

/**
 * An indicator's seasonal pattern by month before a quarter: `monthlyIndices` over the month figures
 * of the 5 financial years before the quarter's (the 3 most recent complete ones are used). Values
 * without an interval (FTE shares, ratios, money) have no pattern, with the reason.
 *
 * @param evaluator - the organisation's evaluator
 * @param definition - the indicator
 * @param quarter - a quarter id
 * @returns the 12 indices (April first), or why there are none
 * @throws CoreError `invalid_period` for a malformed period id (programmer error)
 * @example
 * ```ts
 * monthlyPattern(evaluator, definition, "FY2019-20-Q2").indices?.[3]; // July, e.g. 0.93
 * ```
 */
export function monthlyPattern(
  evaluator: Evaluator,
  definition: IndicatorDefinition,
  quarter: string,
): MonthlyIndices {
  const p = parsePeriodOrThrow(quarter);
  const probe = evaluator.evaluate(definition.id, quarter, "quarter").estimate;
  const kind = seasonalKind(definition, probe);
  if (kind === null)
    return {
      indices: null,
      yearsUsed: [],
      reason: "The value has no interval, so it has no seasonal pattern.",
    };
  const history = [];
  for (let back = YEARS_SEARCHED; back >= 1; back--) {
    const fy = p.fyStartYear - back;
    const months = [];
    for (let m = 0; m < 12; m++) {
      const month = ((m + 3) % 12) + 1;
      const year = m < 9 ? fy : fy + 1;
      months.push(evaluator.evaluate(definition.id, monthId(year, month), "month").estimate);
    }
    history.push({ fyStartYear: fy, months });
  }
  return monthlyIndices(history, kind);
}
