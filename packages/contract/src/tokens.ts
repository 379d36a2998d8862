import { z } from "zod";
import { organisationIdSchema } from "./organisations.js";
import { roleSchema } from "./roles.js";
import { storedText } from "./stored-text.js";

/**
 * How many days an `admin` token lives when its creator does not say (decision 144): admin tokens
 * can mint others, so one that leaks must stop working on its own.
 *
 * @example
 * ```ts
 * ADMIN_TOKEN_DEFAULT_DAYS; // 90
 * ```
 */
export const ADMIN_TOKEN_DEFAULT_DAYS = 90;

/**
 * The longest life an `admin` token may be given, in days; other roles may live up to
 * {@link TOKEN_MAX_DAYS} or never expire.
 *
 * @example
 * ```ts
 * ADMIN_TOKEN_MAX_DAYS; // 365
 * ```
 */
export const ADMIN_TOKEN_MAX_DAYS = 365;

/**
 * The longest life any token may be given, in days.
 *
 * @example
 * ```ts
 * TOKEN_MAX_DAYS; // 3650
 * ```
 */
export const TOKEN_MAX_DAYS = 3650;

/**
 * The body of `POST /v1/tokens`: the token's name (recorded against every change it makes), its role,
 * optionally another organisation (admin token only), and optionally `expires_in_days`. Without it an
 * `admin` token expires after {@link ADMIN_TOKEN_DEFAULT_DAYS} days and other tokens never do; an
 * `admin` token lives at most {@link ADMIN_TOKEN_MAX_DAYS} days.
 *
 * @example
 * ```ts
 * createTokenBodySchema.parse({ name: " nightly load ", role: "ingest" }).name; // "nightly load"
 * createTokenBodySchema.safeParse({ name: "ops", role: "admin", expires_in_days: 400 }).success; // false
 * ```
 */
export const createTokenBodySchema = z
  .object({
    name: storedText().trim().min(1).max(100),
    role: roleSchema,
    organisation: organisationIdSchema.optional(),
    expires_in_days: z.number().int().min(1).max(TOKEN_MAX_DAYS).optional(),
  })
  .strict()
  .refine((body) => body.role !== "admin" || (body.expires_in_days ?? 0) <= ADMIN_TOKEN_MAX_DAYS, {
    path: ["expires_in_days"],
    message: `an admin token lives at most ${ADMIN_TOKEN_MAX_DAYS} days`,
  });
/** See {@link createTokenBodySchema}. */
export type CreateTokenBody = z.input<typeof createTokenBodySchema>;

/**
 * A token as listed: never the secret itself. `kind` is `api` for a script's token or `session` for a
 * portal sign-in; `expires_at` and `revoked_at` are `null` when not applicable.
 *
 * @example
 * ```ts
 * tokenInfoSchema.shape.kind.options; // ["api", "session"]
 * ```
 */
export const tokenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  kind: z.enum(["api", "session"]),
  created_by: z.string(),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
/** See {@link tokenInfoSchema}. */
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

/**
 * The `201` answer of `POST /v1/tokens`: the token's details, its organisation and the secret `token`,
 * shown this once only.
 *
 * @example
 * ```ts
 * Object.keys(createdTokenSchema.shape).includes("token"); // true
 * ```
 */
export const createdTokenSchema = tokenInfoSchema.extend({ token: z.string(), organisation: z.string() });
/** See {@link createdTokenSchema}. */
export type CreatedToken = z.infer<typeof createdTokenSchema>;

/**
 * The answer to `GET /v1/tokens`: the organisation's tokens without their secrets.
 *
 * @example
 * ```ts
 * tokenListSchema.parse({ tokens: [] }).tokens.length; // 0
 * ```
 */
export const tokenListSchema = z.object({ tokens: z.array(tokenInfoSchema) });
/** See {@link tokenListSchema}. */
export type TokenList = z.infer<typeof tokenListSchema>;

/**
 * The path of `DELETE /v1/tokens/{id}`: a token id (a UUID).
 *
 * @example
 * ```ts
 * tokenParamsSchema.safeParse({ id: "not-a-uuid" }).success; // false
 * ```
 */
export const tokenParamsSchema = z.object({ id: z.uuid() });
/** See {@link tokenParamsSchema}. */
export type TokenParams = z.infer<typeof tokenParamsSchema>;
