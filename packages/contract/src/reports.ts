import { analysisApprovalSchema } from "@kpi/catalogue";

export { type Judgement, type JudgementReason, judgementSchema, type Verdict } from "@kpi/core";

import { z } from "zod";
import { storedText } from "./stored-text.js";

export {
  type AnalysisApproval,
  analysisApprovalSchema,
  type KpiListEntry,
  kpiListEntrySchema,
  type QuarterlyReport,
  quarterlyReportSchema,
  type ReportIndicator,
  type ReportSection,
  reportIndicatorSchema,
  reportSectionSchema,
  type SectionAnalysis,
  sectionAnalysisSchema,
} from "@kpi/catalogue";

/**
 * Longest analysis text the API accepts for one report section, in characters.
 *
 * @example
 * ```ts
 * MAX_ANALYSIS_CHARS; // 50000
 * ```
 */
export const MAX_ANALYSIS_CHARS = 50_000;

/**
 * The answer of `GET /v1/reports`: the report's sections in the reference report's order (from the
 * catalogue) and the latest quarter the organisation's data covers (the latest lying wholly inside
 * some dated dataset's coverage; `null` before anything is loaded). The portal's default period and
 * its section headings come from here, never guessed.
 *
 * @example
 * ```ts
 * reportIndexSchema.parse({ latest_quarter: null, sections: [{ id: "ffd", title: "Family Front Door" }] }).latest_quarter; // null
 * ```
 */
export const reportIndexSchema = z.object({
  latest_quarter: z.string().nullable(),
  sections: z.array(z.object({ id: z.string(), title: z.string() })),
});
/** See {@link reportIndexSchema}. */
export type ReportIndex = z.infer<typeof reportIndexSchema>;

/**
 * The path of `GET /v1/reports/{period}`: a quarter id such as `FY2019-20-Q2`.
 *
 * @example
 * ```ts
 * reportParamsSchema.parse({ period: "FY2019-20-Q2" }).period; // "FY2019-20-Q2"
 * ```
 */
export const reportParamsSchema = z.object({ period: storedText().min(1).max(20) });
/** See {@link reportParamsSchema}. */
export type ReportParams = z.infer<typeof reportParamsSchema>;

/**
 * The path of a section's analysis routes: the quarter and the section id.
 *
 * @example
 * ```ts
 * sectionParamsSchema.parse({ period: "FY2019-20-Q2", section: "front_door" }).section; // "front_door"
 * ```
 */
export const sectionParamsSchema = z.object({
  period: storedText().min(1).max(20),
  section: storedText().min(1).max(50),
});
/** See {@link sectionParamsSchema}. */
export type SectionParams = z.infer<typeof sectionParamsSchema>;

/**
 * The body of `PUT /v1/reports/{period}/sections/{section}/analysis`: the staff analysis text
 * (trimmed, 1 to {@link MAX_ANALYSIS_CHARS} characters).
 *
 * @example
 * ```ts
 * analysisBodySchema.parse({ text: "  Contacts rose.  " }).text; // "Contacts rose."
 * analysisBodySchema.safeParse({ text: "   " }).success; // false
 * ```
 */
export const analysisBodySchema = z
  .object({ text: storedText().trim().min(1).max(MAX_ANALYSIS_CHARS) })
  .strict();
/** See {@link analysisBodySchema}. */
export type AnalysisBody = z.input<typeof analysisBodySchema>;

/**
 * One stored version of a section's analysis: its number (`version`), the text, its author by display
 * name and time, the version it restored when it was written by a revert, and its sign-off when that
 * version was approved.
 *
 * @example
 * ```ts
 * Object.keys(analysisVersionSchema.shape); // ["version", "period", "section", "text", "author", "updated_at", "reverted_from", "approval"]
 * ```
 */
export const analysisVersionSchema = z.object({
  version: z.number().int(),
  period: z.string(),
  section: z.string(),
  text: z.string(),
  author: z.string(),
  updated_at: z.string(),
  reverted_from: z.number().int().nullable(),
  approval: analysisApprovalSchema.nullable(),
});
/** See {@link analysisVersionSchema}. */
export type AnalysisVersion = z.infer<typeof analysisVersionSchema>;

/**
 * The body of `POST /v1/reports/{period}/sections/{section}/analysis/revert` (restore an earlier
 * version's text as a new version) and of `…/analysis/approve` (sign off the latest version, named so
 * that a version changed since the approver read it is not approved by mistake).
 *
 * @example
 * ```ts
 * analysisVersionBodySchema.parse({ version: 3 }).version; // 3
 * analysisVersionBodySchema.safeParse({ version: 0 }).success; // false
 * ```
 */
export const analysisVersionBodySchema = z.object({ version: z.number().int().positive() }).strict();
/** See {@link analysisVersionBodySchema}. */
export type AnalysisVersionBody = z.input<typeof analysisVersionBodySchema>;

/**
 * The answer to `GET /v1/reports/{period}/sections/{section}/analysis/history`: every stored version,
 * newest first.
 *
 * @example
 * ```ts
 * analysisHistorySchema.parse({ period: "FY2019-20-Q2", section: "front_door", history: [] }).history; // []
 * ```
 */
export const analysisHistorySchema = z.object({
  period: z.string(),
  section: z.string(),
  history: z.array(analysisVersionSchema),
});
/** See {@link analysisHistorySchema}. */
export type AnalysisHistory = z.infer<typeof analysisHistorySchema>;
