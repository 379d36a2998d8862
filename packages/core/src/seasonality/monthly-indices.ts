import { CoreError } from "../errors/core-error.js";
import type { Estimate } from "../values/units.js";
import { periodRatios, type SeasonalKind } from "./period-ratios.js";
import { SEASONAL_YEARS } from "./seasonality.js";

/** One financial year of monthly values, April first. */
export interface MonthlyYear {
  /** The calendar year the financial year starts in: 2018 for 2018-19. */
  fyStartYear: number;
  /** April … March estimates (12); `null` where a month has no figure. */
  months: readonly (Estimate | null)[];
}

/** The result of {@link monthlyIndices}. */
export interface MonthlyIndices {
  /** April … March: the mean over the years used of (month ÷ the year's annual value); `null` without enough years. */
  indices: number[] | null;
  /** The financial years used (start years, ascending). */
  yearsUsed: number[];
  /** Why there are no indices; otherwise `null`. */
  reason: string | null;
}

/**
 * The seasonal pattern by month: from the 3 most recent usable financial years (every month with a
 * figure; for proportions and rates a numerator and a positive denominator; an annual value above 0),
 * each month's index is the mean over those years of month ÷ annual value, the annual value being the
 * mean of the months for a count and the pooled value for a proportion or rate — the same rule as the
 * quarterly seasonal indices, month by month. The drafted analysis names from it the months of a
 * quarter when a theme usually dips.
 *
 * @param history - financial years of monthly figures (any order)
 * @param kind - `count`, `proportion` or `rate`
 * @returns the 12 indices (April first) and the years used, or why there are none
 * @throws CoreError `invalid_argument` for a year without 12 months or repeated (programmer error)
 * @example
 * ```ts
 * const e = (n: number) => ({ value: n, numerator: n, denominator: 100, lower: null, upper: null,
 *   method: "wilson", confidence: 0.95, note: null }) as const;
 * const months = [90, 90, 90, 80, 80, 90, 90, 90, 90, 90, 90, 90].map(e);
 * const r = monthlyIndices([2016, 2017, 2018].map((fyStartYear) => ({ fyStartYear, months })), "proportion");
 * r.indices?.[3]; // 0.905660 (July: 80% against 88.3% for the year)
 * ```
 */
export function monthlyIndices(history: readonly MonthlyYear[], kind: SeasonalKind): MonthlyIndices {
  const seen = new Set<number>();
  for (const year of history) {
    if (year.months.length !== 12)
      throw new CoreError("invalid_argument", `financial year ${year.fyStartYear} needs 12 months`);
    if (seen.has(year.fyStartYear))
      throw new CoreError("invalid_argument", `financial year ${year.fyStartYear} appears twice`);
    seen.add(year.fyStartYear);
  }
  const usable = [...history]
    .sort((a, b) => b.fyStartYear - a.fyStartYear)
    .map((y) => ({ year: y.fyStartYear, ratios: periodRatios(y.months, kind) }))
    .filter((y): y is { year: number; ratios: number[] } => y.ratios !== null)
    .slice(0, SEASONAL_YEARS);
  const yearsUsed = usable.map((y) => y.year).sort((a, b) => a - b);
  if (usable.length < SEASONAL_YEARS) {
    return {
      indices: null,
      yearsUsed,
      reason: `${usable.length} complete financial years of monthly figures, and ${SEASONAL_YEARS} are needed.`,
    };
  }
  const indices = Array.from(
    { length: 12 },
    (_, m) => usable.reduce((sum, y) => sum + (y.ratios[m] as number), 0) / usable.length,
  );
  return { indices, yearsUsed, reason: null };
}
