import {
  changeTestNameSchema,
  intervalMethodSchema,
  judgementSchema,
  polaritySchema,
  targetSchema,
  trendResultSchema,
  unitSchema,
} from "@kpi/core";
import { z } from "zod";
import { coverageSourceSchema } from "../coverage/coverage-source.js";

/**
 * The figures of one comparison period: its id, its value, the change from it to the entry's value
 * (entry − baseline, in the indicator's unit) and whether that change is statistically significant by
 * the test for the values' kind (`test`, with its two-sided `p_value`; `null` when it cannot be tested).
 */
export const comparisonSchema = z.object({
  period: z.string(),
  value: z.number().nullable(),
  change: z.number().nullable(),
  significant: z.boolean().nullable(),
  test: changeTestNameSchema.nullable(),
  p_value: z.number().nullable(),
});
/** See {@link comparisonSchema}. */
export type Comparison = z.infer<typeof comparisonSchema>;

/** A confidence interval as the API shows it; `lower`/`upper` are `null` when no interval applies. */
export const ciSchema = z.object({
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  level: z.number(),
  method: intervalMethodSchema,
});
/** See {@link ciSchema}. */
export type Ci = z.infer<typeof ciSchema>;

/** A comparator's figure for the same or the most recent earlier financial year, and how the value compares. */
export const benchmarkEntrySchema = z.object({
  comparator: z.string(),
  period: z.string(),
  value: z.number(),
  result: z.enum(["similar", "better", "worse", "higher", "lower", "not_comparable"]),
});
/** See {@link benchmarkEntrySchema}. */
export type BenchmarkEntry = z.infer<typeof benchmarkEntrySchema>;

/** The quartile band of the value among a comparator group's members (A best … D worst). */
export const quartileEntrySchema = z.object({
  comparator: z.string(),
  period: z.string(),
  band: z.enum(["A", "B", "C", "D"]),
  members: z.number().int(),
});
/** See {@link quartileEntrySchema}. */
export type QuartileEntry = z.infer<typeof quartileEntrySchema>;

/** One group of a breakdown (`by`): `key` `null` holds the records without the field. */
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

/** The target shown beside a value: a single value or a range `[low, high]`. */
export const targetValueSchema = z.union([z.number(), z.tuple([z.number(), z.number()])]);
/** See {@link targetValueSchema}. */
export type TargetValue = z.infer<typeof targetValueSchema>;

/**
 * One period of an indicator's values, as `GET /v1/indicators/{id}/values` returns it: the unrounded
 * value with its interval, target and RAG status, comparisons, benchmarks, quartile, the reason for a
 * missing value (`note`), extra figures the report prints beside a headline, the ids of the sources the
 * value drew on (listed once in the response's `sources`), and groups when a breakdown was asked for.
 */
export const seriesEntrySchema = z.object({
  period: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  unit: unitSchema,
  ci: ciSchema,
  target: targetValueSchema.nullable(),
  status: z.enum(["green", "amber", "red"]).nullable(),
  comparisons: z.object({
    previous_period: comparisonSchema.nullable(),
    same_period_last_year: comparisonSchema.nullable(),
    previous_year_end: comparisonSchema.nullable().optional(),
  }),
  benchmarks: z.array(benchmarkEntrySchema),
  quartile: quartileEntrySchema.nullable(),
  note: z.string().nullable(),
  extras: z.record(z.string(), z.number().nullable()),
  sources: z.array(z.string()),
  groups: z.array(groupEntrySchema).optional(),
});
/** See {@link seriesEntrySchema}. */
export type SeriesEntry = z.infer<typeof seriesEntrySchema>;

/**
 * An indicator's values over a range of periods of one window, oldest first, with the sources its
 * values cite (each once; values refer to them by `id`).
 */
export const indicatorSeriesSchema = z.object({
  indicator: z.string(),
  window: z.enum(["quarter", "month", "ytd", "year", "rolling12"]),
  values: z.array(seriesEntrySchema),
  sources: z.array(coverageSourceSchema),
});
/** See {@link indicatorSeriesSchema}. */
export type IndicatorSeries = z.infer<typeof indicatorSeriesSchema>;

/**
 * A positive or negative KPI of a report section: the indicator, the judgement's sentence, its strength
 * (lists are ranked by it, strongest first) and the complementary indicators judged with it, which are
 * not listed again.
 */
