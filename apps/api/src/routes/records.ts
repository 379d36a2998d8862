import { Readable } from "node:stream";
import { type DatasetName, isDatasetName } from "@kpi/catalogue";
import { routes } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { bodyFormatOf } from "../services/body-format.js";
import { declarationOf } from "../services/sources.js";
import { registerRoute } from "./register-route.js";

function datasetOf(name: string): DatasetName {
  if (!isDatasetName(name)) throw new ApiError("not_found", "Unknown dataset; GET /v1/datasets lists them");
  return name;
}

/**
 * Record ingestion (role `ingest`): `POST /v1/datasets/{dataset}/records` streams a JSON
 * (`{ "records": [ … ] }`), NDJSON or CSV body into the store as one atomic batch (`?mode=replace`
 * deletes the dataset's records not in the batch, within its declared coverage when the query declares
 * one; `Idempotency-Key` makes retries safe), and
 * `DELETE /v1/datasets/{dataset}/records/{key}` removes one record. Bodies are handed to the ingestion
 * service as raw streams (never buffered), so this module registers its own content-type parsers. An
 * organisation may have a few batches in progress at once (`429` beyond), and an upload that pauses
 * for `KPI_BODY_IDLE_SECONDS` is ended with `408`.
 *
 * @example
 * ```ts
 * await app.register(recordRoutes);
 * ```
 */
export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (_request, payload, done) => done(null, payload));

  // Streamed and metered by the ingestion service; the app's preParsing check refuses a larger
  // declared length before anything is read.
  registerRoute(
    app,
    routes.postRecords,
    async (request, reply) => {
      const caller = callerOf(request);
      const dataset = datasetOf(request.params.dataset);
      const format = bodyFormatOf(request.headers["content-type"]);
      if (format === null) {
        throw new ApiError(
          "unsupported_media_type",
          "Send Content-Type application/json, application/x-ndjson or text/csv (UTF-8)",
        );
      }
      const body = (request.body ?? Readable.from([])) as AsyncIterable<Buffer | string>;
      const idempotencyKey = request.headers["idempotency-key"];
      const declaration = declarationOf(request.query);
      // Admitted (a few batches per organisation at once, a transaction slot each: decision 141) and
      // announced to the other services by the ingestion service.
      const outcome = await app.ingestion.ingest({
        caller,
        dataset,
        mode: request.query.mode,
        format,
        body,
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        ...(declaration === undefined ? {} : { declaration }),
      });
      if (outcome.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(200).send(outcome.result);
    },
    { bodyLimit: app.config.maxBodyBytes },
  );

  registerRoute(app, routes.deleteRecord, async (request) => {
    const caller = callerOf(request);
    const dataset = datasetOf(request.params.dataset);
    return app.ingestion.deleteRecord(caller, dataset, request.params.key);
  });
};
