import { CoreError } from "../errors/core-error.js";
import { regularisedBeta } from "./incomplete-beta.js";
import type { TwoSampleTestResult } from "./two-proportions-test.js";

/** A sample summarised for {@link welchTest}. */
export interface SampleSummary {
  /** The sample mean. */
  mean: number;
  /** The sample standard deviation (n − 1 denominator), ≥ 0. */
  sd: number;
  /** The sample size, ≥ 2. */
  n: number;
}

/**
 * Welch's two-sample t-test of two means with unequal variances (scipy's
 * `ttest_ind_from_stats(..., equal_var=False)`): t = (m1 − m2) / √(s1²/n1 + s2²/n2) on the
 * Welch–Satterthwaite degrees of freedom. Two samples with no spread at all give p = 1 when their
 * means are equal and 0 otherwise.
 *
 * @param a - the first sample's mean, standard deviation and size
 * @param b - the second sample's
 * @returns t and its two-sided p-value
 * @throws CoreError `invalid_argument` for a size below 2, a negative standard deviation or a non-finite
 *   input (programmer error)
 * @example
 * ```ts
 * welchTest({ mean: 12, sd: 4, n: 30 }, { mean: 10, sd: 3, n: 25 }).pValue; // 0.0391045
 * ```
 */
export function welchTest(a: SampleSummary, b: SampleSummary): TwoSampleTestResult {
  for (const s of [a, b]) {
    if (!Number.isFinite(s.mean) || !Number.isFinite(s.sd) || s.sd < 0 || !(s.n >= 2)) {
      throw new CoreError(
        "invalid_argument",
        `welchTest needs a finite mean, sd ≥ 0 and n ≥ 2; got mean = ${String(s.mean)}, sd = ${String(s.sd)}, n = ${String(s.n)}.`,
      );
    }
  }
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se2 = va + vb;
  if (se2 === 0) return { statistic: null, pValue: a.mean === b.mean ? 1 : 0 };
  const t = (a.mean - b.mean) / Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const x = df / (df + t * t);
  return { statistic: t, pValue: regularisedBeta(x, df / 2, 0.5, (t * t) / (df + t * t)) };
}
