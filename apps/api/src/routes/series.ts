import { routes } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../plugins/auth.js";
import { indicatorSeriesSet } from "../services/series.js";
import { registerRoute } from "./register-route.js";

/**
 * The series route: every indicator's values over one range in one response, for views that draw many
 * indicators at once (the portal's dashboard sparklines) instead of one values request per indicator.
 *
 * @example
 * ```ts
 * await app.register(seriesRoutes);
 * ```
 */
export const seriesRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.series, async (request) => {
    const snapshot = await app.evaluation.snapshot(callerOf(request).organisationId);
    return indicatorSeriesSet(app.database.db, snapshot, request.query);
  });
};
