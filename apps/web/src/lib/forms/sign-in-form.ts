import { organisationIdSchema } from "@kpi/contract";
import { z } from "zod";

/**
 * The sign-in form: the same limits as `routes.signIn`, with messages a person can act on. The
 * organisation is optional: usernames are unique within an organisation, so it is only needed when
 * another organisation on the same service has the same username (decision 143).
 *
 * @example
 * ```ts
 * signInFormSchema.safeParse({ username: "j.smith", password: "" }).success; // false
 * signInFormSchema.parse({ username: "j.smith", password: "x", organisation: " " }).organisation; // undefined
 * ```
 */
export const signInFormSchema = z.object({
  username: z.string().trim().min(1, "Enter your username").max(100, "Usernames are at most 100 characters"),
  password: z.string().min(1, "Enter your password").max(1000, "Passwords are at most 1,000 characters"),
  organisation: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v.toLowerCase()))
    .pipe(organisationIdSchema.optional()),
});
/** See {@link signInFormSchema}. */
export type SignInForm = z.infer<typeof signInFormSchema>;
