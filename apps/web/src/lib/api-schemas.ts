import { polaritySchema, targetSchema, trendResultSchema, unitSchema, windowSchema } from "@kpi/core";
import { z } from "zod";

/**
 * The portal's reading of the API contract (`docs/api.md`, `apps/api/src/routes/`). Each schema checks
 * what the portal relies on and lets extra fields through, so the API can add fields without breaking
 * the portal, while a renamed or retyped field fails loudly at the boundary instead of deep in a page.
 */

/** Roles an API token or staff user can hold. */
export const apiRoleSchema = z.enum(["read", "ingest", "analyst", "admin"]);
/** See {@link apiRoleSchema}. */
export type ApiRole = z.infer<typeof apiRoleSchema>;

/** The API's error body: `{ error: { code, message, issues? } }`. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(z.object({ field: z.string().optional(), row: z.number().optional(), message: z.string() }))
      .optional(),
  }),
});
/** See {@link apiErrorBodySchema}. */
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** `POST /v1/sessions` → 201. */
export const sessionCreatedSchema = z.object({
  token: z.string().min(1),
  token_id: z.string(),
  expires_at: z.string(),
  organisation: z.string(),
  user: z.object({ username: z.string(), display_name: z.string(), role: apiRoleSchema }),
});
/** See {@link sessionCreatedSchema}. */
export type SessionCreated = z.infer<typeof sessionCreatedSchema>;

/** One indicator of the catalogue (`GET /v1/indicators`). */
export const indicatorSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  section: z.string(),
  unit: unitSchema,
  polarity: polaritySchema,
  kind: z.enum(["flow", "stock"]),
  definition: z.string(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  breakdowns: z.array(z.string()),
  decimals: z.number().int().nullable(),
  dfe_comparable: z.boolean(),
  source: z.enum(["records", "observations"]),
});
/** See {@link indicatorSummarySchema}. */
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;

/** `GET /v1/indicators`. */
export const indicatorListSchema = z.object({ indicators: z.array(indicatorSummarySchema) });

/** A comparison period's figures and the change to the entry's value. */
export const comparisonSchema = z.object({
  period: z.string(),
  value: z.number().nullable(),
  change: z.number().nullable(),
  significant: z.boolean().nullable(),
});
/** See {@link comparisonSchema}. */
export type Comparison = z.infer<typeof comparisonSchema>;

/** A confidence interval; `lower`/`upper` are `null` when none applies. */
export const ciSchema = z.object({
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  level: z.number(),
  method: z.string(),
});

/** A comparator's figure beside a value. */
export const benchmarkEntrySchema = z.object({
  comparator: z.string(),
  period: z.string(),
  value: z.number(),
  result: z.string(),
});
/** See {@link benchmarkEntrySchema}. */
export type BenchmarkEntry = z.infer<typeof benchmarkEntrySchema>;

/** One group of a breakdown. */
export const groupEntrySchema = z.object({
  key: z.string().nullable(),
  label: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  ci: ciSchema,
});
/** See {@link groupEntrySchema}. */
export type GroupEntry = z.infer<typeof groupEntrySchema>;

/** A target as shown beside a value: one number or a range. */
export const targetValueSchema = z.union([z.number(), z.tuple([z.number(), z.number()])]);
/** See {@link targetValueSchema}. */
export type TargetValue = z.infer<typeof targetValueSchema>;

/** RAG status of a value against its target. */
export const ragStatusSchema = z.enum(["green", "amber", "red"]);
/** See {@link ragStatusSchema}. */
export type RagStatus = z.infer<typeof ragStatusSchema>;

/** One period of an indicator's values. */
export const seriesEntrySchema = z.object({
  period: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  unit: unitSchema,
  ci: ciSchema,
  target: targetValueSchema.nullable(),
  status: ragStatusSchema.nullable(),
  comparisons: z.object({
    previous_period: comparisonSchema.nullable(),
    same_period_last_year: comparisonSchema.nullable(),
    previous_year_end: comparisonSchema.nullable().optional(),
  }),
  benchmarks: z.array(benchmarkEntrySchema),
  note: z.string().nullable(),
  groups: z.array(groupEntrySchema).optional(),
});
/** See {@link seriesEntrySchema}. */
export type SeriesEntry = z.infer<typeof seriesEntrySchema>;

/** `GET /v1/indicators/{id}/values`. */
export const indicatorSeriesSchema = z.object({
  indicator: z.string(),
  window: windowSchema,
  values: z.array(seriesEntrySchema),
});
/** See {@link indicatorSeriesSchema}. */
export type IndicatorSeries = z.infer<typeof indicatorSeriesSchema>;

