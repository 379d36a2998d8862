import { CoreError } from "../errors/core-error.js";
import type { Interval } from "../values/units.js";
import { chiSquaredQuantile } from "./chi-squared.js";
import { DEFAULT_CONFIDENCE } from "./confidence.js";
import { zForConfidence } from "./normal-quantile.js";

/** Counts from this value upwards use Byar's approximation; below it, exact Poisson limits. */
export const BYAR_THRESHOLD = 10;

/** The multiplier used when a rate does not name one: per 10,000 (children aged 0–17). */
export const DEFAULT_RATE_MULTIPLIER = 10_000;

/** Options of {@link rateInterval}. */
export interface RateIntervalOptions {
  /** Rate per this many of the population; default 10,000. */
  multiplier?: number;
  /** Confidence level strictly between 0 and 1; default 0.95. */
  confidence?: number;
}

/** Options of {@link countInterval}. */
export interface CountIntervalOptions {
  /** Confidence level strictly between 0 and 1; default 0.95. */
  confidence?: number;
}

/**
 * A rate (count / population × multiplier) with its confidence interval, as PHEindicatormethods'
 * `phe_rate`: exact Poisson limits for counts below 10 (lower = χ²(α/2, 2x)/2, 0 when x = 0;
 * upper = χ²(1 − α/2, 2x + 2)/2; method `poisson_exact`) and Byar's approximation from 10 upwards
 * (lower = x(1 − 1/(9x) − z/(3√x))³, upper = (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³; method `byar`),
 * each limit divided by the population and multiplied by the multiplier.
 *
 * @param count - the number of events or children, ≥ 0 (need not be whole)
 * @param population - the population at risk, > 0
 * @param options - `multiplier` (default 10,000) and `confidence` (default 0.95)
 * @returns the rate, its limits, the method and the confidence level
 * @throws CoreError `invalid_argument` when count < 0, population ≤ 0, multiplier ≤ 0 or an input is not
 *   finite (programmer error: a caller with a possibly missing population uses `rateEstimate`)
 * @example
 * ```ts
 * rateInterval(45, 100_000).value; // 4.5 (per 10,000)
 * rateInterval(45, 100_000).method; // "byar"
 * rateInterval(3, 1000, { multiplier: 1000 }).lower; // 0.618672
 * rateInterval(3, 1000, { multiplier: 1000 }).upper; // 8.767273
 * rateInterval(3, 1000, { multiplier: 1000 }).method; // "poisson_exact"
 * ```
 */
export function rateInterval(count: number, population: number, options: RateIntervalOptions = {}): Interval {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const multiplier = options.multiplier ?? DEFAULT_RATE_MULTIPLIER;
  const z = zForConfidence(confidence);
  if (!Number.isFinite(count) || count < 0) {
    throw new CoreError("invalid_argument", `A count must be a finite number ≥ 0; got ${String(count)}.`);
  }
  if (!Number.isFinite(population) || population <= 0) {
    throw new CoreError(
      "invalid_argument",
      `A rate's population must be a finite number greater than zero; got ${String(population)}.`,
    );
  }
  if (!Number.isFinite(multiplier) || multiplier <= 0) {
    throw new CoreError(
      "invalid_argument",
      `A rate's multiplier must be a finite number greater than zero; got ${String(multiplier)}.`,
    );
  }
  const x = count;
  let lowerCount: number;
  let upperCount: number;
  let method: Interval["method"];
  if (x < BYAR_THRESHOLD) {
    const alpha = 1 - confidence;
    lowerCount = x === 0 ? 0 : chiSquaredQuantile(alpha / 2, 2 * x) / 2;
    upperCount = chiSquaredQuantile(1 - alpha / 2, 2 * x + 2) / 2;
    method = "poisson_exact";
  } else {
    lowerCount = x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
    upperCount = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3;
    method = "byar";
  }
  const factor = multiplier / population;
  return {
    value: x * factor,
    lower: lowerCount * factor,
    upper: upperCount * factor,
    method,
    confidence,
  };
}

/**
 * A count with its confidence interval, treating it as a Poisson count: the limits of
 * {@link rateInterval} with population 1 and multiplier 1 (exact below 10, Byar from 10).
 *
 * @param count - the count, ≥ 0
 * @param options - `confidence` (default 0.95)
 * @returns the count, its limits, the method and the confidence level
 * @throws CoreError `invalid_argument` when the count is negative or not finite (programmer error)
 * @example
 * ```ts
 * countInterval(0).lower; // 0
 * countInterval(0).upper; // 3.688879 (−ln 0.025)
 * ```
 */
export function countInterval(count: number, options: CountIntervalOptions = {}): Interval {
  return rateInterval(count, 1, { ...options, multiplier: 1 });
}
