import { healthSchema } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DatabaseNotReady } from "../db/database.js";
import { ApiError } from "../errors.js";
import { errorResponses } from "./error-responses.js";

/** How long `/readyz` waits for the database before answering that it is not ready. */
const readinessWaitMs = 2_000;

/**
 * `GET /healthz` (liveness: the process answers; no authentication, no database) and `GET /readyz`
 * (readiness: the database answers a query within 2 s; otherwise `503 unavailable` saying why, for
 * instance that every connection is in use: it never waits longer).
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
        await app.database.ping(readinessWaitMs);
      } catch (error) {
        const reason = error instanceof DatabaseNotReady ? error.message : "The database cannot be reached";
        throw new ApiError("unavailable", `Not ready: ${reason}`);
      }
      return { status: "ok" as const };
    },
  );
};
