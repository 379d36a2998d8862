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

/**
 * The answer of `GET /`: where to start with the API — its reference, its OpenAPI document, its
 * health checks, and the versioned routes' prefix — so the address `npm start` prints answers.
 *
 * @example
 * ```ts
 * const links = { reference: "/docs", openapi: "/openapi.json", health: "/healthz", readiness: "/readyz" };
 * apiIndexSchema.parse({ name: "Children's services performance API", ...links, routes: "/v1/" }).reference; // "/docs"
 * ```
 */
export const apiIndexSchema = z.object({
  name: z.string(),
  reference: z.string(),
  openapi: z.string(),
  health: z.string(),
  readiness: z.string(),
  routes: z.string(),
});
/** See {@link apiIndexSchema}. */
export type ApiIndex = z.infer<typeof apiIndexSchema>;
