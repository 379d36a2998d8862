// The public API of @kpi/catalogue, listed name by name (decision 195): the datasets (schemas, code
// lists, keys, coverage, validation, CSV), the indicators and the report's sections, the evaluator and
// the formula shapes a local indicator is written with, the report, its analysis and its schemas, the
// published form of a report, and the data-quality checks as one entry point. Modules not listed here
// (the evaluator's indexes and tallies, each single data-quality check, the report's drafting helpers)
// are internal and may change without a breaking release; test/public-exports.test.ts keeps it so.
export type { Authority } from "./authorities/authority.js";
export { findAuthority } from "./authorities/find-authority.js";
export {
  type CoverageSource,
  coverageSourceSchema,
  type SourceKind,
  sourceKindSchema,
} from "./coverage/coverage-source.js";
export {
  coverageByDataset,
  type DatasetCoverage,
  latestCoveredQuarter,
} from "./coverage/dataset-coverage.js";
export {
  type DateSpan,
  dateSpanSchema,
  describeSpan,
  describeSpans,
  hullOfSpans,
} from "./coverage/date-spans.js";
export { declaredCoverage } from "./coverage/declared-coverage.js";
export { type CoverageInference, createCoverageInference, inferCoverage } from "./coverage/infer-coverage.js";
// Validation: `validateRecords` and `createBatchValidator` are the entry points; datasets/row-check.ts
// (the single pass per row) and datasets/field-test.ts (the plain test of a declared field check) are
// internal on purpose (test/validator-exports.test.ts).
export { type BatchSummary, type BatchValidator, createBatchValidator } from "./datasets/batch-validator.js";
export {
  type AssessmentFactor,
  assessmentFactorCodes,
  assessmentFactorFlags,
  type CodeOption,
  cinClosureReasonCodes,
  cpCategoryCodes,
  disabilityCodes,
  type PublishedStatus,
  primaryNeedCodes,
  publishedStatusCodes,
  quartileBandCodes,
  referralSourceCodes,
  type VulnerabilityFlag,
} from "./datasets/codes.js";
export { CsvFormatError, csvRecords, type ParseCsvResult, parseCsv, toCsv } from "./datasets/csv.js";
export { type CellIssue, type ConvertedCsvRow, convertCsvRow } from "./datasets/csv-cells.js";
export {
  booleanField,
  codeField,
  codeListField,
  dateField,
  type FieldCheck,
  type FieldMeta,
  type FieldType,
  fieldMetaRegistry,
  fieldTypes,
  integerField,
  numberField,
  optional,
  patternField,
  periodField,
  textField,
} from "./datasets/fields.js";
export { type ParseRecordKeyResult, parseRecordKey, recordKey } from "./datasets/record-key.js";
export {
  type DatasetDating,
  type DatasetSpec,
  datasets,
  type FieldSpec,
  isDatasetName,
  type LeftOutOfFigures,
  type RangedDataset,
} from "./datasets/registry.js";
export type { RecordFormat, RowIssue, ValidateOptions } from "./datasets/row-issue.js";
export {
  type AdoptionDecisionRecord,
  type AdoptionRecord,
  type AssessmentRecord,
  adoptionDecisionSchema,
  adoptionSchema,
  assessmentSchema,
  type BenchmarkRecord,
  benchmarkSchema,
  type CareLeaverRecord,
  type ChildRecord,
  type CinPlanRecord,
  type ClaEpisodeRecord,
  type ClaOutcomeRecord,
  type ClaReviewRecord,
  type ContactRecord,
  type CpPlanRecord,
  type CpReviewRecord,
  careLeaverSchema,
  childSchema,
  cinPlanSchema,
  claEpisodeSchema,
  claOutcomeSchema,
  claReviewSchema,
  contactSchema,
  cpPlanSchema,
  cpReviewSchema,
  type DatasetName,
  type DatasetRecords,
  type DueActivityRecord,
  datasetNames,
  datasetRules,
  datasetSchemas,
  dueActivitySchema,
  type EarlyHelpRecord,
  earlyHelpSchema,
  emptyDatasetRecords,
  type MissingEpisodeRecord,
  missingEpisodeSchema,
  type ObservationRecord,
  observationSchema,
  type PopulationRecord,
  type PreProceedingsRecord,
  type PreviousPermanenceRecord,
  populationSchema,
  preProceedingsSchema,
  previousPermanenceSchema,
  type RecordOf,
  type ReferralRecord,
  referralSchema,
  type S47EnquiryRecord,
  type SocialWorkerEpisodeRecord,
  s47EnquirySchema,
  socialWorkerEpisodeSchema,
  type UascRecord,
  uascSchema,
  type VulnerabilityFlagRecord,
  vulnerabilityFlagSchema,
  type WorkforceRecord,
  workforceSchema,
} from "./datasets/schemas.js";
export { type ValidateResult, validateRecords } from "./datasets/validate.js";
export { CatalogueError, type CatalogueErrorCode } from "./evaluate/catalogue-error.js";
export {
  type Evaluation,
  evaluationSchema,
  type GroupEvaluation,
  groupEvaluationSchema,
} from "./evaluate/evaluation.js";
export type { DateRange, EvaluationSettings } from "./evaluate/evaluation-context.js";
export { createEvaluator, type Evaluator, type EvaluatorOptions } from "./evaluate/evaluator.js";
export type { Formula, FormulaResult, Measure } from "./evaluate/formula.js";
export {
  type CohortSpec,
  cohortFormula,
  dueOnTime,
  flowCount,
  flowDistinctChildren,
  flowProportion,
  flowWithinWorkingDays,
  latestOpenPerChild,
  type MemberTest,
  openPerChildAt,
  stockChildrenProportion,
  stockDistinctChildren,
  stockProportion,
} from "./evaluate/formula-shapes.js";
export { catalogue, findIndicator } from "./indicators/catalogue.js";
export type { CatalogueIndicator } from "./indicators/catalogue-indicator.js";
export {
  type PublishedPeriodRule,
  type PublishedSource,
  publishedColumnsWithoutIndicator,
  publishedPeriodRules,
  publishedPopulationSource,
  publishedSourceSchema,
  publishedSources,
} from "./indicators/published-sources.js";
export { type ReportSectionId, reportSections } from "./indicators/sections.js";
export { type CsvCell, csvText } from "./publish/csv-text.js";
export {
  type Audience,
  countsChildren,
  disclosureNote,
  disclosureThreshold,
  type PublishedEntry,
  type PublishedIndicator,
  type PublishOptions,
  publishedEntry,
} from "./publish/published-entry.js";
export {
  REPORT_TABLE_COLUMNS,
  type ReportCell,
  type ReportTable,
  type ReportTableOptions,
  reportCsv,
  reportTable,
} from "./publish/report-table.js";
export {
  type IndicatorView,
  type ReportView,
  type ReportViewOptions,
  reportView,
  WITHHELD_SENTENCE,
} from "./publish/report-view.js";
export { citedBy, SOURCE_COLUMNS, type SourceRow, sourceCells, sourceRow } from "./publish/source-rows.js";
export { checkDataQuality } from "./quality/check-data-quality.js";
export type { DataQualityCheck, DataQualityFinding, DataQualityOptions } from "./quality/finding.js";
export { citedSources } from "./report/cited-sources.js";
export { indicatorAnalysis } from "./report/indicator-analysis.js";
export { type IndicatorSeriesOptions, indicatorSeries } from "./report/indicator-series.js";
export { inferLocalIndicators } from "./report/inferred-local-indicators.js";
export { type BuildReportOptions, buildReport } from "./report/report.js";
export {
  type AnalysisApproval,
  analysisApprovalSchema,
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
  type KpiListEntry,
  kpiListEntrySchema,
  type QuarterlyReport,
  type QuartileEntry,
  quarterlyReportSchema,
  quartileEntrySchema,
  type ReportIndicator,
  type ReportSection,
  reportIndicatorSchema,
  reportSectionSchema,
  type SeasonalSummary,
  type SectionAnalysis,
  type SeriesEntry,
  type StoredAnalysis,
  seasonalSummarySchema,
  sectionAnalysisSchema,
  seriesEntrySchema,
  type TargetHistory,
  type TargetValue,
  targetHistorySchema,
  targetValueSchema,
} from "./report/schemas.js";
export {
  checkReportingPeriod,
  type SeriesRange,
  type SeriesRangeIssue,
  seriesRange,
} from "./report/series-range.js";
