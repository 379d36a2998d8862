import { CoreError } from "../errors/core-error.js";

/** The most decimals {@link roundHalfAwayFromZero} accepts. */
export const MAX_ROUNDING_DECIMALS = 10;

/**
 * Rounds half away from zero to a number of decimals, as the report prints figures: 2.5 → 3,
 * −2.5 → −3, and 1.005 → 1.01 even though 1.005 is stored in binary as 1.00499999999999989….
 *
 * The value is scaled by 10^decimals and the product re-read at 15 significant digits, which removes the
 * binary representation error of decimal inputs before the halfway test. A result of −0 is returned as 0.
 * Non-finite values are returned unchanged.
 *
 * @param value - the unrounded value
 * @param decimals - whole number of decimals, 0 to {@link MAX_ROUNDING_DECIMALS}
 * @returns the rounded value
 * @throws CoreError `invalid_argument` when `decimals` is not a whole number from 0 to 10
 * @example
 * ```ts
 * roundHalfAwayFromZero(1.005, 2); // 1.01
 * roundHalfAwayFromZero(-2.5, 0); // -3
 * roundHalfAwayFromZero(47.45856, 2); // 47.46
 * ```
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_ROUNDING_DECIMALS) {
    throw new CoreError(
      "invalid_argument",
      `decimals must be a whole number from 0 to ${MAX_ROUNDING_DECIMALS}, got ${decimals}`,
    );
  }
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Beyond 2^52 every double is already a whole number: nothing to round.
  if (scaled >= 2 ** 52) return value;
  const cleaned = Number(scaled.toPrecision(15));
  const rounded = Math.floor(cleaned + 0.5) / factor;
  if (rounded === 0) return 0;
  return value < 0 ? -rounded : rounded;
}
