import { z } from "zod";
import { poissonComparisonTest } from "../statistics/poisson-comparison-test.js";
import { tQuantile } from "../statistics/t-quantile.js";
import { twoProportionsTest } from "../statistics/two-proportions-test.js";
import { welchTest } from "../statistics/welch-test.js";
import type { Estimate } from "../values/units.js";

/**
 * The significance test a change between two periods was judged by, chosen by the values' kind:
 * `two_proportions` (pooled two-sample z-test), `poisson_counts` (exact conditional test of two counts
 * over equal periods), `poisson_rates` (the same with the populations as exposures), `welch_t`
 * (Welch's t-test of two means).
 */
export const changeTestNameSchema = z.enum(["two_proportions", "poisson_counts", "poisson_rates", "welch_t"]);
/** See {@link changeTestNameSchema}. */
export type ChangeTestName = z.infer<typeof changeTestNameSchema>;

/** The result of {@link testChange}: which test, its statistic and p-value, or why none applies. */
export interface ChangeTest {
  /** The test used; `null` when the change cannot be tested. */
  test: ChangeTestName | null;
  /** z, t, or the rate ratio; `null` when not tested (or undefined, e.g. a ratio against 0). */
  statistic: number | null;
  /** Two-sided p-value; `null` when not tested. */
  pValue: number | null;
  /** Why the change cannot be tested; otherwise `null`. */
  reason: string | null;
}

const untested = (reason: string): ChangeTest => ({ test: null, statistic: null, pValue: null, reason });

const isWhole = (n: number | null): n is number => n !== null && Number.isInteger(n) && n >= 0;

/** A mean estimate's sample standard deviation, recovered from its t interval: half-width × √n / t. */
function sampleOfMean(e: Estimate): { mean: number; sd: number; n: number } | null {
  if (e.value === null || e.lower === null || e.upper === null || e.denominator === null) return null;
  const n = e.denominator;
  if (!(n >= 2)) return null;
  const t = tQuantile(1 - (1 - e.confidence) / 2, n - 1);
  return { mean: e.value, sd: (((e.upper - e.lower) / 2) * Math.sqrt(n)) / t, n };
}

/**
 * Tests whether a value differs significantly from a baseline (the previous period or the same period
 * last year), with the test made for the values' kind (decision 150) rather than by whether two
 * intervals overlap, which misses most real changes:
 *
 * - proportions (Wilson estimates with whole numerators and denominators): the two-sample z-test;
 * - counts (Poisson estimates without a denominator): the exact conditional test of two Poisson counts,
 *   the two periods being of equal length;
 * - rates (Poisson estimates with a population): the same test with the populations as exposures;
 * - means (t estimates): Welch's t-test, each sample's spread recovered from its interval.
 *
 * A missing value, a value without an interval (money, FTE shares, ratios: method `none`), values of
 * different kinds or figures that are not whole counts cannot be tested, and the result says why.
 *
 * @param current - this period's estimate
 * @param baseline - the estimate compared with
 * @returns the test, its statistic and two-sided p-value, or the reason there is none
 * @example
 * ```ts
 * const count = (n: number) => ({ value: n, numerator: n, denominator: null, lower: 0, upper: 0,
 *   method: "byar", confidence: 0.95, note: null }) as const;
 * testChange(count(35), count(58)).test; // "poisson_counts"
 * testChange(count(35), count(58)).pValue; // 0.0220186
 * ```
 */
export function testChange(current: Estimate, baseline: Estimate): ChangeTest {
  if (current.value === null || baseline.value === null) {
    return untested(
      `There is no value for ${current.value === null ? "this period" : "the period compared with"}.`,
    );
  }
  if (current.method === "none" || baseline.method === "none") {
    return untested("Significance cannot be tested: a value has no confidence interval.");
  }
  const poisson = (m: Estimate["method"]) => m === "poisson_exact" || m === "byar";
  const a = current;
  const b = baseline;
  if (a.method === "wilson" && b.method === "wilson") {
    if (!isWhole(a.numerator) || !isWhole(a.denominator) || !isWhole(b.numerator) || !isWhole(b.denominator))
      return untested("Significance cannot be tested: a proportion is not made of whole counts.");
    if (a.denominator === 0 || b.denominator === 0)
      return untested("Significance cannot be tested: a denominator is zero.");
    const r = twoProportionsTest(a.numerator, a.denominator, b.numerator, b.denominator);
    return { test: "two_proportions", statistic: r.statistic, pValue: r.pValue, reason: null };
  }
  if (poisson(a.method) && poisson(b.method)) {
    if (!isWhole(a.numerator) || !isWhole(b.numerator))
      return untested("Significance cannot be tested: a count is not a whole number.");
    if (a.denominator === null && b.denominator === null) {
      const r = poissonComparisonTest(a.numerator, 1, b.numerator, 1);
      return { test: "poisson_counts", statistic: r.statistic, pValue: r.pValue, reason: null };
    }
    if (a.denominator !== null && b.denominator !== null && a.denominator > 0 && b.denominator > 0) {
      const r = poissonComparisonTest(a.numerator, a.denominator, b.numerator, b.denominator);
      return { test: "poisson_rates", statistic: r.statistic, pValue: r.pValue, reason: null };
    }
    return untested("Significance cannot be tested: a rate's population is not known.");
  }
  if (a.method === "t" && b.method === "t") {
    const sa = sampleOfMean(a);
    const sb = sampleOfMean(b);
    if (sa === null || sb === null)
      return untested("Significance cannot be tested: a mean has fewer than 2 values or no interval.");
    const r = welchTest(sa, sb);
    return { test: "welch_t", statistic: r.statistic, pValue: r.pValue, reason: null };
  }
  return untested("Significance cannot be tested: the two values are of different kinds.");
}
