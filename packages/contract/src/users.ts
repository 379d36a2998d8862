import { z } from "zod";
import { organisationIdSchema } from "./organisations.js";
import { roleSchema } from "./roles.js";
import { storedText } from "./stored-text.js";

/**
 * The body of `POST /v1/users`: a staff user who signs in to the portal. `organisation` may name
 * another organisation only with the admin token.
 *
 * @example
 * ```ts
 * const user = { username: "a.analyst", display_name: "A Analyst", role: "analyst" };
 * createUserBodySchema.safeParse({ ...user, password: "correct horse battery" }).success; // true
 * createUserBodySchema.safeParse({ ...user, password: "short" }).success; // false
 * ```
 */
export const createUserBodySchema = z
  .object({
    username: z.string().regex(/^[A-Za-z0-9._@-]{3,100}$/, "use 3–100 letters, digits and . _ @ -"),
    password: storedText().min(12, "use at least 12 characters").max(1000),
    display_name: storedText().trim().min(1).max(200),
    role: roleSchema,
    organisation: organisationIdSchema.optional(),
  })
  .strict();
/** See {@link createUserBodySchema}. */
export type CreateUserBody = z.input<typeof createUserBodySchema>;

/**
 * A staff user as the API returns it (`201` of `POST /v1/users`, the users list); never the password.
 * `disabled_at` is when an administrator disabled the user (`null` while they may sign in).
 *
 * @example
 * ```ts
 * Object.keys(userSchema.shape).includes("password"); // false
 * ```
 */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  role: roleSchema,
  organisation: z.string(),
  created_at: z.string(),
  disabled_at: z.string().nullable(),
});
/** See {@link userSchema}. */
export type User = z.infer<typeof userSchema>;

/**
 * The answer to `GET /v1/users` (admin): the organisation's staff users, by username.
 *
 * @example
 * ```ts
 * userListSchema.parse({ users: [] }).users.length; // 0
 * ```
 */
export const userListSchema = z.object({ users: z.array(userSchema) });
/** See {@link userListSchema}. */
export type UserList = z.infer<typeof userListSchema>;

/**
 * The path of `PATCH /v1/users/{id}`: a user id (a UUID).
 *
 * @example
 * ```ts
 * userParamsSchema.safeParse({ id: "jsmith" }).success; // false
 * ```
 */
export const userParamsSchema = z.object({ id: z.uuid() });
/** See {@link userParamsSchema}. */
export type UserParams = z.infer<typeof userParamsSchema>;

/**
 * The body of `PATCH /v1/users/{id}` (admin): `disabled: true` stops the user signing in and ends
 * every session they have, on every API instance; `disabled: false` lets them sign in again.
 *
 * @example
 * ```ts
 * updateUserBodySchema.safeParse({ disabled: true }).success; // true
 * updateUserBodySchema.safeParse({ role: "admin" }).success; // false
 * ```
 */
export const updateUserBodySchema = z.object({ disabled: z.boolean() }).strict();
/** See {@link updateUserBodySchema}. */
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;