/** A target change with who made it and when. */
export const targetChangeSchema = z.object({
  financial_year: z.string(),
  target: targetSchema.nullable(),
  set_by: z.string(),
  set_at: z.string(),
});
/** See {@link targetChangeSchema}. */
export type TargetChange = z.infer<typeof targetChangeSchema>;

/** `GET /v1/indicators/{id}`: definition, targets and the trend at the latest quarter. */
export const indicatorDetailSchema = z.object({
  indicator: indicatorSummarySchema,
  default_target: targetSchema.nullable(),
  targets: z.record(z.string(), targetSchema.nullable()),
  target_history: z.array(targetChangeSchema),
  analysis: z
    .object({
      period: z.string(),
      window: windowSchema,
      trend: trendResultSchema,
      seasonal: z.object({ sentence: z.string() }),
    })
    .nullable(),
});
/** See {@link indicatorDetailSchema}. */
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

/** One indicator of a report section, with its quarter and year-to-date entries. */
export const reportIndicatorSchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: unitSchema,
  polarity: polaritySchema,
  kind: z.enum(["flow", "stock"]),
  decimals: z.number().int(),
  quarter: seriesEntrySchema,
  ytd: seriesEntrySchema,
});
/** See {@link reportIndicatorSchema}. */
export type ReportIndicator = z.infer<typeof reportIndicatorSchema>;

/** A section's analysis: staff text with author and time, or the drafted text. */
export const sectionAnalysisSchema = z.object({
  text: z.string(),
  draft: z.boolean(),
  author: z.string().nullable(),
  updated_at: z.string().nullable(),
});
/** See {@link sectionAnalysisSchema}. */
export type SectionAnalysis = z.infer<typeof sectionAnalysisSchema>;

/** A positive or negative KPI with its sentence. */
export const kpiListEntrySchema = z.object({ indicator: z.string(), sentence: z.string() });

/** One section of the quarterly report. */
export const reportSectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  indicators: z.array(reportIndicatorSchema),
  positive: z.array(kpiListEntrySchema),
  negative: z.array(kpiListEntrySchema),
  analysis: sectionAnalysisSchema,
});
/** See {@link reportSectionSchema}. */
export type ReportSection = z.infer<typeof reportSectionSchema>;

/** `GET /v1/reports/{period}`. */
export const quarterlyReportSchema = z.object({
  period: z.string(),
  label: z.string(),
  sections: z.array(reportSectionSchema),
});
/** See {@link quarterlyReportSchema}. */
export type QuarterlyReport = z.infer<typeof quarterlyReportSchema>;

/** `PUT /v1/reports/{period}/sections/{section}/analysis` → the stored version. */
export const analysisVersionSchema = z.object({
  period: z.string(),
  section: z.string(),
  text: z.string(),
  author: z.string(),
  updated_at: z.string(),
});
/** See {@link analysisVersionSchema}. */
export type AnalysisVersion = z.infer<typeof analysisVersionSchema>;

/** One ingested batch (`GET /v1/batches`). */
export const batchSchema = z.object({
  id: z.string(),
  dataset: z.string(),
  mode: z.string(),
  actor: z.string(),
  received: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deleted: z.number().int(),
  created_at: z.string(),
});
/** See {@link batchSchema}. */
export type Batch = z.infer<typeof batchSchema>;

/** `GET /v1/batches`. */
export const batchListSchema = z.object({ batches: z.array(batchSchema) });

/** One data-quality finding; `keys` are stored record keys (pseudonymised). */
export const findingSchema = z.object({
  check: z.string(),
  severity: z.enum(["error", "warning"]),
  dataset: z.string(),
  keys: z.array(z.string()),
  message: z.string(),
});
/** See {@link findingSchema}. */
export type Finding = z.infer<typeof findingSchema>;

/** `GET /v1/data-quality`. */
export const dataQualitySchema = z.object({ as_at: z.string(), findings: z.array(findingSchema) });
/** See {@link dataQualitySchema}. */
export type DataQuality = z.infer<typeof dataQualitySchema>;

/** An API token as listed (never the secret). */
export const tokenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: apiRoleSchema,
  kind: z.enum(["api", "session"]),
  created_by: z.string(),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
/** See {@link tokenInfoSchema}. */
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

/** `GET /v1/tokens`. */
export const tokenListSchema = z.object({ tokens: z.array(tokenInfoSchema) });

/** `POST /v1/tokens` → 201: the token's details and, once, its secret. */
export const createdTokenSchema = tokenInfoSchema.extend({ token: z.string() });
/** See {@link createdTokenSchema}. */
export type CreatedToken = z.infer<typeof createdTokenSchema>;
