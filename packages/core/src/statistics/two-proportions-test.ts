import { CoreError } from "../errors/core-error.js";
import { incompleteGamma } from "./incomplete-gamma.js";

/** The result of a two-sample test: its statistic and two-sided p-value. */
export interface TwoSampleTestResult {
  /** The test statistic (z for proportions, t for means; the rate ratio for Poisson counts). */
  statistic: number | null;
  /** The two-sided p-value in [0, 1]. */
  pValue: number;
}

/**
 * The two-sided p-value of a standard normal statistic z, P(|Z| ≥ |z|), computed as the upper tail
 * of χ² with 1 degree of freedom so that small p-values keep their precision.
 *
 * @param z - the statistic
 * @returns the two-sided p-value
 * @example
 * ```ts
 * normalTwoSidedP(1.959963984540054); // 0.05
 * normalTwoSidedP(0); // 1
 * ```
 */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) throw new CoreError("invalid_argument", "normalTwoSidedP needs a number, got NaN.");
  return incompleteGamma(0.5, (z * z) / 2).upper;
}

/**
 * The two-sample z-test of two proportions with a pooled variance (the same p-value as Pearson's
 * χ² test of the 2 × 2 table without continuity correction): whether `x1 / n1` and `x2 / n2` differ by
 * more than chance would make likely. z is positive when the first proportion is the larger.
 *
 * @param x1 - first numerator (0 ≤ x1 ≤ n1)
 * @param n1 - first denominator (> 0)
 * @param x2 - second numerator (0 ≤ x2 ≤ n2)
 * @param n2 - second denominator (> 0)
 * @returns z and its two-sided p-value
 * @throws CoreError `invalid_argument` for a denominator ≤ 0, a numerator outside [0, n] or a non-finite
 *   input (programmer error)
 * @example
 * ```ts
 * twoProportionsTest(239, 303, 260, 308).pValue; // 0.0769215 (health assessments: 78.9% against 84.4%)
 * twoProportionsTest(50, 100, 50, 100).pValue; // 1
 * ```
 */
export function twoProportionsTest(x1: number, n1: number, x2: number, n2: number): TwoSampleTestResult {
  for (const [x, n] of [
    [x1, n1],
    [x2, n2],
  ] as const) {
    if (!Number.isFinite(x) || !Number.isFinite(n) || !(n > 0) || x < 0 || x > n) {
      throw new CoreError(
        "invalid_argument",
        `twoProportionsTest needs 0 ≤ x ≤ n and n > 0; got x = ${String(x)}, n = ${String(n)}.`,
      );
    }
  }
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (variance === 0) return { statistic: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / Math.sqrt(variance);
  return { statistic: z, pValue: normalTwoSidedP(z) };
}
