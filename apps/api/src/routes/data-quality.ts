import { routes } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../plugins/auth.js";
import { findDataQualityIssues } from "../services/data-quality.js";
import { registerRoute } from "./register-route.js";

/**
 * `GET /v1/data-quality?as_at=YYYY-MM-DD` (role `read`): data-quality findings over the caller's
 * organisation's records (overlapping care episodes, children never posted, plans open for years…).
 * Keys are the record keys as stored: child and worker parts are pseudonyms. `as_at` defaults to today.
 *
 * @example
 * ```ts
 * await app.register(dataQualityRoutes);
 * ```
 */
export const dataQualityRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.dataQuality, async (request) => {
    const asAt = request.query.as_at ?? new Date().toISOString().slice(0, 10);
    const findings = await findDataQualityIssues(app.database.db, callerOf(request).organisationId, asAt);
    return { as_at: asAt, findings };
  });
};
