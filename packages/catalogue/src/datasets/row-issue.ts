/**
 * One problem with one row of a batch, as the API returns it.
 *
 * @example
 * ```ts
 * const issue: RowIssue = { row: 3, field: "start_date", message: "start_date: must be a date such as 2019-09-30 (got '31/02/2019')" };
 * ```
 */
export interface RowIssue {
  /** 0-based index of the row in the batch (plus any `rowOffset`). */
  row: number;
  /** The field concerned, or `null` for the row as a whole. */
  field: string | null;
  /** What is wrong, in words an analyst understands. */
  message: string;
}

/** How a batch arrived: typed JSON, or CSV text cells that are converted first. */
export type RecordFormat = "json" | "csv";

/**
 * Options for validating a batch.
 *
 * @example
 * ```ts
 * const options: ValidateOptions = { format: "csv", maxIssues: 100 };
 * ```
 */
export interface ValidateOptions {
  /** `json`: values must have their JSON types; `csv`: text cells are converted (see `convertCsvRow`). */
  format: RecordFormat;
  /** Most issues to keep (default 1000); `issueCount` still counts them all. */
  maxIssues?: number;
  /** Added to row indices (when a batch is validated in parts). Default 0. */
  rowOffset?: number;
}
