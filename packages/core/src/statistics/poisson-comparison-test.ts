import { CoreError } from "../errors/core-error.js";
import { binomialTest } from "./binomial-test.js";
import type { TwoSampleTestResult } from "./two-proportions-test.js";

/**
 * The exact conditional test of two Poisson counts (R's `poisson.test(c(x1, x2), c(e1, e2))`): given
 * the total `x1 + x2`, the first count is binomial with probability `e1 / (e1 + e2)` when the two rates
 * are equal, so the exact two-sided binomial test decides. Counts over equal periods pass equal
 * exposures; rates pass their populations. The statistic is the rate ratio (x1/e1) / (x2/e2), `null`
 * when the second count is 0.
 *
 * @param x1 - first count (a whole number ≥ 0)
 * @param exposure1 - its exposure (period length, population), > 0
 * @param x2 - second count (a whole number ≥ 0)
 * @param exposure2 - its exposure, > 0
 * @returns the rate ratio and the two-sided p-value (1 when both counts are 0)
 * @throws CoreError `invalid_argument` for counts that are not whole numbers ≥ 0 or exposures ≤ 0
 *   (programmer error)
 * @example
 * ```ts
 * poissonComparisonTest(35, 1, 58, 1).pValue; // 0.0220186 (children missing from care: 35 against 58)
 * poissonComparisonTest(35, 1, 58, 1).statistic; // 0.603448
 * ```
 */
export function poissonComparisonTest(
  x1: number,
  exposure1: number,
  x2: number,
  exposure2: number,
): TwoSampleTestResult {
  for (const x of [x1, x2]) {
    if (!Number.isInteger(x) || x < 0) {
      throw new CoreError(
        "invalid_argument",
        `A Poisson count must be a whole number ≥ 0; got ${String(x)}.`,
      );
    }
  }
  for (const e of [exposure1, exposure2]) {
    if (!(e > 0) || !Number.isFinite(e)) {
      throw new CoreError("invalid_argument", `An exposure must be a finite number > 0; got ${String(e)}.`);
    }
  }
  const n = x1 + x2;
  const statistic = x2 === 0 ? null : x1 / exposure1 / (x2 / exposure2);
  if (n === 0) return { statistic, pValue: 1 };
  return { statistic, pValue: binomialTest(x1, n, exposure1 / (exposure1 + exposure2)) };
}
