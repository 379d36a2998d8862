import { z } from "zod";
import { roleSchema } from "./roles.js";

/**
 * The body of `POST /v1/sessions` (portal sign-in): a staff user's username and password.
 *
 * @example
 * ```ts
 * signInBodySchema.safeParse({ username: "analyst", password: "" }).success; // false
 * ```
 */
export const signInBodySchema = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) })
  .strict();
/** See {@link signInBodySchema}. */
export type SignInBody = z.infer<typeof signInBodySchema>;

/**
 * The `201` answer of a sign-in: the session token (returned once), its id and expiry, the user's
 * organisation, and who signed in.
 *
 * @example
 * ```ts
 * sessionSchema.shape.user.shape.role.options.length; // 4
 * ```
 */
export const sessionSchema = z.object({
  token: z.string(),
  token_id: z.string(),
  expires_at: z.string(),
  organisation: z.string(),
  user: z.object({ username: z.string(), display_name: z.string(), role: roleSchema }),
});
/** See {@link sessionSchema}. */
export type Session = z.infer<typeof sessionSchema>;
