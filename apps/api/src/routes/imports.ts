import multipart from "@fastify/multipart";
import { importParamsSchema, importQuerySchema, importReportSchema } from "@kpi/contract";
import type { ImportFile } from "@kpi/imports";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { batchAdmissionOf } from "../services/batch-admission.js";
import { importReturn } from "../services/imports.js";
import { createBatchWarmups } from "../services/report-response.js";
import { errorResponses } from "./error-responses.js";

/** The most files one import may hold (a return has 11 tables; several years may come together). */
const maxFiles = 200;

/**
 * Statutory imports (role `ingest`): `POST /v1/imports/{kind}` takes the return's files as
 * `multipart/form-data` parts (each file's name may keep its folder, `2017-18/episodes.csv`, which
 * names its collection year), maps them on the server (so the CLI and the portal say the same thing)
 * and answers the import report; `?dry_run=true` writes nothing, `?strict=true` writes nothing if any
 * row would be dropped, `?year=` gives the collection year.
 *
 * @example
 * ```ts
 * await app.register(importRoutes);
 * ```
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  let warmupsMade: ReturnType<typeof createBatchWarmups> | undefined;
  const warmups = () =>
    (warmupsMade ??= createBatchWarmups(app.database.db, { delayMs: app.config.reportWarmupMs ?? 1000 }));

  // Limits that depend on the configuration are given per request (the app's config is read then).
  await app.register(multipart, { preservePath: true, throwFileSizeLimit: true });

  app.post(
    "/v1/imports/:kind",
    {
      config: { access: "ingest" },
      // The files are counted as they arrive (below); a larger declared length is refused before.
      bodyLimit: app.config.maxBodyBytes,
      schema: {
        tags: ["imports"],
        summary:
          "Import a statutory return (SSDA903: CSV tables or the XML message; the CIN census; the social work workforce census) or Ofsted's Annex A workbook, and answer the import report",
        description:
          "Content-Type `multipart/form-data`, one part per file (any part name; the file name may keep its folder, which can name the collection year). The report is answered whether the import is clean, partial or failed; `outcome` says which, and a failed import writes nothing.",
        consumes: ["multipart/form-data"],
        params: importParamsSchema,
        querystring: importQuerySchema,
        response: {
          200: importReportSchema,
          ...errorResponses(400, 401, 403, 404, 413, 415, 422, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (!request.isMultipart())
        throw new ApiError("unsupported_media_type", "Send the return's files as multipart/form-data");
      const files: ImportFile[] = [];
      let total = 0;
      const limits = { fileSize: app.config.maxBodyBytes, files: maxFiles, fields: 10, parts: maxFiles + 10 };
      for await (const part of request.files({ limits, preservePath: true, throwFileSizeLimit: true })) {
        const bytes = await part.toBuffer();
        total += bytes.length;
        if (total > app.config.maxBodyBytes)
          throw new ApiError(
            "payload_too_large",
            `The files are larger than ${app.config.maxBodyBytes} bytes together`,
          );
        files.push({ path: part.filename.replaceAll("\\", "/"), bytes });
      }
      const { year, from, to, dry_run: dryRun, strict } = request.query;
      // Counted with the organisation's posted batches (at most a few at once), and its transaction
      // waits for a slot like theirs (decision 141).
      const leave = batchAdmissionOf(app).enter(caller.organisationId);
      warmups().started(caller.organisationId);
      let changed = false;
      try {
        const report = await importReturn(
          {
            db: app.database.db,
            pseudonymKey: app.pseudonymKey,
            withTransactionSlot: batchAdmissionOf(app).withTransactionSlot,
          },
          {
            caller,
            kind: request.params.kind,
            files,
            ...(year === undefined ? {} : { year }),
            ...(from === undefined ? {} : { from }),
            ...(to === undefined ? {} : { to }),
            dryRun,
            strict,
          },
        );
        changed = report.written.some((w) => w.inserted + w.updated > 0);
        return reply.status(200).send(report);
      } finally {
        leave();
        warmups().ended(caller.organisationId, changed);
      }
    },
  );
};