export const kpiListEntrySchema = z.object({
  indicator: z.string(),
  sentence: z.string(),
  strength: z.number().int().nonnegative(),
  complements: z.array(z.string()),
});
/** See {@link kpiListEntrySchema}. */
export type KpiListEntry = z.infer<typeof kpiListEntrySchema>;

/** The sign-off of a section's analysis: who approved the version shown, by display name, and when. */
export const analysisApprovalSchema = z.object({
  approved_by: z.string(),
  approved_at: z.string(),
});
/** See {@link analysisApprovalSchema}. */
export type AnalysisApproval = z.infer<typeof analysisApprovalSchema>;

/**
 * A section's analysis text: the latest staff version (`source: "staff"`, its `version`, author by
 * display name and time) or, without one, the text drafted from the figures (`source: "drafted"`).
 * `draft` is `true` until the version shown is approved (`approval`); an edit after approval is a new
 * version, so the section returns to draft. `drafted_text` is always the draft from the figures.
 */
export const sectionAnalysisSchema = z.object({
  text: z.string(),
  draft: z.boolean(),
  source: z.enum(["drafted", "staff"]),
  version: z.number().int().nullable(),
  author: z.string().nullable(),
  updated_at: z.string().nullable(),
  approval: analysisApprovalSchema.nullable(),
  drafted_text: z.string(),
});
/** See {@link sectionAnalysisSchema}. */
export type SectionAnalysis = z.infer<typeof sectionAnalysisSchema>;

/** The latest stored staff version of one section, as the report builder receives it. */
export const storedAnalysisSchema = z.object({
  version: z.number().int(),
  text: z.string(),
  author: z.string(),
  updated_at: z.string(),
  approval: analysisApprovalSchema.nullable(),
});
/** See {@link storedAnalysisSchema}. */
export type StoredAnalysis = z.infer<typeof storedAnalysisSchema>;

/** One indicator of a report section: its quarter and year-to-date entries. */
export const reportIndicatorSchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: unitSchema,
  polarity: polaritySchema,
  kind: z.enum(["flow", "stock"]),
  decimals: z.number().int(),
  quarter: seriesEntrySchema,
  ytd: seriesEntrySchema,
  /** The quarter's judgement (decision 151): the same verdict every surface shows. */
  judgement: judgementSchema,
});
/** See {@link reportIndicatorSchema}. */
export type ReportIndicator = z.infer<typeof reportIndicatorSchema>;

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

/**
 * The whole quarterly report for one quarter, sections in the reference report's order, with the
 * sources its figures cite, each once (entries refer to them by `id`).
 */
export const quarterlyReportSchema = z.object({
  period: z.string(),
  label: z.string(),
  sections: z.array(reportSectionSchema),
  sources: z.array(coverageSourceSchema),
});
/** See {@link quarterlyReportSchema}. */
export type QuarterlyReport = z.infer<typeof quarterlyReportSchema>;

/**
 * Targets of one indicator per financial year (`FY2019-20` → target). A year mapped to `null` has had
 * its target withdrawn: no status that year, and the definition's default does not apply.
 */
export const targetHistorySchema = z.record(z.string(), targetSchema.nullable());
/** See {@link targetHistorySchema}. */
export type TargetHistory = z.infer<typeof targetHistorySchema>;

/** The seasonal statement of a quarter (methods.md "Seasonality"); `null` fields when none applies. */
export const seasonalSummarySchema = z.object({
  expected: z.number().nullable(),
  in_line: z.boolean().nullable(),
  departure: z.number().nullable(),
  indices: z.array(z.number()).nullable(),
  years_used: z.array(z.string()),
  reason: z.string().nullable(),
  sentence: z.string(),
});
/** See {@link seasonalSummarySchema}. */
export type SeasonalSummary = z.infer<typeof seasonalSummarySchema>;

/** An indicator's trend and seasonal statement at one period, for its page and the narrative. */
export const indicatorAnalysisSchema = z.object({
  indicator: z.string(),
  period: z.string(),
  window: z.enum(["quarter", "month", "ytd", "year", "rolling12"]),
  trend: trendResultSchema,
  seasonal: seasonalSummarySchema,
  /** The judgement of the quarter the period ends (as the report has it); `null` for month and year windows. */
  judgement: judgementSchema.nullable(),
});
/** See {@link indicatorAnalysisSchema}. */
export type IndicatorAnalysis = z.infer<typeof indicatorAnalysisSchema>;
