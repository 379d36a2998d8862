import { z } from "zod";

/**
 * The unit of an indicator's value. `percent` values, intervals and targets are on the 0–100 scale;
 * `rate_per_10k` per 10,000 children aged 0–17; `gbp` pounds; `per_fte` children per full-time equivalent.
 */
export const unitSchema = z.enum(["count", "percent", "rate_per_10k", "gbp", "per_fte", "number"]);
/** See {@link unitSchema}. */
export type Unit = z.infer<typeof unitSchema>;

/**
 * Which direction is good: `high` (higher is better), `low` (lower is better), `none` (no judgement).
 * A measure where both extremes are bad uses polarity `high` or `low` with a target range.
 */
export const polaritySchema = z.enum(["high", "low", "none"]);
/** See {@link polaritySchema}. */
export type Polarity = z.infer<typeof polaritySchema>;

/** How an interval was computed. `none` = no interval applies (FTE shares, money, ratios). */
export const intervalMethodSchema = z.enum(["wilson", "poisson_exact", "byar", "t", "none"]);
/** See {@link intervalMethodSchema}. */
export type IntervalMethod = z.infer<typeof intervalMethodSchema>;

/**
 * A point estimate with its confidence interval, as the statistics functions return it.
 * For proportions it is on the 0–1 scale; for rates on the rate's scale (per `multiplier`).
 *
 * @example
 * ```ts
 * const i: Interval = { value: 0.5, lower: 0.3, upper: 0.7, method: "wilson", confidence: 0.95 };
 * ```
 */
export interface Interval {
  /** The estimate. */
  value: number;
  /** Lower confidence limit. */
  lower: number;
  /** Upper confidence limit. */
  upper: number;
  /** The method used. */
  method: IntervalMethod;
  /** The confidence level, e.g. 0.95. */
  confidence: number;
}

/**
 * An indicator's computed value for one period, on the indicator's display scale (percent 0–100),
 * unrounded. `value` is `null` when there is no value, and `note` says why. Counts have
 * `numerator` = the count and `denominator` = `null`.
 */
export const estimateSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  method: intervalMethodSchema,
  confidence: z.number().gt(0).lt(1),
  note: z.string().nullable(),
});
/** See {@link estimateSchema}. */
export type Estimate = z.infer<typeof estimateSchema>;
