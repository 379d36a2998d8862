import { CoreError } from "../errors/core-error.js";
import type { Interval } from "../values/units.js";
import { assertConfidenceLevel, DEFAULT_CONFIDENCE } from "./confidence.js";
import { tQuantile } from "./t-quantile.js";

/** Options of {@link meanInterval}. */
export interface MeanIntervalOptions {
  /** Confidence level strictly between 0 and 1; default 0.95. */
  confidence?: number;
}

/**
 * The mean of some values with its t-based confidence interval, as PHEindicatormethods' `phe_mean`:
 * mean ± t(1 − α/2, n − 1) · s / √n, where s is the sample standard deviation (n − 1 divisor).
 *
 * @param values - the values (at least 2, all finite)
 * @param options - `confidence` (default 0.95)
 * @returns the mean, its limits, method `t` and the confidence level
 * @throws CoreError `invalid_argument` with fewer than 2 values or a non-finite value (programmer error:
 *   a caller whose list may be short uses `meanEstimate`)
 * @example
 * ```ts
 * meanInterval([2, 4, 6]).value; // 4
 * meanInterval([2, 4, 6]).lower; // -0.968275 (4 − t(0.975, 2) × 2/√3)
 * meanInterval([2, 4, 6]).method; // "t"
 * ```
 */
export function meanInterval(values: readonly number[], options: MeanIntervalOptions = {}): Interval {
  const confidence = assertConfidenceLevel(options.confidence ?? DEFAULT_CONFIDENCE);
  const n = values.length;
  if (n < 2) {
    throw new CoreError("invalid_argument", `A mean's interval needs at least 2 values; got ${n}.`);
  }
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new CoreError("invalid_argument", "Every value of a mean must be finite.");
    sum += v;
  }
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const halfWidth = (tQuantile(1 - (1 - confidence) / 2, n - 1) * sd) / Math.sqrt(n);
  return { value: mean, lower: mean - halfWidth, upper: mean + halfWidth, method: "t", confidence };
}
