import { z } from "zod";
import { organisationIdSchema } from "./organisations.js";
import { roleSchema } from "./roles.js";

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
    password: z.string().min(12, "use at least 12 characters").max(1000),
    display_name: z.string().trim().min(1).max(200),
    role: roleSchema,
    organisation: organisationIdSchema.optional(),
  })
  .strict();
/** See {@link createUserBodySchema}. */
export type CreateUserBody = z.input<typeof createUserBodySchema>;

/**
 * A staff user as the API returns it (`201` of `POST /v1/users`); never the password.
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
});
/** See {@link userSchema}. */
export type User = z.infer<typeof userSchema>;
