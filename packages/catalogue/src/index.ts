export * from "./authorities/authority.js";
export * from "./authorities/england-authorities.js";
export * from "./authorities/find-authority.js";
export * from "./coverage/coverage-source.js";
export * from "./coverage/data-need.js";
export * from "./coverage/dataset-coverage.js";
export * from "./coverage/date-spans.js";
export * from "./coverage/infer-coverage.js";
export * from "./coverage/within-span.js";
// Validation: `validateRecords` and `createBatchValidator` are the entry points; datasets/row-check.ts
// (the single pass per row) and datasets/field-test.ts (the plain test of a declared field check) are
// internal on purpose (test/validator-exports.test.ts).
export * from "./datasets/batch-validator.js";
export * from "./datasets/codes.js";
export * from "./datasets/csv.js";
export * from "./datasets/csv-cells.js";
export * from "./datasets/data-contract-markdown.js";
export * from "./datasets/fields.js";
export * from "./datasets/period-id.js";
export * from "./datasets/record-key.js";
export * from "./datasets/registry.js";
export * from "./datasets/row-issue.js";
export * from "./datasets/schemas.js";
export * from "./datasets/validate.js";
export * from "./evaluate/catalogue-error.js";
export * from "./evaluate/dated-index.js";
export * from "./evaluate/evaluation.js";
export * from "./evaluate/evaluation-context.js";
export * from "./evaluate/evaluator.js";
export * from "./evaluate/formula.js";
export * from "./evaluate/formula-shapes.js";
export * from "./evaluate/latest-per-person.js";
export * from "./evaluate/leavers.js";
export * from "./evaluate/observations.js";
export * from "./evaluate/periods-of-care.js";
export * from "./evaluate/placements.js";
export * from "./evaluate/population.js";
export * from "./evaluate/stock-index.js";
export * from "./evaluate/tally.js";
export * from "./indicators/catalogue.js";
export * from "./indicators/catalogue-indicator.js";
export * from "./indicators/indicators-doc.js";
export * from "./indicators/published-sources.js";
export * from "./indicators/sections.js";
export * from "./indicators/themes.js";
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
export * from "./quality/check-data-quality.js";
export * from "./quality/child-not-in-children.js";
export * from "./quality/finding.js";
export * from "./quality/long-cin-plans.js";
export * from "./quality/long-cp-plans.js";
export * from "./quality/looked-after-aged-18.js";
export * from "./quality/missing-date-of-birth.js";
export * from "./quality/multiple-open-cp-plans.js";
export * from "./quality/overdue-open-assessments.js";
export * from "./quality/overlapping-care-episodes.js";
export * from "./quality/x1-without-successor.js";
export * from "./report/cited-sources.js";
export * from "./report/indicator-analysis.js";
export * from "./report/indicator-judgement.js";
export * from "./report/indicator-series.js";
export * from "./report/indicator-trend.js";
export * from "./report/inferred-local-indicators.js";
export * from "./report/latest-benchmarks.js";
export * from "./report/monthly-pattern.js";
export * from "./report/narrative-benchmark.js";
export * from "./report/report.js";
export * from "./report/schemas.js";
export * from "./report/seasonal-statement.js";
export * from "./report/series-entry.js";
export * from "./report/series-range.js";
export * from "./report/target-for-period.js";
