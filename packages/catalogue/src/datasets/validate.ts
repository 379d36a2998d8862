import { createBatchValidator } from "./batch-validator.js";
import type { RowIssue, ValidateOptions } from "./row-issue.js";
import type { DatasetName, RecordOf } from "./schemas.js";

/** Outcome of {@link validateRecords}: every record normalised, or every problem found. */
export type ValidateResult<D extends DatasetName> =
  | { ok: true; records: RecordOf<D>[] }
  | { ok: false; issues: RowIssue[]; issueCount: number };

/**
 * Validate a whole batch for a dataset, reporting every problem of every row (not just the first):
 * field types, code sets, ranges, required fields, unknown fields, rules relating fields and keys
 * repeated within the batch. A batch is atomic, so one bad row makes the result `ok: false`.
 *
 * Valid records are normalised: every field present, an absent optional field `null`, dates
 * `YYYY-MM-DD`, booleans and numbers typed. In `csv` format text cells are converted first (empty →
 * null, `DD/MM/YYYY` dates, `Y`/`N` booleans …); `json` values must already have their types.
 *
 * @param dataset - the dataset
 * @param rows - the rows as received
 * @param options - format, issue cap (default 1000; `issueCount` counts all), row offset
 * @returns the records, or the issues
 * @example
 * ```ts
 * validateRecords("children", [{ child_id: "C1", date_of_birth: "31/02/2019", sex: "F" }], { format: "csv" });
 * // { ok: false, issueCount: 1, issues: [{ row: 0, field: "date_of_birth",
 * //   message: "date_of_birth: must be a date such as 2019-09-30 or 30/09/2019 (got '31/02/2019')" }] }
 * ```
 */
export function validateRecords<D extends DatasetName>(
  dataset: D,
  rows: readonly unknown[],
  options: ValidateOptions,
): ValidateResult<D> {
  const validator = createBatchValidator(dataset, options);
  const records: RecordOf<D>[] = [];
  for (const row of rows) {
    const record = validator.push(row);
    if (record !== null) records.push(record);
  }
  const { issues, issueCount } = validator.finish();
  return issueCount === 0 ? { ok: true, records } : { ok: false, issues, issueCount };
}
