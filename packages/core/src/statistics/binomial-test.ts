import { CoreError } from "../errors/core-error.js";
import { regularisedBeta } from "./incomplete-beta.js";
import { logGamma } from "./log-gamma.js";

/** Outcomes whose probability is within this factor of the observed one count as "as likely" (R, scipy). */
const RELATIVE_ERROR = 1 + 1e-7;

function logPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (p === 1) return k === n ? 0 : Number.NEGATIVE_INFINITY;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** P(X ≤ k) for X ~ Binomial(n, p), by the incomplete beta function. */
function cdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return regularisedBeta(1 - p, n - k, k + 1, p);
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
function survival(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return regularisedBeta(p, k, n - k + 1, 1 - p);
}

/**
 * The exact two-sided binomial test: the probability, if successes occur with probability `p`, of an
 * outcome no more likely than `x` successes in `n` trials (the "minimum likelihood" method of R's
 * `binom.test` and scipy's `binomtest`). Tail sums come from the incomplete beta function, so large `n`
 * costs no more than small.
 *
 * @param x - successes, a whole number from 0 to `n`
 * @param n - trials, a whole number ≥ 1
 * @param p - the success probability under the null hypothesis, in [0, 1]
 * @returns the two-sided p-value in [0, 1]
 * @throws CoreError `invalid_argument` for counts that are not whole, `x > n`, or `p` outside [0, 1]
 *   (programmer error)
 * @example
 * ```ts
 * binomialTest(35, 93, 0.5); // 0.0220186 (35 of the 93 children missing were in the later quarter)
 * binomialTest(5, 10, 0.5); // 1
 * ```
 */
export function binomialTest(x: number, n: number, p: number): number {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 1 || x < 0 || x > n) {
    throw new CoreError(
      "invalid_argument",
      `binomialTest needs whole numbers 0 ≤ x ≤ n and n ≥ 1; got x = ${String(x)}, n = ${String(n)}.`,
    );
  }
  if (!(p >= 0 && p <= 1)) {
    throw new CoreError("invalid_argument", `A probability must lie in [0, 1]; got ${String(p)}.`);
  }
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const observed = logPmf(x, n, p) + Math.log(RELATIVE_ERROR);
  const asLikely = (k: number) => logPmf(k, n, p) <= observed;
  const mean = n * p;
  if (x === mean) return 1;
  let value: number;
  if (x < mean) {
    // The other tail: the smallest k ≥ ⌈np⌉ no more likely than x (the probabilities fall from there).
    let lo = Math.ceil(mean);
    let hi = n + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (asLikely(mid)) hi = mid;
      else lo = mid + 1;
    }
    value = cdf(x, n, p) + survival(lo, n, p);
  } else {
    // The other tail: the largest k ≤ ⌊np⌋ no more likely than x (the probabilities rise up to there).
    let lo = -1;
    let hi = Math.floor(mean);
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (asLikely(mid)) lo = mid;
      else hi = mid - 1;
    }
    value = cdf(lo, n, p) + survival(x, n, p);
  }
  return Math.min(1, value);
}
