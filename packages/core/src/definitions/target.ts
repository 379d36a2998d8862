import { z } from "zod";

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
