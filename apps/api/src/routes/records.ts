import { Readable } from "node:stream";
import { type DatasetName, isDatasetName } from "@kpi/catalogue";
import { routes } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { batchAdmissionOf } from "../services/batch-admission.js";
import { bodyFormatOf } from "../services/body-format.js";
import { ingestBatch } from "../services/ingest.js";
import { deleteRecord } from "../services/records.js";
import { createBatchWarmups } from "../services/report-response.js";
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
  /**
   * Warms the organisation's latest report once its batches settle (decision 118); made on first use,
   * as the database is only there once the app is ready.
   */
  let warmupsMade: ReturnType<typeof createBatchWarmups> | undefined;
  const warmups = () =>
    (warmupsMade ??= createBatchWarmups(app.database.db, {
      delayMs: app.config.reportWarmupMs ?? 1000,
      onSettled: (outcome) => {
        if ("error" in outcome)
          app.log.debug("report warm-up did not finish; the next request builds the report");
      },
    }));

  /**
   * At most `maxBatchesPerOrganisation` batches per organisation at once, and on PostgreSQL at most
   * the pool's size less two batch transactions, so reads always find a connection (decision 141).
   */
  const admission = () => batchAdmissionOf(app);

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
      const leave = admission().enter(caller.organisationId);
      warmups().started(caller.organisationId);
      let changed = false;
      try {
        const outcome = await ingestBatch(
          {
            db: app.database.db,
            pseudonymKey: app.pseudonymKey,
            maxBodyBytes: app.config.maxBodyBytes,
            bodyIdleMs: app.config.bodyIdleMs,
            withTransactionSlot: admission().withTransactionSlot,
          },
          {
            caller,
            dataset,
            mode: request.query.mode,
            format,
            body,
            ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
            ...(declaration === undefined ? {} : { declaration }),
          },
        );
        changed = !outcome.replayed;
        if (outcome.replayed) reply.header("idempotent-replayed", "true");
        return reply.status(200).send(outcome.result);
      } finally {
        leave();
        warmups().ended(caller.organisationId, changed);
      }
    },
    { bodyLimit: app.config.maxBodyBytes },
  );

  registerRoute(app, routes.deleteRecord, async (request) => {
    const caller = callerOf(request);
    const dataset = datasetOf(request.params.dataset);
    warmups().started(caller.organisationId);
    let changed = false;
    try {
      const { batchId } = await deleteRecord(
        { db: app.database.db, pseudonymKey: app.pseudonymKey },
        caller,
        dataset,
        request.params.key,
      );
      changed = true;
      return {
        batch_id: batchId,
        dataset,
        mode: "delete" as const,
        received: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        deleted: 1,
        coverage: null,
      };
    } finally {
      warmups().ended(caller.organisationId, changed);
    }
  });
};
