import { datasetListSchema } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../plugins/auth.js";
import { describeDatasets } from "../services/datasets.js";
import { errorResponses } from "./error-responses.js";

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
  app.get(
    "/v1/datasets",
    {
      config: { access: "read" },
      schema: {
        tags: ["records"],
        summary: "List the datasets, their fields, and what the organisation's records of each cover",
        response: { 200: datasetListSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => describeDatasets(app.database.db, callerOf(request).organisationId),
  );
};
