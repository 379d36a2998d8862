/** Codes of {@link CoreError}: each names a kind of programmer error. */
export type CoreErrorCode = "invalid_date" | "invalid_period" | "invalid_argument" | "invalid_definition";

/**
 * The one error type of `@kpi/core`. The library throws it only for programmer errors (an invalid
 * argument such as a malformed date passed to a function that requires a valid one). Expected outcomes
 * (no data, zero denominator, missing baseline) are returned as values with a reason instead.
 *
 * @example
 * ```ts
 * import { CoreError } from "@kpi/core";
 * const e = new CoreError("invalid_period", "Not a period id: 'FY2019'");
 * e.code; // "invalid_period"
 * ```
 */
export class CoreError extends Error {
  /** What kind of programmer error this is. */
  readonly code: CoreErrorCode;

  /**
   * @param code - the kind of error
   * @param message - a sentence a developer understands
   */
  constructor(code: CoreErrorCode, message: string) {
    super(message);
    this.name = "CoreError";
    this.code = code;
  }
}
