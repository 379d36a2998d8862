import { indicatorAnalysisSchema, targetHistorySchema } from "@kpi/catalogue";
import { polaritySchema, targetSchema, unitSchema, windowSchema } from "@kpi/core";
import { z } from "zod";
import { storedText } from "./stored-text.js";

export {
  type BenchmarkEntry,
  benchmarkEntrySchema,
  type Ci,
  type Comparison,
  ciSchema,
  comparisonSchema,
  type GroupEntry,
  groupEntrySchema,
  type IndicatorAnalysis,
  type IndicatorSeries,
  indicatorAnalysisSchema,
  indicatorSeriesSchema,
  type QuartileEntry,
  quartileEntrySchema,
  type SeasonalSummary,
  type SeriesEntry,
  seasonalSummarySchema,
  seriesEntrySchema,
  type TargetHistory,
  type TargetValue,
  targetHistorySchema,
  targetValueSchema,
} from "@kpi/catalogue";

/**
 * The path of the indicator routes: an indicator id such as `ffd.contacts_swa_pct`.
 *
 * @example
 * ```ts
 * indicatorParamsSchema.parse({ id: "ffd.contacts_swa_pct" }).id; // "ffd.contacts_swa_pct"
 * ```
 */
export const indicatorParamsSchema = z.object({ id: storedText().min(1).max(100) });
/** See {@link indicatorParamsSchema}. */
export type IndicatorParams = z.infer<typeof indicatorParamsSchema>;

/**
 * An indicator of the catalogue (or a local one) as listed: what it measures, its unit and polarity,
 * whether it counts events (`flow`) or a position (`stock`), its breakdowns and where its figures come
 * from (`records` computed by the engine, or `observations` posted as figures).
 *
 * @example
 * ```ts
 * indicatorSummarySchema.shape.source.options; // ["records", "observations"]
 * ```
 */
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

/**
 * The answer to `GET /v1/indicators`: the catalogue with the organisation's local indicators.
 *
 * @example
 * ```ts
 * indicatorListSchema.parse({ indicators: [] }).indicators.length; // 0
 * ```
 */
export const indicatorListSchema = z.object({ indicators: z.array(indicatorSummarySchema) });
/** See {@link indicatorListSchema}. */
export type IndicatorList = z.infer<typeof indicatorListSchema>;

/**
 * One change of an indicator's target for a financial year: the new target (`null` withdraws it), who
 * set it and when.
 *
 * @example
 * ```ts
 * targetChangeSchema.shape.target.safeParse(null).success; // true
 * ```
 */
export const targetChangeSchema = z.object({
  financial_year: z.string(),
  target: targetSchema.nullable(),
  set_by: z.string(),
  set_at: z.string(),
});
/** See {@link targetChangeSchema}. */
export type TargetChange = z.infer<typeof targetChangeSchema>;

/**
 * The query of `GET /v1/indicators/{id}`: the period and window of the trend shown (default: the
 * latest quarter with data).
 *
 * @example
 * ```ts
 * indicatorDetailQuerySchema.safeParse({ window: "fortnight" }).success; // false
 * ```
 */
export const indicatorDetailQuerySchema = z.object({
  period: storedText().max(20).optional(),
  window: windowSchema.optional(),
});
/** See {@link indicatorDetailQuerySchema}. */
export type IndicatorDetailQuery = z.infer<typeof indicatorDetailQuerySchema>;

/**
 * The answer to `GET /v1/indicators/{id}`: the indicator, its default target, its targets per
 * financial year and every change to them, and its trend and seasonal statement (`null` without data).
 *
 * @example
 * ```ts
 * Object.keys(indicatorDetailSchema.shape); // ["indicator", "default_target", "targets", "target_history", "analysis"]
 * ```
 */
export const indicatorDetailSchema = z.object({
  indicator: indicatorSummarySchema,
  default_target: targetSchema.nullable(),
  targets: targetHistorySchema,
  target_history: z.array(targetChangeSchema),
  analysis: indicatorAnalysisSchema.nullable(),
});
/** See {@link indicatorDetailSchema}. */
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

/**
 * The query of `GET /v1/indicators/{id}/values`: the first and last period (ids of the window's kind,
 * default: the latest with data), the window (default `quarter`) and an optional breakdown field.
 *
 * @example
 * ```ts
 * indicatorValuesQuerySchema.parse({ from: "FY2018-19-Q1" }).window; // "quarter"
 * ```
 */
