import type { IsoDate, WorkingDayOptions } from "@kpi/core";
import type { DatasetName, DatasetRecords } from "../datasets/schemas.js";

/**
 * A problem in a set of records that each passed validation alone: overlapping care episodes, a
 * child never posted, a plan open for years. `error`s make figures wrong; `warning`s are worth a
 * look but may be genuine.
 *
 * @example
 * ```ts
 * const f: DataQualityFinding = {
 *   check: "multiple_open_cp_plans", severity: "error", dataset: "cp_plans", keys: ["P1", "P2"],
 *   message: "2 child protection plans of one child are open on 2019-09-30 …",
 * };
 * ```
 */
export interface DataQualityFinding {
  /** Which check found it (a stable id, e.g. `overlapping_care_episodes`). */
  check: string;
  /** `error`: figures are wrong until fixed; `warning`: may be genuine, worth checking. */
  severity: "error" | "warning";
  /** The dataset whose records should be corrected. */
  dataset: DatasetName;
  /** `recordKey(dataset, record)` of each record concerned. */
  keys: string[];
  /** What is wrong and what to fix in the source system (no personal data beyond dates). */
  message: string;
}

/**
 * Options of the data-quality checks.
 *
 * @example
 * ```ts
 * const options: DataQualityOptions = { asAt: "2019-09-30" };
 * ```
 */
export interface DataQualityOptions {
  /** The date the checks look at ("open now", ages) — usually the last day of the latest data. */
  asAt: IsoDate;
  /** Working-day calendar for assessment timescales (default England and Wales bank holidays). */
  workingDays?: WorkingDayOptions;
}

/**
 * One data-quality check over any subset of the datasets; a check whose datasets are absent finds
 * nothing.
 */
export type DataQualityCheck = (
  records: Partial<DatasetRecords>,
  options: DataQualityOptions,
) => DataQualityFinding[];
