import { seriesQuerySchema, seriesSetSchema } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../plugins/auth.js";
import { indicatorSeriesSet } from "../services/series.js";
import { errorResponses } from "./error-responses.js";

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
  app.get(
    "/v1/series",
    {
      config: { access: "read" },
      schema: {
        tags: ["indicators"],
        summary:
          "Every indicator's values per period, oldest first, in one response (default: the latest quarter with data)",
        querystring: seriesQuerySchema,
        response: { 200: seriesSetSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => {
      const snapshot = await app.evaluation.snapshot(callerOf(request).organisationId);
      return indicatorSeriesSet(app.database.db, snapshot, request.query);
    },
  );
};