export const indicatorValuesQuerySchema = z.object({
  from: storedText().max(20).optional(),
  to: storedText().max(20).optional(),
  window: windowSchema.default("quarter"),
  by: storedText().min(1).max(64).optional(),
});
/** The query as sent (window optional); see {@link indicatorValuesQuerySchema}. */
export type IndicatorValuesQuery = z.input<typeof indicatorValuesQuerySchema>;

/**
 * The answer to `GET /v1/indicators/{id}/targets`: every target change, newest first.
 *
 * @example
 * ```ts
 * targetChangesSchema.parse({ indicator: "ffd.contacts_swa_pct", history: [] }).history.length; // 0
 * ```
 */
export const targetChangesSchema = z.object({ indicator: z.string(), history: z.array(targetChangeSchema) });
/** See {@link targetChangesSchema}. */
export type TargetChanges = z.infer<typeof targetChangesSchema>;

/**
 * The path of `PUT /v1/indicators/{id}/targets/{financial_year}`, e.g. `FY2019-20`.
 *
 * @example
 * ```ts
 * targetParamsSchema.parse({ id: "ffd.contacts_swa_pct", financial_year: "FY2019-20" }).financial_year; // "FY2019-20"
 * ```
 */
export const targetParamsSchema = indicatorParamsSchema.extend({
  financial_year: storedText().min(1).max(20),
});
/** See {@link targetParamsSchema}. */
export type TargetParams = z.infer<typeof targetParamsSchema>;

/**
 * The body of `PUT /v1/indicators/{id}/targets/{financial_year}`: `{ value, tolerance? }` or
 * `{ range: [low, high], tolerance? }` (the indicator definitions' target shape).
 *
 * @example
 * ```ts
 * targetBodySchema.safeParse({ value: 60 }).success; // true
 * targetBodySchema.safeParse({ range: [20, 25], tolerance: 2 }).success; // true
 * ```
 */
export const targetBodySchema = targetSchema;
/** See {@link targetBodySchema}. */
export type TargetBody = z.input<typeof targetBodySchema>;

/**
 * The answer to a target `PUT`: the change as stored, with the indicator's id.
 *
 * @example
 * ```ts
 * Object.keys(targetSetSchema.shape).includes("indicator"); // true
 * ```
 */
export const targetSetSchema = targetChangeSchema.extend({ indicator: z.string() });
/** See {@link targetSetSchema}. */
export type TargetSet = z.infer<typeof targetSetSchema>;

/**
 * The query of `GET /v1/targets`: the financial year whose targets in force are shown (`FY2019-20`;
 * default: the year of the latest quarter with data).
 *
 * @example
 * ```ts
 * targetsQuerySchema.parse({}).financial_year; // undefined
 * ```
 */
export const targetsQuerySchema = z.object({ financial_year: storedText().min(1).max(20).optional() });
/** See {@link targetsQuerySchema}. */
export type TargetsQuery = z.infer<typeof targetsQuerySchema>;

/**
 * One indicator in `GET /v1/targets`: the indicator, its default target, its targets per financial year,
 * the target in force for the year asked (`null`: none, or withdrawn for that year) and its latest
 * change in any year (`null`: never changed, the default holds).
 *
 * @example
 * ```ts
 * Object.keys(indicatorTargetsSchema.shape); // ["indicator", "default_target", "targets", "in_force", "last_change"]
 * ```
 */
export const indicatorTargetsSchema = z.object({
  indicator: indicatorSummarySchema,
  default_target: targetSchema.nullable(),
  targets: targetHistorySchema,
  in_force: targetSchema.nullable(),
  last_change: targetChangeSchema.nullable(),
});
/** See {@link indicatorTargetsSchema}. */
export type IndicatorTargets = z.infer<typeof indicatorTargetsSchema>;

/**
 * The answer to `GET /v1/targets`: every indicator's targets in one response (the portal's targets
 * page reads only this), for a financial year (`null` when none was asked and there is no data yet).
 *
 * @example
 * ```ts
 * targetsOverviewSchema.parse({ financial_year: null, latest_quarter: null, indicators: [] }).indicators; // []
 * ```
 */
export const targetsOverviewSchema = z.object({
  financial_year: z.string().nullable(),
  latest_quarter: z.string().nullable(),
  indicators: z.array(indicatorTargetsSchema),
});
/** See {@link targetsOverviewSchema}. */
export type TargetsOverview = z.infer<typeof targetsOverviewSchema>;
