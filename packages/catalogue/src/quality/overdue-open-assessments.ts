import { workingDaysBetween } from "@kpi/core";
import { recordKey } from "../datasets/record-key.js";
import type { DataQualityCheck, DataQualityFinding } from "./finding.js";
import { isOpenAt } from "./open-at.js";

/** Statutory timescale of a social work assessment, in working days (see decision 043). */
export const ASSESSMENT_TIMESCALE_WORKING_DAYS = 45;

/**
 * Social work assessments still open (not authorised) at `asAt` more than 45 working days after they
 * started: either an authorisation missing from the extract or an assessment out of timescale.
 *
 * @param records - the records (uses `assessments`)
 * @param options - `asAt` and the working-day calendar
 * @returns one `warning` finding per assessment
 * @example
 * ```ts
 * overdueOpenAssessments({ assessments: [{ ...a, start_date: "2019-07-01", authorised_date: null }] },
 *   { asAt: "2019-09-04" }).length; // 1 (46 working days)
 * ```
 */
export const overdueOpenAssessments: DataQualityCheck = (records, options) => {
  const { asAt } = options;
  const findings: DataQualityFinding[] = [];
  for (const a of records.assessments ?? []) {
    if (!isOpenAt(a.start_date, a.authorised_date, asAt)) continue;
    const days = workingDaysBetween(a.start_date, asAt, options.workingDays);
    if (days <= ASSESSMENT_TIMESCALE_WORKING_DAYS) continue;
    findings.push({
      check: "overdue_open_assessment",
      severity: "warning",
      dataset: "assessments",
      keys: [recordKey("assessments", a)],
      message:
        `An assessment started ${a.start_date} is still open at ${asAt}, ${days} working days later ` +
        `(timescale ${ASSESSMENT_TIMESCALE_WORKING_DAYS}). If it was authorised, record the authorised date in the ` +
        "source system; otherwise it is out of timescale.",
    });
  }
  return findings;
};
