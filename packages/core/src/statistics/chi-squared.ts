import { CoreError } from "../errors/core-error.js";
import { incompleteGamma } from "./incomplete-gamma.js";
import { logGamma } from "./log-gamma.js";
import { normalQuantile } from "./normal-quantile.js";

const MAX_ITERATIONS = 300;
const RELATIVE_TOLERANCE = 1e-15;

function assertDegreesOfFreedom(df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new CoreError(
      "invalid_argument",
      `Degrees of freedom must be a positive finite number; got ${String(df)}.`,
    );
  }
}

/**
 * The chi-squared cumulative distribution function P(X ≤ x) for df degrees of freedom, via the
 * regularised incomplete gamma function P(df/2, x/2) (about 1e-15 relative).
 *
 * @param x - the value; 0 for x ≤ 0
 * @param df - degrees of freedom, > 0 (need not be whole)
 * @returns the probability P(X ≤ x)
 * @throws CoreError `invalid_argument` when x is not a number or df is not positive (programmer error)
 * @example
 * ```ts
 * chiSquaredCdf(3.841458820694124, 1); // 0.95
 * chiSquaredCdf(2, 2); // 0.6321205588285577 (1 − e⁻¹)
 * ```
 */
export function chiSquaredCdf(x: number, df: number): number {
  assertDegreesOfFreedom(df);
  if (Number.isNaN(x)) throw new CoreError("invalid_argument", "chiSquaredCdf needs a number, got NaN.");
  if (x <= 0) return 0;
  return incompleteGamma(df / 2, x / 2).lower;
}

/**
 * The chi-squared quantile: the x with P(X ≤ x) = p for df degrees of freedom (the same value as R's
 * `qchisq(p, df)`). Newton's method on the incomplete gamma function, safeguarded by bisection, solving
 * on whichever tail is smaller so both tails keep about 1e-14 relative accuracy. Used for exact Poisson
 * limits (df = 2x and 2x + 2) and the trend test's critical value.
 *
 * @param p - a probability in [0, 1]
 * @param df - degrees of freedom, > 0 (need not be whole)
 * @returns the quantile; 0 at p = 0 and `Infinity` at p = 1
 * @throws CoreError `invalid_argument` when p is outside [0, 1] or df is not positive (programmer error)
 * @example
 * ```ts
 * chiSquaredQuantile(0.975, 2); // 7.377758908227871
 * chiSquaredQuantile(0.998, 1); // 9.549535706083243 (the trend threshold)
 * ```
 */
export function chiSquaredQuantile(p: number, df: number): number {
  assertDegreesOfFreedom(df);
  if (!(p >= 0 && p <= 1)) {
    throw new CoreError("invalid_argument", `A probability must lie in [0, 1]; got ${String(p)}.`);
  }
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const a = df / 2;
  const logGammaA = logGamma(a);
  const useLowerTail = p <= 0.5;
  const target = useLowerTail ? p : 1 - p;
  // g(x) increases with x and is zero at the quantile.
  const g = (x: number): number => {
    const tails = incompleteGamma(a, x / 2);
    return useLowerTail ? tails.lower - target : target - tails.upper;
  };
  const density = (x: number): number => Math.exp((a - 1) * Math.log(x / 2) - x / 2 - logGammaA) / 2;

  let x = initialGuess(p, df, a);
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const gx = g(x);
    if (gx === 0) return x;
    if (gx < 0) lo = x;
    else hi = x;
    let next = x - gx / density(x);
    if (!Number.isFinite(next) || next <= lo || next >= hi) {
      next = Number.isFinite(hi) ? (lo + hi) / 2 : Math.max(2 * x, x + 1);
    }
    if (Math.abs(next - x) <= RELATIVE_TOLERANCE * next) return next;
    x = next;
  }
  return x;
}

function initialGuess(p: number, df: number, a: number): number {
  // Wilson–Hilferty cube-root normal approximation.
  const k = 2 / (9 * df);
  const wh = df * (1 - k + normalQuantile(p) * Math.sqrt(k)) ** 3;
  if (p >= 0.5) return wh > 0 ? wh : df;
  // For small p, P(a, x/2) ≤ (x/2)^a / Γ(a + 1), so this is a lower bound on the quantile.
  const small = 2 * Math.exp((Math.log(p) + logGamma(a + 1)) / a);
  return Math.max(wh, small) > 0 ? Math.max(wh, small) : small;
}
