import { z } from "zod";
import { storedText } from "./stored-text.js";

const datasetParam = storedText().max(100);

/**
 * The path of `POST /v1/datasets/{dataset}/records`. Any name up to 100 characters passes: an unknown
 * dataset is answered `404 not_found`, not `422`.
 *
 * @example
 * ```ts
 * recordsParamsSchema.parse({ dataset: "children" }).dataset; // "children"
 * ```
 */
export const recordsParamsSchema = z.object({ dataset: datasetParam });
/** See {@link recordsParamsSchema}. */
export type RecordsParams = z.infer<typeof recordsParamsSchema>;

/**
 * The query of a records post: `mode=upsert` (default) or `mode=replace` (delete the dataset's records
 * not in the batch).
 *
 * @example
 * ```ts
 * recordsQuerySchema.parse({}).mode; // "upsert"
 * recordsQuerySchema.safeParse({ mode: "delete" }).success; // false
 * ```
 */
export const recordsQuerySchema = z.object({ mode: z.enum(["upsert", "replace"]).default("upsert") });
/** The query as sent (mode optional); see {@link recordsQuerySchema}. */
export type RecordsQuery = z.input<typeof recordsQuerySchema>;

/**
 * The headers of a records post the API reads besides content type and length: an optional
 * `Idempotency-Key` of 1–200 printable ASCII characters that makes a retry safe.
 *
 * @example
 * ```ts
 * recordsHeadersSchema.safeParse({ "idempotency-key": "run-1:batch-0" }).success; // true
 * recordsHeadersSchema.safeParse({ "idempotency-key": "" }).success; // false
 * ```
 */
export const recordsHeadersSchema = z.looseObject({
  "idempotency-key": z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, "use 1–200 printable ASCII characters")
    .optional(),
});
/** See {@link recordsHeadersSchema}. */
export type RecordsHeaders = z.infer<typeof recordsHeadersSchema>;

/**
 * The path of `DELETE /v1/datasets/{dataset}/records/{key}`: the record's key as posted (raw
 * identifiers, `|` between key parts).
 *
 * @example
 * ```ts
 * recordParamsSchema.parse({ dataset: "cp_plans", key: "C1|2019-04-01" }).key; // "C1|2019-04-01"
 * ```
 */
export const recordParamsSchema = z.object({ dataset: datasetParam, key: storedText().min(1).max(1000) });
/** See {@link recordParamsSchema}. */
export type RecordParams = z.infer<typeof recordParamsSchema>;
