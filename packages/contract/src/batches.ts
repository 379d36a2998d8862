import { coverageSourceSchema } from "@kpi/catalogue";
import { z } from "zod";
import { storedText } from "./stored-text.js";

/**
 * How a batch changed a dataset: `upsert` (insert or update by key), `replace` (also delete the
 * dataset's records not in the batch) or `delete` (one record removed by key).
 *
 * @example
 * ```ts
 * batchModeSchema.options; // ["upsert", "replace", "delete"]
 * ```
 */
export const batchModeSchema = z.enum(["upsert", "replace", "delete"]);
/** See {@link batchModeSchema}. */
export type BatchMode = z.infer<typeof batchModeSchema>;

/**
 * What one atomic batch did: the answer to `POST /v1/datasets/{dataset}/records` and to a record
 * `DELETE`, with the coverage it recorded: the source the batch now stands for (declared, or inferred
 * from its records), or `null` (an undated dataset, a batch without dated records, a `DELETE`).
 *
 * @example
 * ```ts
 * const counts = { received: 2, inserted: 2, updated: 0, unchanged: 0, deleted: 0 };
 * const batch = { batch_id: "b1", dataset: "children", mode: "upsert", ...counts, coverage: null };
 * batchResultSchema.parse(batch).inserted; // 2
 * ```
 */
export const batchResultSchema = z.object({
  batch_id: z.string(),
  dataset: z.string(),
  mode: batchModeSchema,
  received: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deleted: z.number().int(),
  coverage: coverageSourceSchema.nullable(),
});
/** See {@link batchResultSchema}. */
export type BatchResult = z.infer<typeof batchResultSchema>;

/**
 * The query of `GET /v1/batches`: an optional dataset, a page size (1–1,000, default 100) and `before`,
 * the `created_at` of the last batch of the previous page.
 *
 * @example
 * ```ts
 * batchListQuerySchema.parse({ limit: "20" }).limit; // 20
 * batchListQuerySchema.parse({}).limit; // 100
 * ```
 */
export const batchListQuerySchema = z.object({
  dataset: storedText().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
});
/** The query as sent (strings allowed); see {@link batchListQuerySchema}. */
export type BatchListQuery = z.input<typeof batchListQuerySchema>;

/**
 * One batch of the list: what it received and changed, and which token (`token_id`, `null` for a
 * portal user or the admin token) or person (`actor`) sent it.
 *
 * @example
 * ```ts
 * batchSummarySchema.shape.token_id.safeParse(null).success; // true
 * ```
 */
export const batchSummarySchema = z.object({
  id: z.string(),
  dataset: z.string(),
  mode: batchModeSchema,
  actor: z.string(),
  token_id: z.string().nullable(),
  received: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deleted: z.number().int(),
  created_at: z.string(),
});
/** See {@link batchSummarySchema}. */
export type BatchSummary = z.infer<typeof batchSummarySchema>;

/**
 * The answer to `GET /v1/batches`: the organisation's batches, newest first.
 *
 * @example
 * ```ts
 * batchListSchema.parse({ batches: [] }).batches.length; // 0
 * ```
 */
export const batchListSchema = z.object({ batches: z.array(batchSummarySchema) });
/** See {@link batchListSchema}. */
export type BatchList = z.infer<typeof batchListSchema>;
