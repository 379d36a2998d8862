import { z } from "zod";
import { organisationIdSchema } from "./organisations.js";
import { roleSchema } from "./roles.js";
import { storedText } from "./stored-text.js";

/**
 * The body of `POST /v1/sessions` (portal sign-in): a staff user's username and password, and the
 * organisation they belong to. Usernames are unique within an organisation only (decision 143):
 * without `organisation`, the API signs in the one user with that username if there is exactly one.
 *
 * @example
 * ```ts
 * signInBodySchema.safeParse({ username: "analyst", password: "" }).success; // false
 * signInBodySchema.safeParse({ username: "analyst", password: "x", organisation: "demo-la" }).success; // true
 * ```
 */
export const signInBodySchema = z
  .object({
    username: storedText().min(1).max(100),
    password: storedText().min(1).max(1000),
    organisation: organisationIdSchema.optional(),
  })
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

/**
 * A live portal session as an administrator sees it (`GET /v1/sessions`): who it acts as, when it
 * started and when it ends. Never the token itself.
 *
 * @example
 * ```ts
 * Object.keys(sessionInfoSchema.shape); // ["id", "username", "display_name", "role", "created_at", "expires_at"]
 * ```
 */
export const sessionInfoSchema = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  role: roleSchema,
  created_at: z.string(),
  expires_at: z.string(),
});
/** See {@link sessionInfoSchema}. */
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/**
 * The answer to `GET /v1/sessions` (admin): the organisation's live portal sessions, newest first.
 *
 * @example
 * ```ts
 * sessionListSchema.parse({ sessions: [] }).sessions.length; // 0
 * ```
 */
export const sessionListSchema = z.object({ sessions: z.array(sessionInfoSchema) });
/** See {@link sessionListSchema}. */
export type SessionList = z.infer<typeof sessionListSchema>;

/**
 * The path of `DELETE /v1/sessions/{id}` (admin: end someone's session): a session id (a UUID).
 *
 * @example
 * ```ts
 * sessionParamsSchema.safeParse({ id: "current" }).success; // false
 * ```
 */
export const sessionParamsSchema = z.object({ id: z.uuid() });
/** See {@link sessionParamsSchema}. */
export type SessionParams = z.infer<typeof sessionParamsSchema>;
