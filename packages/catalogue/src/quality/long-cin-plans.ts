import type { DataQualityCheck } from "./finding.js";
import { longOpenPlans } from "./long-open-plans.js";

/** Threshold of {@link longCinPlans} (see decision 043). */
export const LONG_CIN_PLAN_YEARS = 3;

/**
 * Child in need plans open at `asAt` for more than 3 years: usually an end date missing from the extract.
 *
 * @param records - the records (uses `cin_plans`)
 * @param options - `asAt`
 * @returns one `warning` finding per plan
 * @example
 * ```ts
 * longCinPlans({ cin_plans: [{ ...plan, start_date: "2016-01-01", end_date: null }] }, { asAt: "2019-09-30" }).length; // 1
 * ```
 */
export const longCinPlans: DataQualityCheck = (records, options) =>
  longOpenPlans("cin_plans", records.cin_plans ?? [], options.asAt, LONG_CIN_PLAN_YEARS);
