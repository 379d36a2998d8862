import { laCodeSchema } from "@kpi/contract";
import { z } from "zod";

/**
 * The form that sets the local authority the organisation is: its code, three-digit or nine-character,
 * checked with the API's own schema (so an unknown code is named before the API is asked).
 *
 * @example
 * ```ts
 * authorityFormSchema.parse({ la_code: " e10000034 " }).la_code; // "E10000034"
 * authorityFormSchema.safeParse({ la_code: "" }).success; // false
 * ```
 */
export const authorityFormSchema = z.object({
  la_code: z
    .string()
    .trim()
    .min(1, "Enter the local authority's code, such as 885 or E10000034")
    .pipe(laCodeSchema),
});
/** See {@link authorityFormSchema}. */
export type AuthorityForm = z.infer<typeof authorityFormSchema>;
