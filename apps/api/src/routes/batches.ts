import { isDatasetName } from "@kpi/catalogue";
import { routes } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { listBatches } from "../services/batches.js";
import { registerRoute } from "./register-route.js";

/**
 * `GET /v1/batches` (role `read`): the caller's organisation's batches, newest first, with what each
 * received and changed and which token or person sent it. `?dataset=` filters; `?before=` (a
 * `created_at` from the previous page) pages.
 *
 * @example
 * ```ts
 * await app.register(batchRoutes);
 * ```
 */
export const batchRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.listBatches, async (request) => {
    const { dataset, limit, before } = request.query;
    if (dataset !== undefined && !isDatasetName(dataset)) {
      throw new ApiError("not_found", "Unknown dataset; GET /v1/datasets lists them");
    }
    const list = await listBatches(app.database.db, callerOf(request).organisationId, {
      limit,
      ...(dataset === undefined ? {} : { dataset }),
      ...(before === undefined ? {} : { before: new Date(before) }),
    });
    return {
      batches: list.map((b) => ({
        id: b.id,
        dataset: b.dataset,
        mode: b.mode,
        actor: b.actor,
        token_id: b.tokenId,
        received: b.received,
        inserted: b.inserted,
        updated: b.updated,
        unchanged: b.unchanged,
        deleted: b.deleted,
        created_at: b.createdAt,
      })),
    };
  });
};
