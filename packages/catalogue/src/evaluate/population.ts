import type { PopulationRecord } from "../datasets/schemas.js";

/** The age band rates are per 10,000 of. */
export const CHILD_AGE_BAND = "0-17";

/** How many years older than its own an estimate may stand in for a financial year's (decision 131). */
export const POPULATION_LAG_YEARS = 1;

/**
 * The child population (age band `0-17`) for a financial year: the mid-year estimate of the year the
 * financial year starts in (`2019-20` uses mid-2019), or the year before's while that is not yet
 * published (ONS estimates come out about a year after their mid-year); an older one does not stand
 * in, so a rate for a year whose estimates are missing has no value.
 *
 * @param populations - the `populations` rows
 * @param fyStartYear - calendar year of the financial year's 1 April
 * @returns the estimate used and its year, or `null` when there is none that early
 * @example
 * ```ts
 * const rows = [{ year: 2017, age_band: "0-17", count: 118000 }, { year: 2018, age_band: "0-17", count: 119500 }];
 * populationForFinancialYear(rows, 2019); // { year: 2018, count: 119500 }
 * populationForFinancialYear(rows, 2016); // null
 * populationForFinancialYear(rows, 2020); // null
 * ```
 */
export function populationForFinancialYear(
  populations: readonly PopulationRecord[],
  fyStartYear: number,
): { year: number; count: number } | null {
  let best: PopulationRecord | null = null;
  for (const p of populations) {
    if (p.age_band !== CHILD_AGE_BAND || p.year > fyStartYear || p.year < fyStartYear - POPULATION_LAG_YEARS)
      continue;
    if (best === null || p.year > best.year) best = p;
  }
  return best === null ? null : { year: best.year, count: best.count };
}
