import { z } from "zod";

/**
 * The codes an API error can carry; each maps to one HTTP status (see `docs/api.md`).
 *
 * @example
 * ```ts
 * apiErrorCodes.includes("validation_failed"); // true
 * ```
 */
export const apiErrorCodes = [
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "validation_failed",
  "malformed_body",
  "unsupported_media_type",
  "payload_too_large",
  "idempotency_key_reused",
  "request_timeout",
  "rate_limited",
  "unavailable",
  "internal",
] as const;
/** One of {@link apiErrorCodes}. */
export type ApiErrorCode = (typeof apiErrorCodes)[number];

/**
 * One problem with a request: `row` (0-based within the posted batch) only for record batches, `field`
 * when one field is at fault.
 *
 * @example
 * ```ts
 * issueSchema.parse({ row: 3, field: "start_date", message: "start_date: must be a date" }).row; // 3
 * ```
 */
export const issueSchema = z.object({
  row: z.number().int().optional(),
  field: z.string().optional(),
  message: z.string(),
});
/** See {@link issueSchema}. */
export type Issue = z.infer<typeof issueSchema>;

/**
 * The body of every error response: `{ error: { code, message, issues?, issue_count? } }`;
 * `issue_count` is the total when `issues` was capped at 1,000.
 *
 * @example
 * ```ts
 * errorBodySchema.parse({ error: { code: "not_found", message: "Unknown dataset" } }).error.code; // "not_found"
 * errorBodySchema.safeParse({ error: { code: "teapot", message: "?" } }).success; // false
 * ```
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string(),
    issues: z.array(issueSchema).optional(),
    issue_count: z.number().int().optional(),
  }),
});
/** See {@link errorBodySchema}. */
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * {@link errorBodySchema} as a client reads it: the same body with `code` any string, so a client
 * released before a code was added still reports the API's message and status (codes added later are
 * backwards compatible for clients that treat unknown codes by HTTP status; decision 073). The API
 * itself declares {@link errorBodySchema}.
 *
 * @example
 * ```ts
 * tolerantErrorBodySchema.parse({ error: { code: "teapot", message: "Short and stout" } }).error.code; // "teapot"
 * ```
 */
export const tolerantErrorBodySchema = z.object({
  error: errorBodySchema.shape.error.extend({ code: z.string() }),
});
/** See {@link tolerantErrorBodySchema}. */
export type TolerantErrorBody = z.infer<typeof tolerantErrorBodySchema>;
