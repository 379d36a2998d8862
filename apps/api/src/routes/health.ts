import { healthSchema } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { errorResponses } from "./error-responses.js";

/**
 * `GET /healthz` (liveness: the process answers; no authentication, no database) and `GET /readyz`
 * (readiness: the database answers; `503 unavailable` when it does not).
 *
 * @example
 * ```ts
 * await app.register(healthRoutes);
 * ```
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/healthz",
    {
      config: { access: "public", rateLimit: false },
      schema: { tags: ["health"], summary: "Liveness", security: [], response: { 200: healthSchema } },
    },
    async () => ({ status: "ok" as const }),
  );
  app.get(
    "/readyz",
    {
      config: { access: "public", rateLimit: false },
      schema: {
        tags: ["health"],
        summary: "Readiness: the database answers",
        security: [],
        response: { 200: healthSchema, ...errorResponses(503) },
      },
    },
    async () => {
      try {
        await app.database.ping();
      } catch {
        throw new ApiError("unavailable", "The database is unavailable");
      }
      return { status: "ok" as const };
    },
  );
};
