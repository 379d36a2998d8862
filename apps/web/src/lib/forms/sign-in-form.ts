import { z } from "zod";

/**
 * The sign-in form: the same limits as `POST /v1/sessions`, with messages a person can act on.
 *
 * @example
 * ```ts
 * signInFormSchema.safeParse({ username: "j.smith", password: "" }).success; // false
 * ```
 */
export const signInFormSchema = z.object({
  username: z.string().trim().min(1, "Enter your username").max(100, "Usernames are at most 100 characters"),
  password: z.string().min(1, "Enter your password").max(1000, "Passwords are at most 1,000 characters"),
});
/** See {@link signInFormSchema}. */
export type SignInForm = z.infer<typeof signInFormSchema>;
