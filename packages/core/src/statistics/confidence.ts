import { CoreError } from "../errors/core-error.js";

/** The confidence level used when a caller does not name one: 95%. */
export const DEFAULT_CONFIDENCE = 0.95;

/**
 * Checks a confidence level and returns it: a finite number strictly between 0 and 1 (0.95, 0.998).
 * Percentages such as 95 are rejected rather than guessed at.
 *
 * @param confidence - the level to check, e.g. 0.95
 * @returns the same level
 * @throws CoreError `invalid_argument` when the level is not strictly between 0 and 1 (programmer error)
 * @example
 * ```ts
 * assertConfidenceLevel(0.998); // 0.998
 * // assertConfidenceLevel(95) throws CoreError: write 0.95
 * ```
 */
export function assertConfidenceLevel(confidence: number): number {
  if (!Number.isFinite(confidence) || confidence <= 0 || confidence >= 1) {
    throw new CoreError(
      "invalid_argument",
      `A confidence level must be a number strictly between 0 and 1, such as 0.95; got ${String(confidence)}.`,
    );
  }
  return confidence;
}
