import type { DataQualityCheck } from "./finding.js";
import { longOpenPlans } from "./long-open-plans.js";

/** Threshold of {@link longCpPlans} (see decision 043). */
export const LONG_CP_PLAN_YEARS = 2;

/**
 * Child protection plans open at `asAt` for more than 2 years: very rare in practice, so usually an
 * end date missing from the extract.
 *
 * @param records - the records (uses `cp_plans`)
 * @param options - `asAt`
 * @returns one `warning` finding per plan
 * @example
 * ```ts
 * longCpPlans({ cp_plans: [{ ...plan, start_date: "2017-01-01", end_date: null }] }, { asAt: "2019-09-30" }).length; // 1
 * ```
 */
export const longCpPlans: DataQualityCheck = (records, options) =>
  longOpenPlans("cp_plans", records.cp_plans ?? [], options.asAt, LONG_CP_PLAN_YEARS);
