import { coverageSourceSchema, dateSpanSchema } from "@kpi/catalogue";
import { z } from "zod";

export {
  type CoverageSource,
  coverageSourceSchema,
  type DatasetName,
  type DateSpan,
  datasetNames,
  dateSpanSchema,
  describeSpan,
  describeSpans,
  isDatasetName,
  type SourceKind,
  sourceKindSchema,
} from "@kpi/catalogue";

/**
 * One field of a dataset as `GET /v1/datasets` describes it: its type (`text`, `date`, `code`,
 * `integer`, …), whether a record must carry it, and the allowed codes of a coded field.
 *
 * @example
 * ```ts
 * const sex = { name: "sex", type: "code", required: true, description: "Sex" };
 * datasetFieldSchema.parse({ ...sex, codes: [{ code: "F", label: "Female" }] }).codes?.length; // 1
 * ```
 */
export const datasetFieldSchema = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  description: z.string(),
  codes: z.array(z.object({ code: z.string(), label: z.string() })).optional(),
});
/** See {@link datasetFieldSchema}. */
export type DatasetField = z.infer<typeof datasetFieldSchema>;

/**
 * How a dataset's records lie in time, which says what "its records within a span" are (what a source
 * covering the span vouches for, and what `mode=replace` with a declared coverage replaces):
 * `events` dated in the span by `field`, `ranges` (`start_date`–`end_date`) overlapping it, `snapshots`
 * dated in it by `field`, or `undated` (no date coverage).
 *
 * @example
 * ```ts
 * datasetDatingSchema.parse({ kind: "events", field: "contact_date" }).field; // "contact_date"
 * datasetDatingSchema.parse({ kind: "undated", field: null }).kind; // "undated"
 * ```
 */
export const datasetDatingSchema = z.object({
  kind: z.enum(["events", "ranges", "snapshots", "undated"]),
  field: z.string().nullable(),
});
/** See {@link datasetDatingSchema}. */
export type DatasetDating = z.infer<typeof datasetDatingSchema>;

/**
 * A source of a dataset as `GET /v1/datasets` lists it: the source (span, kind, name, when received)
 * with the batch that recorded it and who sent that batch.
 *
 * @example
 * ```ts
 * Object.keys(datasetSourceSchema.shape).includes("actor"); // true
 * ```
 */
export const datasetSourceSchema = coverageSourceSchema.extend({
  batch_id: z.string().nullable(),
  actor: z.string(),
});
/** See {@link datasetSourceSchema}. */
export type DatasetSource = z.infer<typeof datasetSourceSchema>;

/**
 * What the caller's organisation holds of a dataset: the spans its records are complete for (the
 * union of its current sources', oldest first; empty when nothing is loaded, or for an undated
 * dataset) and those sources, oldest span first.
 *
 * @example
 * ```ts
 * datasetCoverageSchema.parse({ spans: [{ from: "2017-04-01", to: "2018-03-31" }], sources: [] }).spans.length; // 1
 * ```
 */
export const datasetCoverageSchema = z.object({
  spans: z.array(dateSpanSchema),
  sources: z.array(datasetSourceSchema),
});
/** See {@link datasetCoverageSchema}. */
export type DatasetCoverage = z.infer<typeof datasetCoverageSchema>;

/**
 * One dataset of the data contract: its key fields, the fields holding a person's identifier
 * (pseudonymised on receipt), its date fields and how its records lie in time, every field, and what
 * the caller's organisation holds of it (its coverage and sources).
 *
 * @example
 * ```ts
 * Object.keys(datasetDescriptionSchema.shape).includes("person_fields"); // true
 * Object.keys(datasetDescriptionSchema.shape).includes("coverage"); // true
 * ```
 */
export const datasetDescriptionSchema = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  key: z.array(z.string()),
  person_fields: z.array(z.string()),
  date_fields: z.array(z.string()),
  dating: datasetDatingSchema,
  fields: z.array(datasetFieldSchema),
  coverage: datasetCoverageSchema,
});
/** See {@link datasetDescriptionSchema}. */
export type DatasetDescription = z.infer<typeof datasetDescriptionSchema>;

/**
 * The answer to `GET /v1/datasets`: every dataset, generated from the schemas that validate records,
 * with the caller's organisation's coverage of each.
 *
 * @example
 * ```ts
 * datasetListSchema.parse({ datasets: [] }).datasets.length; // 0
 * ```
 */
export const datasetListSchema = z.object({ datasets: z.array(datasetDescriptionSchema) });
/** See {@link datasetListSchema}. */
export type DatasetList = z.infer<typeof datasetListSchema>;
