import { routes } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DatabaseNotReady } from "../db/database.js";
import { ApiError } from "../errors.js";
import { registerRoute } from "./register-route.js";

/** How long `/readyz` waits for the database before answering that it is not ready. */
const readinessWaitMs = 2_000;

/**
 * `GET /` (where to start: the reference, the OpenAPI document, the health checks), `GET /healthz` (liveness: the process answers; no authentication, no database) and `GET /readyz`
 * (readiness: the database answers a query within 2 s; otherwise `503 unavailable` saying why, for
 * instance that every connection is in use: it never waits longer).
 *
 * @example
 * ```ts
 * await app.register(healthRoutes);
 * ```
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // The address `npm start` prints: where to go from here.
  registerRoute(app, routes.apiIndex, async () => ({
    name: "Children's services performance API",
    reference: "/docs",
    openapi: "/openapi.json",
    health: "/healthz",
    readiness: "/readyz",
    routes: "/v1/",
  }));
  registerRoute(app, routes.healthz, async () => ({ status: "ok" as const }), { rateLimit: false });
  registerRoute(
    app,
    routes.readyz,
    async () => {
      try {
        await app.database.ping(readinessWaitMs);
      } catch (error) {
        const reason = error instanceof DatabaseNotReady ? error.message : "The database cannot be reached";
        throw new ApiError("unavailable", `Not ready: ${reason}`);
      }
      return { status: "ok" as const };
    },
    { rateLimit: false },
  );
};
