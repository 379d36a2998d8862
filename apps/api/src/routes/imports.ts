import multipart from "@fastify/multipart";
import { routes } from "@kpi/contract";
import type { ImportFile } from "@kpi/imports";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { registerRoute } from "./register-route.js";

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
  // Limits that depend on the configuration are given per request (the app's config is read then).
  await app.register(multipart, { preservePath: true, throwFileSizeLimit: true });

  // The files are counted as they arrive (below); a larger declared length is refused before.
  registerRoute(
    app,
    routes.importReturn,
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
      const report = await app.ingestion.importReturn({
        caller,
        kind: request.params.kind,
        files,
        ...(year === undefined ? {} : { year }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        dryRun,
        strict,
      });
      return reply.status(200).send(report);
    },
    { bodyLimit: app.config.maxBodyBytes },
  );
};
