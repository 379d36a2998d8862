import { routes } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../plugins/auth.js";
import { describeDatasets } from "../services/datasets.js";
import { registerRoute } from "./register-route.js";

/**
 * `GET /v1/datasets` (role `read`): every dataset of the data contract with its key and fields,
 * generated from the same schemas that validate records, and the caller's organisation's coverage of
 * each (the spans its records are complete for, and the sources behind them).
 *
 * @example
 * ```ts
 * await app.register(datasetRoutes);
 * ```
 */
export const datasetRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.listDatasets, async (request) =>
    describeDatasets(app.database.db, callerOf(request).organisationId),
  );
};
