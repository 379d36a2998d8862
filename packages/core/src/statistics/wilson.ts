import { CoreError } from "../errors/core-error.js";
import type { Interval } from "../values/units.js";
import { DEFAULT_CONFIDENCE } from "./confidence.js";
import { zForConfidence } from "./normal-quantile.js";

/** Options of {@link proportionInterval}. */
export interface ProportionIntervalOptions {
  /** Confidence level strictly between 0 and 1; default 0.95. */
  confidence?: number;
}

/**
 * A proportion x/n with its Wilson score interval, on the 0–1 scale (as PHEindicatormethods'
 * `phe_proportion` / `wilson_lower` / `wilson_upper`):
 * limits = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)), z = Φ⁻¹(1 − (1 − c)/2).
 * x = 0 gives a lower limit of exactly 0 and x = n an upper limit of exactly 1.
 *
 * @param numerator - x, the count with the property (0 ≤ x ≤ n; need not be whole)
 * @param denominator - n, the count of the group (> 0)
 * @param options - `confidence` (default 0.95)
 * @returns the proportion, its limits, method `wilson` and the confidence level
 * @throws CoreError `invalid_argument` when x < 0, n ≤ 0, x > n or an input is not finite (programmer error:
 *   a caller with a possibly-zero denominator uses `proportionEstimate`)
 * @example
 * ```ts
 * proportionInterval(65, 100).value; // 0.65
 * proportionInterval(65, 100).lower; // 0.552544
 * proportionInterval(65, 100).upper; // 0.736358
 * proportionInterval(0, 25).lower; // 0
 * ```
 */
export function proportionInterval(
  numerator: number,
  denominator: number,
  options: ProportionIntervalOptions = {},
): Interval {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const z = zForConfidence(confidence);
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    throw new CoreError("invalid_argument", "A proportion needs a finite numerator and denominator.");
  }
  if (numerator < 0) {
    throw new CoreError("invalid_argument", `A proportion's numerator cannot be negative; got ${numerator}.`);
  }
  if (denominator <= 0) {
    throw new CoreError(
      "invalid_argument",
      `A proportion's denominator must be greater than zero; got ${denominator}.`,
    );
  }
  if (numerator > denominator) {
    throw new CoreError(
      "invalid_argument",
      `A proportion's numerator (${numerator}) cannot exceed its denominator (${denominator}).`,
    );
  }
  const x = numerator;
  const n = denominator;
  const z2 = z * z;
  const centre = 2 * x + z2;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const scale = 2 * (n + z2);
  return {
    value: x / n,
    lower: x === 0 ? 0 : (centre - spread) / scale,
    upper: x === n ? 1 : (centre + spread) / scale,
    method: "wilson",
    confidence,
  };
}
