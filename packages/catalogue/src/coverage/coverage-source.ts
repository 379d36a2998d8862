import { isoDateSchema } from "@kpi/core";
import { z } from "zod";
import { datasetNames } from "../datasets/schemas.js";

/**
 * Where a source's claim of completeness comes from:
 * - `statutory`: a statutory return, complete for its collection year (1 April – 31 March);
 * - `declared`: a batch posted with the period its records are complete for;
 * - `extract`: an extract from the case system as at a date (`as_of`), complete from the date its
 *   history starts (`history_from`) to that date;
 * - `inferred`: records posted without a declaration; the span is worked out from their dates
 *   (`inferCoverage`) and shown as inferred.
 *
 * @example
 * ```ts
 * sourceKindSchema.options; // ["statutory", "declared", "extract", "inferred"]
 * ```
 */
export const sourceKindSchema = z.enum(["statutory", "declared", "extract", "inferred"]);
/** See {@link sourceKindSchema}. */
export type SourceKind = z.infer<typeof sourceKindSchema>;

/**
 * One source of a dataset's records: the span of dates `from`–`to` for which the dataset's records
 * are complete, what kind of claim that is, its name as staff read it ("SSDA903 return 2017-18",
 * "nightly extract at 30 Sep 2019"), for an extract the date it is as at and the date its history
 * starts, and when it was received (ISO 8601; `null` when not known, e.g. records given to the
 * library directly). A dataset's coverage is the union of its sources' spans; figures cite the
 * sources they drew on by `id`.
 *
 * @example
 * ```ts
 * const source = coverageSourceSchema.parse({
 *   id: "s1", dataset: "cla_episodes", kind: "statutory", name: "SSDA903 return 2017-18",
 *   from: "2017-04-01", to: "2018-03-31", as_of: null, history_from: null,
 *   received_at: "2018-06-20T09:00:00.000Z",
 * });
 * source.kind; // "statutory"
 * ```
 */
export const coverageSourceSchema = z
  .object({
    id: z.string(),
    dataset: z.enum(datasetNames),
    kind: sourceKindSchema,
    name: z.string(),
    from: isoDateSchema,
    to: isoDateSchema,
    as_of: isoDateSchema.nullable(),
    history_from: isoDateSchema.nullable(),
    received_at: z.string().nullable(),
  })
  .refine((s) => s.from <= s.to, { message: "from must not be after to", path: ["to"] });
/** See {@link coverageSourceSchema}. */
export type CoverageSource = z.infer<typeof coverageSourceSchema>;
