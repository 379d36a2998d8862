import type { ObservationRecord } from "@kpi/catalogue";
import type { DemoCalendar } from "./calendar.js";
import { EARLY_HELP_ASSESSMENTS, quarterValue } from "./story.js";

/**
 * Generate `observations` for the demo's one local indicator without a record formula,
 * `local.early_help_assessments`: early help assessments completed per quarter.
 *
 * @param calendar - the demo calendar
 * @param scale - volume multiplier
 * @returns one row per quarter
 * @example
 * ```ts
 * generateObservations(new DemoCalendar("FY2016-17", "FY2019-20-Q2"), 1).length; // 14
 * ```
 */
export function generateObservations(calendar: DemoCalendar, scale: number): ObservationRecord[] {
  return calendar.quarters.map((q) => ({
    indicator_id: "local.early_help_assessments",
    period: q.id,
    numerator: null,
    denominator: null,
    value: Math.round(quarterValue(EARLY_HELP_ASSESSMENTS, q.fyStart, q.quarter) * scale),
    breakdown: null,
  }));
}
