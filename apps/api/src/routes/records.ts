import { Readable } from "node:stream";
import { type DatasetName, isDatasetName } from "@kpi/catalogue";
import {
  batchResultSchema,
  recordParamsSchema,
  recordsHeadersSchema,
  recordsParamsSchema,
  recordsQuerySchema,
} from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { bodyFormatOf } from "../services/body-format.js";
import { declarationOf } from "../services/sources.js";
import { errorResponses } from "./error-responses.js";

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

  app.post(
    "/v1/datasets/:dataset/records",
    {
      config: { access: "ingest" },
      // Streamed and metered by the ingestion service; the app's preParsing check refuses a larger
      // declared length before anything is read.
      bodyLimit: app.config.maxBodyBytes,
      schema: {
        tags: ["records"],
        summary: "Post a batch of records (JSON, NDJSON or CSV; streamed; atomic)",
        description:
          "Content-Type `application/json` with `{ \"records\": [ … ] }`, `application/x-ndjson` with one record per line, or `text/csv` with a header row of field names. The query may declare what the records are complete for: `covers_from` and `covers_to` (a period; `source_kind=statutory` for a statutory return's collection year), or `as_of` with an optional `history_from` (an extract), and `source_name`. Without a declaration the coverage is inferred from the records and shown as inferred. `mode=replace` with a declaration replaces only the dataset's records within the coverage (ranges overlapping it, events and snapshots dated in it); without one, the batch becomes the dataset's whole content. The response's `coverage` is the source the batch recorded.",
        consumes: ["application/json", "application/x-ndjson", "text/csv"],
        params: recordsParamsSchema,
        querystring: recordsQuerySchema,
        headers: recordsHeadersSchema,
        response: {
          200: batchResultSchema,
          ...errorResponses(400, 401, 403, 404, 408, 413, 415, 422, 429, 503),
        },
      },
    },
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
  );

  app.delete(
    "/v1/datasets/:dataset/records/:key",
    {
      config: { access: "ingest" },
      schema: {
        tags: ["records"],
        summary: "Delete one record by its key (as posted: raw identifiers, `|` between key parts)",
        params: recordParamsSchema,
        response: { 200: batchResultSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const dataset = datasetOf(request.params.dataset);
      return app.ingestion.deleteRecord(caller, dataset, request.params.key);
    },
  );
};
