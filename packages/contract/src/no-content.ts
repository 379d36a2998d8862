import { z } from "zod";

/**
 * The (empty) body of a `204 No Content` answer, such as a revoked token or a signed-out session.
 *
 * @example
 * ```ts
 * noContentSchema.safeParse(null).success; // true
 * ```
 */
export const noContentSchema = z.null();
/** See {@link noContentSchema}. */
export type NoContent = z.infer<typeof noContentSchema>;
