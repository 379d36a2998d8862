import { z } from "zod";

export { type DatasetName, datasetNames, isDatasetName } from "@kpi/catalogue";

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
 * One dataset of the data contract: its key fields, the fields holding a person's identifier
 * (pseudonymised on receipt), its date fields and every field.
 *
 * @example
 * ```ts
 * Object.keys(datasetDescriptionSchema.shape).includes("person_fields"); // true
 * ```
 */
export const datasetDescriptionSchema = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  key: z.array(z.string()),
  person_fields: z.array(z.string()),
  date_fields: z.array(z.string()),
  fields: z.array(datasetFieldSchema),
});
/** See {@link datasetDescriptionSchema}. */
export type DatasetDescription = z.infer<typeof datasetDescriptionSchema>;

/**
 * The answer to `GET /v1/datasets`: every dataset, generated from the schemas that validate records.
 *
 * @example
 * ```ts
 * datasetListSchema.parse({ datasets: [] }).datasets.length; // 0
 * ```
 */
export const datasetListSchema = z.object({ datasets: z.array(datasetDescriptionSchema) });
/** See {@link datasetListSchema}. */
export type DatasetList = z.infer<typeof datasetListSchema>;
