import { z } from "zod";

/**
 * The answer of `GET /healthz` (the process answers) and `GET /readyz` (the database answers).
 *
 * @example
 * ```ts
 * healthSchema.parse({ status: "ok" }).status; // "ok"
 * ```
 */
export const healthSchema = z.object({ status: z.literal("ok") });
/** See {@link healthSchema}. */
export type Health = z.infer<typeof healthSchema>;
