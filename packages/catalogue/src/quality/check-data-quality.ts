import type { DatasetRecords } from "../datasets/schemas.js";
import { childNotInChildren } from "./child-not-in-children.js";
import type { DataQualityCheck, DataQualityFinding, DataQualityOptions } from "./finding.js";
import { longCinPlans } from "./long-cin-plans.js";
import { longCpPlans } from "./long-cp-plans.js";
import { lookedAfterAged18 } from "./looked-after-aged-18.js";
import { missingDateOfBirth } from "./missing-date-of-birth.js";
import { multipleOpenCpPlans } from "./multiple-open-cp-plans.js";
import { overdueOpenAssessments } from "./overdue-open-assessments.js";
import { overlappingCareEpisodes } from "./overlapping-care-episodes.js";
import { x1WithoutSuccessor } from "./x1-without-successor.js";

/** Every data-quality check, in the order their findings are listed. */
export const dataQualityChecks: readonly DataQualityCheck[] = [
  overlappingCareEpisodes,
  x1WithoutSuccessor,
  childNotInChildren,
  missingDateOfBirth,
  lookedAfterAged18,
  multipleOpenCpPlans,
  longCpPlans,
  longCinPlans,
  overdueOpenAssessments,
];

/**
 * Run every data-quality check over records that each passed validation, to find what only the set
 * shows: overlapping care episodes, `X1` endings with no next episode, children never posted, missing
 * dates of birth where ages are needed, care episodes open past 18, more than one open CP plan per
 * child, CP plans open over 2 years, CIN plans over 3, assessments open over 45 working days.
 * Datasets not given are not checked.
 *
 * @param records - any subset of the datasets
 * @param options - `asAt`: the day the checks look at; optional working-day calendar
 * @returns the findings, errors before warnings, each naming the records concerned by their keys
 * @example
 * ```ts
 * checkDataQuality({ cp_plans: plans }, { asAt: "2019-09-30" });
 * ```
 */
export function checkDataQuality(
  records: Partial<DatasetRecords>,
  options: DataQualityOptions,
): DataQualityFinding[] {
  const findings = dataQualityChecks.flatMap((check) => check(records, options));
  return [
    ...findings.filter((f) => f.severity === "error"),
    ...findings.filter((f) => f.severity === "warning"),
  ];
}
