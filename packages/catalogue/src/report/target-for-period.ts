import { financialYearId, type IndicatorDefinition, parsePeriodOrThrow, type Target } from "@kpi/core";
import type { TargetHistory } from "./schemas.js";

/** The target that applies to one period, and where it came from. */
export interface TargetForPeriod {
  /** The target, or `null` when none applies. */
  target: Target | null;
  /** The financial year of the period, e.g. `FY2019-20`. */
  financialYear: string;
  /** `financial_year`: set for that year; `default`: the definition's default; `none`: no target. */
  source: "financial_year" | "default" | "none";
}

/**
 * The target for an indicator in the financial year of a period: the one set for that year when there
 * is one, otherwise the definition's default target. A year whose target was withdrawn (`null`) has none.
 *
 * @param definition - the indicator (only `target` is read)
 * @param periodId - any valid period id (quarter, month or financial year)
 * @param history - targets per financial year id
 * @returns the target with its financial year and source
 * @throws CoreError `invalid_period` for an invalid period id (programmer error)
 * @example
 * ```ts
 * targetForPeriod({ target: { value: 60 } }, "FY2019-20-Q2", { "FY2019-20": { value: 65 } });
 * // { target: { value: 65 }, financialYear: "FY2019-20", source: "financial_year" }
 * ```
 */
export function targetForPeriod(
  definition: Pick<IndicatorDefinition, "target">,
  periodId: string,
  history: TargetHistory | undefined,
): TargetForPeriod {
  const financialYear = financialYearId(parsePeriodOrThrow(periodId).fyStartYear);
  if (history !== undefined && Object.hasOwn(history, financialYear)) {
    const set = history[financialYear] ?? null;
    return { target: set, financialYear, source: set === null ? "none" : "financial_year" };
  }
  if (definition.target !== undefined) return { target: definition.target, financialYear, source: "default" };
  return { target: null, financialYear, source: "none" };
}
