import { CoreError } from "../errors/core-error.js";
import { assertConfidenceLevel, DEFAULT_CONFIDENCE } from "../statistics/confidence.js";
import { meanInterval } from "../statistics/mean.js";
import { countInterval, DEFAULT_RATE_MULTIPLIER, rateInterval } from "../statistics/rate.js";
import { proportionInterval } from "../statistics/wilson.js";
import type { Estimate } from "../values/units.js";

/** The note of an estimate whose denominator is zero. */
export const ZERO_DENOMINATOR_NOTE = "No value: the denominator is zero.";
/** The note of a rate whose population is not known. */
export const MISSING_POPULATION_NOTE = "No value: the population is not known for this period.";
/** The note of a rate whose population is zero. */
export const ZERO_POPULATION_NOTE = "No value: the population is zero.";
/** The note of a mean of no values. */
export const NO_VALUES_NOTE = "No value: there are no values to average.";

/** Options of {@link proportionEstimate}. */
export interface ProportionEstimateOptions {
  /** Confidence level strictly between 0 and 1; default 0.95. */
  confidence?: number;
  /** Display scale; default 100 (percent). */
  scale?: number;
}

/** Options of {@link countEstimate} and {@link meanEstimate}. */
export interface ConfidenceOptions {
  /** Confidence level strictly between 0 and 1; default 0.95. */
  confidence?: number;
}

/** Options of {@link rateEstimate}. */
export interface RateEstimateOptions {
  /** Rate per this many of the population; default 10,000. */
  multiplier?: number;
  /** Confidence level strictly between 0 and 1; default 0.95. */
  confidence?: number;
}

/** Options of {@link ratioEstimate}. */
export interface RatioEstimateOptions {
  /** Multiplier of numerator / denominator; default 1. */
  scale?: number;
}

/** What a no-value estimate still records. */
export interface NoValuePartial {
  /** The numerator, if known. */
  numerator?: number | null;
  /** The denominator, if known. */
  denominator?: number | null;
  /** The confidence level the value would have had; default 0.95. */
  confidence?: number;
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) {
    throw new CoreError("invalid_argument", `${what} must be a finite number; got ${String(value)}.`);
  }
}

/**
 * An estimate with no value and the reason, e.g. for a period without data. Its method is `none` and
 * its limits are `null`; numerator and denominator are kept when known so a reader sees "0 of 0".
 *
 * @param note - why there is no value, in words an analyst understands
 * @param partial - numerator, denominator and confidence to record (all optional)
 * @returns an {@link Estimate} with `value: null`
 * @example
 * ```ts
 * const e = noValueEstimate("No value: no decided contacts in this period.", { numerator: 0, denominator: 0 });
 * e.value; // null
 * e.denominator; // 0
 * e.method; // "none"
 * ```
 */
export function noValueEstimate(note: string, partial: NoValuePartial = {}): Estimate {
  return {
    value: null,
    numerator: partial.numerator ?? null,
    denominator: partial.denominator ?? null,
    lower: null,
    upper: null,
    method: "none",
    confidence: assertConfidenceLevel(partial.confidence ?? DEFAULT_CONFIDENCE),
    note,
  };
}

/**
 * A proportion on the display scale (percent by default) with its Wilson score interval.
 * A zero denominator gives no value with the note "No value: the denominator is zero.".
 *
 * @param numerator - the count with the property (0 ≤ numerator ≤ denominator)
 * @param denominator - the count of the group (≥ 0)
 * @param options - `confidence` (default 0.95) and `scale` (default 100)
 * @returns the {@link Estimate}
 * @throws CoreError `invalid_argument` for a negative numerator, a numerator above its denominator or a
 *   non-finite input (programmer error: such figures cannot come from counted records)
 * @example
 * ```ts
 * proportionEstimate(65, 100).value; // 65
 * proportionEstimate(65, 100).lower; // 55.254443
 * proportionEstimate(65, 100).method; // "wilson"
 * proportionEstimate(0, 0).note; // "No value: the denominator is zero."
 * ```
 */
export function proportionEstimate(
  numerator: number,
  denominator: number,
  options: ProportionEstimateOptions = {},
): Estimate {
  const confidence = assertConfidenceLevel(options.confidence ?? DEFAULT_CONFIDENCE);
  const scale = options.scale ?? 100;
  assertFinite(scale, "A scale");
  if (denominator === 0) {
    assertFinite(numerator, "A numerator");
    if (numerator !== 0) {
      throw new CoreError(
        "invalid_argument",
        `A proportion's numerator (${numerator}) cannot exceed its denominator (0).`,
      );
    }
    return noValueEstimate(ZERO_DENOMINATOR_NOTE, { numerator, denominator, confidence });
  }
  const interval = proportionInterval(numerator, denominator, { confidence });
  return {
    value: interval.value * scale,
    numerator,
    denominator,
    lower: interval.lower * scale,
    upper: interval.upper * scale,
    method: interval.method,
    confidence,
    note: null,
  };
}

/**
 * A count with its Poisson interval (exact below 10, Byar from 10): numerator = the count,
 * denominator = `null`.
 *
 * @param count - the count (≥ 0)
 * @param options - `confidence` (default 0.95)
 * @returns the {@link Estimate}
 * @throws CoreError `invalid_argument` for a negative or non-finite count (programmer error)
 * @example
 * ```ts
 * countEstimate(3).upper; // 8.767273
 * countEstimate(3).method; // "poisson_exact"
 * ```
 */
export function countEstimate(count: number, options: ConfidenceOptions = {}): Estimate {
  const confidence = assertConfidenceLevel(options.confidence ?? DEFAULT_CONFIDENCE);
  const interval = countInterval(count, { confidence });
  return {
    value: interval.value,
    numerator: count,
    denominator: null,
    lower: interval.lower,
    upper: interval.upper,
    method: interval.method,
    confidence,
    note: null,
  };
}

