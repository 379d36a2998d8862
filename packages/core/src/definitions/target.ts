import { z } from "zod";
import type { Unit } from "../values/units.js";

/**
 * A target for one indicator: a single value (with polarity deciding which side is good), or a range
 * `[low, high]` for measures where both extremes are bad. `tolerance` is in the indicator's unit
 * (percentage points for percentages); when absent it defaults to 5% of the target value.
 */
export const targetSchema = z.union([
  z
    .object({
      value: z.number().finite(),
      tolerance: z.number().finite().nonnegative().optional(),
    })
    .strict(),
  z
    .object({
      range: z.tuple([z.number().finite(), z.number().finite()]).refine(([low, high]) => low <= high, {
        message: "the range's low end must not exceed its high end",
      }),
      tolerance: z.number().finite().nonnegative().optional(),
    })
    .strict(),
]);
/** See {@link targetSchema}. */
export type Target = z.infer<typeof targetSchema>;

/** The values an indicator of each unit can take: percentages 0–100, the rest never below 0. */
const unitBounds: Record<
  Unit,
  { readonly min: number | null; readonly max: number | null; readonly words: string }
> = {
  percent: { min: 0, max: 100, words: "a percentage, between 0 and 100" },
  count: { min: 0, max: null, words: "a count, 0 or more" },
  rate_per_10k: { min: 0, max: null, words: "a rate per 10,000, 0 or more" },
  gbp: { min: 0, max: null, words: "an amount in pounds, 0 or more" },
  per_fte: { min: 0, max: null, words: "children per FTE, 0 or more" },
  number: { min: null, max: null, words: "a number" },
};

/**
 * Why a target cannot be met by any value of the indicator's unit (a 150% target for a percentage,
 * a negative count), or `null` when it can. The range's ends and a single value are checked.
 *
 * @param target - the target as set
 * @param unit - the indicator's unit
 * @returns a sentence for the person setting it, naming the field (`value` or `range`), or `null`
 * @example
 * ```ts
 * targetOutsideUnit({ value: 150 }, "percent")?.message; // "The target must be a percentage, between 0 and 100"
 * targetOutsideUnit({ range: [80, 90] }, "percent"); // null
 * targetOutsideUnit({ value: -1 }, "count")?.field; // "value"
 * ```
 */
export function targetOutsideUnit(
  target: Target,
  unit: Unit,
): { readonly field: "value" | "range"; readonly message: string } | null {
  const { min, max, words } = unitBounds[unit];
  const values = "value" in target ? [target.value] : target.range;
  const outside = values.some((v) => (min !== null && v < min) || (max !== null && v > max));
  if (!outside) return null;
  return { field: "value" in target ? "value" : "range", message: `The target must be ${words}` };
}
