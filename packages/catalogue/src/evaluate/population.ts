import type { PopulationRecord } from "../datasets/schemas.js";

/** The age band rates are per 10,000 of. */
export const CHILD_AGE_BAND = "0-17";

/**
 * The child population (age band `0-17`) for a financial year: the mid-year estimate of the year the
 * financial year starts in (`2019-20` uses mid-2019), or the latest earlier one.
 *
 * @param populations - the `populations` rows
 * @param fyStartYear - calendar year of the financial year's 1 April
 * @returns the estimate used and its year, or `null` when there is none that early
 * @example
 * ```ts
 * const rows = [{ year: 2017, age_band: "0-17", count: 118000 }, { year: 2018, age_band: "0-17", count: 119500 }];
 * populationForFinancialYear(rows, 2019); // { year: 2018, count: 119500 }
 * populationForFinancialYear(rows, 2016); // null
 * ```
 */
export function populationForFinancialYear(
  populations: readonly PopulationRecord[],
  fyStartYear: number,
): { year: number; count: number } | null {
  let best: PopulationRecord | null = null;
  for (const p of populations) {
    if (p.age_band !== CHILD_AGE_BAND || p.year > fyStartYear) continue;
    if (best === null || p.year > best.year) best = p;
  }
  return best === null ? null : { year: best.year, count: best.count };
}