/**
 * A rate per `multiplier` of the population (per 10,000 by default) with its Poisson interval.
 * numerator = the count, denominator = the population. A population that is not known (`null`) or zero
 * gives no value with a note saying which.
 *
 * @param count - the count (≥ 0)
 * @param population - the population, or `null` when it is not known
 * @param options - `multiplier` (default 10,000) and `confidence` (default 0.95)
 * @returns the {@link Estimate}
 * @throws CoreError `invalid_argument` for a negative count or population, or a non-finite input
 *   (programmer error)
 * @example
 * ```ts
 * rateEstimate(440, 104_000).value; // 42.307692 (per 10,000)
 * rateEstimate(440, 104_000).method; // "byar"
 * rateEstimate(440, null).note; // "No value: the population is not known for this period."
 * ```
 */
export function rateEstimate(
  count: number,
  population: number | null,
  options: RateEstimateOptions = {},
): Estimate {
  const confidence = assertConfidenceLevel(options.confidence ?? DEFAULT_CONFIDENCE);
  assertFinite(count, "A count");
  if (count < 0) throw new CoreError("invalid_argument", `A count cannot be negative; got ${count}.`);
  if (population === null) {
    return noValueEstimate(MISSING_POPULATION_NOTE, { numerator: count, denominator: null, confidence });
  }
  if (population === 0) {
    return noValueEstimate(ZERO_POPULATION_NOTE, { numerator: count, denominator: 0, confidence });
  }
  const interval = rateInterval(count, population, {
    multiplier: options.multiplier ?? DEFAULT_RATE_MULTIPLIER,
    confidence,
  });
  return {
    value: interval.value,
    numerator: count,
    denominator: population,
    lower: interval.lower,
    upper: interval.upper,
    method: interval.method,
    confidence,
    note: null,
  };
}

/**
 * The mean of some values with its t interval: numerator = their sum, denominator = how many.
 * No values gives no value with a note; a single value gives the value with method `none` and no
 * limits (one value says nothing about spread).
 *
 * @param values - the values (finite)
 * @param options - `confidence` (default 0.95)
 * @returns the {@link Estimate}
 * @throws CoreError `invalid_argument` for a non-finite value (programmer error)
 * @example
 * ```ts
 * meanEstimate([2, 4, 6]).upper; // 8.968275
 * meanEstimate([2, 4, 6]).numerator; // 12
 * meanEstimate([]).note; // "No value: there are no values to average."
 * ```
 */
export function meanEstimate(values: readonly number[], options: ConfidenceOptions = {}): Estimate {
  const confidence = assertConfidenceLevel(options.confidence ?? DEFAULT_CONFIDENCE);
  let sum = 0;
  for (const v of values) {
    assertFinite(v, "Every value of a mean");
    sum += v;
  }
  const n = values.length;
  if (n === 0) return noValueEstimate(NO_VALUES_NOTE, { numerator: 0, denominator: 0, confidence });
  if (n === 1) {
    return {
      value: sum,
      numerator: sum,
      denominator: 1,
      lower: null,
      upper: null,
      method: "none",
      confidence,
      note: null,
    };
  }
  const interval = meanInterval(values, { confidence });
  return {
    value: interval.value,
    numerator: sum,
    denominator: n,
    lower: interval.lower,
    upper: interval.upper,
    method: interval.method,
    confidence,
    note: null,
  };
}

/**
 * A ratio with no interval (method `none`): FTE shares, caseload ratios, money. Its inputs are not
 * whole counts, so no sampling interval applies and it is never called significant.
 * A zero denominator gives no value with the note "No value: the denominator is zero.".
 *
 * @param numerator - the numerator (any finite number)
 * @param denominator - the denominator (any finite number)
 * @param options - `scale` (default 1; 100 for a percentage share)
 * @returns the {@link Estimate}
 * @throws CoreError `invalid_argument` for a non-finite input (programmer error)
 * @example
 * ```ts
 * ratioEstimate(18.5, 21.6, { scale: 100 }).value; // 85.648148
 * ratioEstimate(18.5, 21.6, { scale: 100 }).lower; // null
 * ```
 */
export function ratioEstimate(
  numerator: number,
  denominator: number,
  options: RatioEstimateOptions = {},
): Estimate {
  const scale = options.scale ?? 1;
  assertFinite(numerator, "A numerator");
  assertFinite(denominator, "A denominator");
  assertFinite(scale, "A scale");
  if (denominator === 0) return noValueEstimate(ZERO_DENOMINATOR_NOTE, { numerator, denominator });
  return {
    value: (numerator / denominator) * scale,
    numerator,
    denominator,
    lower: null,
    upper: null,
    method: "none",
    confidence: DEFAULT_CONFIDENCE,
    note: null,
  };
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Adds a note to an estimate without losing the one it has: each note becomes a sentence (a full
 * stop is added when missing) and they are joined with a space. The estimate is not changed; a copy is
 * returned. An empty note leaves the estimate as it is.
 *
 * @param estimate - the estimate
 * @param note - the note to add, e.g. "3 children without a date of birth were left out"
 * @returns a copy of the estimate with the note appended
 * @example
 * ```ts
 * const e = withNote(proportionEstimate(0, 0), "3 children without a date of birth were left out");
 * e.note; // "No value: the denominator is zero. 3 children without a date of birth were left out."
 * ```
 */
export function withNote(estimate: Estimate, note: string): Estimate {
  if (note.trim() === "") return { ...estimate };
  const added = asSentence(note);
  return { ...estimate, note: estimate.note === null ? added : `${asSentence(estimate.note)} ${added}` };
}
