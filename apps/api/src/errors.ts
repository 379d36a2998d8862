import type { ApiErrorCode, ErrorBody, Issue } from "@kpi/contract";

// The wire shapes of errors (codes, issue, body) are defined once, in @kpi/contract.
export {
  type ApiErrorCode,
  apiErrorCodes,
  type ErrorBody,
  errorBodySchema,
  type Issue,
  issueSchema,
} from "@kpi/contract";

/** The HTTP status of each error code. */
export const apiErrorStatus: Readonly<Record<ApiErrorCode, number>> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation_failed: 422,
  malformed_body: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  idempotency_key_reused: 422,
  request_timeout: 408,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/**
 * The one error type of the API. Services and handlers throw it for outcomes the client must hear
 * about; the error handler turns it into `{ error: { code, message, issues?, issue_count? } }` with the
 * status of its code.
 *
 * @example
 * ```ts
 * throw new ApiError("not_found", "Unknown dataset 'contact'");
 * ```
 */
export class ApiError extends Error {
  /** What went wrong, as a stable code. */
  readonly code: ApiErrorCode;
  /** Row/field problems, at most 1,000. */
  readonly issues: readonly Issue[] | undefined;
  /** Total number of problems when `issues` was capped. */
  readonly issueCount: number | undefined;
  /** Seconds the client should wait before trying again, sent as `Retry-After` (429, 503). */
  readonly retryAfterSeconds: number | undefined;

  /**
   * @param code - the error code (decides the HTTP status)
   * @param message - a sentence for the client; never record contents, SQL or a stack
   * @param details - issues and their total count, and when to try again
   */
  constructor(
    code: ApiErrorCode,
    message: string,
    details: { issues?: readonly Issue[]; issueCount?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.issues = details.issues;
    this.issueCount = details.issueCount;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** The HTTP status for this error. */
  get status(): number {
    return apiErrorStatus[this.code];
  }

  /** The response body for this error. */
  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues === undefined ? {} : { issues: [...this.issues] }),
        ...(this.issueCount === undefined ? {} : { issue_count: this.issueCount }),
      },
    };
  }
}
