import { isIsoDate } from "@kpi/core";
import { z } from "zod";
import { storedText } from "./stored-text.js";

/**
 * The query of `GET /v1/data-quality`: `as_at`, a date `YYYY-MM-DD` (default: today).
 *
 * @example
 * ```ts
 * dataQualityQuerySchema.safeParse({ as_at: "2019-09-30" }).success; // true
 * dataQualityQuerySchema.safeParse({ as_at: "30/09/2019" }).success; // false
 * ```
 */
export const dataQualityQuerySchema = z.object({
  as_at: storedText().refine(isIsoDate, "must be a date such as 2019-09-30").optional(),
});
/** See {@link dataQualityQuerySchema}. */
export type DataQualityQuery = z.infer<typeof dataQualityQuerySchema>;

/**
 * One data-quality finding: which check found it, how serious it is, the dataset and the record keys
 * concerned (child and worker parts are pseudonyms), and what is wrong.
 *
 * @example
 * ```ts
 * dataQualityFindingSchema.shape.severity.options; // ["error", "warning"]
 * ```
 */
export const dataQualityFindingSchema = z.object({
  check: z.string(),
  severity: z.enum(["error", "warning"]),
  dataset: z.string(),
  keys: z.array(z.string()),
  message: z.string(),
});
/** See {@link dataQualityFindingSchema}. */
export type DataQualityFinding = z.infer<typeof dataQualityFindingSchema>;

/**
 * The answer to `GET /v1/data-quality`: the date the checks looked at and the findings.
 *
 * @example
 * ```ts
 * dataQualityReportSchema.parse({ as_at: "2019-09-30", findings: [] }).as_at; // "2019-09-30"
 * ```
 */
export const dataQualityReportSchema = z.object({
  as_at: z.string(),
  findings: z.array(dataQualityFindingSchema),
});
/** See {@link dataQualityReportSchema}. */
export type DataQualityReport = z.infer<typeof dataQualityReportSchema>;
