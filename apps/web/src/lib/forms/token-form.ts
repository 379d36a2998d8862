import { roleSchema } from "@kpi/contract";
import { z } from "zod";

/**
 * The form that creates an API token: a name saying what it is for, and its role.
 *
 * @example
 * ```ts
 * tokenFormSchema.safeParse({ name: "Nightly CIN extract", role: "ingest" }).success; // true
 * ```
 */
export const tokenFormSchema = z.object({
  name: z.string().trim().min(1, "Enter a name for the token").max(100, "Names are at most 100 characters"),
  role: z.enum(roleSchema.options, { error: "Choose a role" }),
});
/** See {@link tokenFormSchema}. */
export type TokenForm = z.infer<typeof tokenFormSchema>;
