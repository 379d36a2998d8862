import { z } from "zod";

/**
 * The roles a token or staff user can hold: `read` (held by all), `ingest` (post records), `analyst`
 * (targets and analysis text) and `admin` (everything, including tokens and users).
 *
 * @example
 * ```ts
 * roleSchema.options; // ["read", "ingest", "analyst", "admin"]
 * ```
 */
export const roleSchema = z.enum(["read", "ingest", "analyst", "admin"]);
/** See {@link roleSchema}. */
export type Role = z.infer<typeof roleSchema>;
