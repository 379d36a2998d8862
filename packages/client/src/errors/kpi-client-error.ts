import type { ApiErrorCode, BatchResult } from "@kpi/contract";

/**
 * Codes the client itself gives an error (the API's own codes, such as `validation_failed`,
 * `not_found` or `unauthorized`, are passed through as sent):
 * - `network_error`: no response (refused, reset, DNS) after every allowed retry;
 * - `timeout`: no response within `timeoutMs` after every allowed retry;
 * - `invalid_response`: the server answered with something that is not the API's JSON;
 * - `replace_needs_single_batch`: `mode: "replace"` with more rows than one batch holds;
 * - `invalid_argument`: the caller passed something unusable (a bad base URL, batch size …).
 */
export type ClientErrorCode =
  | "network_error"
  | "timeout"
  | "invalid_response"
  | "replace_needs_single_batch"
  | "invalid_argument";

/** Where a row came from, so a problem can be shown as `file:line` (or `file[index]` for JSON). */
export interface RowSource {
  /** The file (as the user named it), or another label of the input. */
  readonly file: string;
  /** 1-based line of the file where the row starts; `null` when lines are not known (a JSON array). */
  readonly line: number | null;
  /** 0-based position of the row among the file's records. */
  readonly index: number;
}

/**
 * One problem with one input row (or with the request as a whole when `row` is `null`).
 *
 * @example
 * ```ts
 * const issue: KpiClientIssue = { row: 7, field: "start_date", message: "start_date: must be a date …",
 *   source: { file: "episodes.csv", line: 9, index: 7 } };
 * ```
 */
export interface KpiClientIssue {
  /** 0-based index of the row in the whole input given to `ingest` (not in the batch), or `null`. */
  readonly row: number | null;
  /** The field concerned, or `null` for the row as a whole. */
  readonly field: string | null;
  /** What is wrong, as the API said it. */
  readonly message: string;
  /** The file and line of the row, when the caller told the client where rows came from. */
  readonly source?: RowSource;
}

/** What a {@link KpiClientError} carries besides its code and message. */
export interface KpiClientErrorDetails {
  /** HTTP status, or `null` when no response arrived (or the error was found before sending). */
  readonly status?: number | null;
  /** Row problems (at most 1,000 are listed; `issueCount` is the total). */
  readonly issues?: readonly KpiClientIssue[];
  /** Total number of problems, when the API capped the list. */
  readonly issueCount?: number;
  /** For an ingest that failed part-way: the batches already committed (each is atomic). */
  readonly completed?: readonly BatchResult[];
  /** The underlying error (a network failure), for debugging. */
  readonly cause?: unknown;
  /** How long the API asked the caller to wait before trying again (its `Retry-After`), in seconds. */
  readonly retryAfterSeconds?: number | null;
}

/**
 * The one error type of `@kpi/client`: every failed call rejects with it. `code` is the API's error
 * code when the API answered (`validation_failed`, `not_found`, `unauthorized` …) or one of
 * {@link ClientErrorCode} otherwise; `status` the HTTP status (or `null`); `issues` the rows at fault,
 * numbered within the caller's whole input (and located in their file when known).
 *
 * @example
 * ```ts
 * try {
 *   await client.ingest("children", rows);
 * } catch (e) {
 *   if (e instanceof KpiClientError && e.code === "validation_failed")
 *     for (const i of e.issues) console.error(`row ${i.row} ${i.field}: ${i.message}`);
 * }
 * ```
 */
export class KpiClientError extends Error {
  /** Stable code: the API's, or the client's own. */
  readonly code: ClientErrorCode | ApiErrorCode | (string & {});
  /** HTTP status, or `null` when there was no response. */
  readonly status: number | null;
  /** Row problems, in input order (empty when none). */
  readonly issues: readonly KpiClientIssue[];
  /** Total number of problems (at least `issues.length`). */
  readonly issueCount: number;
  /** Batches of the same ingest already committed before the failure (empty when none). */
  readonly completed: readonly BatchResult[];
  /** Seconds the API asked to wait before trying again (`Retry-After` of a 429 or 503), or `null`. */
  readonly retryAfterSeconds: number | null;

  /**
   * @param code - the error code
   * @param message - a sentence for the person running the script
   * @param details - status, issues, committed batches, cause
   */
  constructor(
    code: ClientErrorCode | ApiErrorCode | (string & {}),
    message: string,
    details: KpiClientErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "KpiClientError";
    this.code = code;
    this.status = details.status ?? null;
    this.issues = details.issues ?? [];
    this.issueCount = Math.max(details.issueCount ?? 0, this.issues.length);
    this.completed = details.completed ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }
}
