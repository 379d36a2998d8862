/** Codes of {@link CatalogueError}: each names a kind of bad request to the evaluator. */
export type CatalogueErrorCode = "unknown_indicator" | "invalid_period" | "invalid_breakdown";

/**
 * The one error type of the evaluator. It is thrown only when the caller asks for something that
 * cannot exist: an indicator id not in the catalogue, a period id of the wrong kind for the window, or
 * a breakdown the indicator does not list. The API maps each code to an HTTP status. Expected outcomes
 * (an empty window, a zero denominator, no population) are values with a note instead.
 *
 * @example
 * ```ts
 * const e = new CatalogueError("unknown_indicator", "No indicator 'ffd.nope' in the catalogue.");
 * e.code; // "unknown_indicator"
 * ```
 */
export class CatalogueError extends Error {
  /** What kind of bad request this is. */
  readonly code: CatalogueErrorCode;

  /**
   * @param code - the kind of error
   * @param message - a sentence the person calling the API understands
   */
  constructor(code: CatalogueErrorCode, message: string) {
    super(message);
    this.name = "CatalogueError";
    this.code = code;
  }
}
