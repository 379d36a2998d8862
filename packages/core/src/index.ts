/**
 * `@kpi/core`: the pure indicator engine. No I/O, no clock reads, no environment: pass "today" in.
 * @packageDocumentation
 */

export * from "./comparisons/benchmark.js";
export * from "./comparisons/change-test.js";
export * from "./comparisons/compare-change.js";
export * from "./comparisons/quartile.js";
export * from "./dates/civil-days.js";
export * from "./dates/iso-date.js";
export * from "./dates/month-names.js";
export * from "./definitions/indicator-definition.js";
export * from "./definitions/target.js";
export * from "./disclosure/suppress.js";
export * from "./errors/core-error.js";
export * from "./formatting/format-p-value.js";
export * from "./formatting/format-quantity.js";
export * from "./formatting/format-set-figure.js";
export * from "./formatting/format-value.js";
export * from "./formatting/round.js";
export * from "./indicators/estimate.js";
export * from "./judgement/judge-indicator.js";
export * from "./judgement/judgement-schema.js";
export * from "./judgement/materiality.js";
export * from "./narrative/describe-indicator.js";
export * from "./narrative/draft-section.js";
export * from "./periods/comparison-periods.js";
export * from "./periods/period.js";
export * from "./periods/window.js";
export * from "./seasonality/monthly-indices.js";
export * from "./seasonality/seasonality.js";
export * from "./statistics/binomial-test.js";
export * from "./statistics/chi-squared.js";
export * from "./statistics/confidence.js";
export * from "./statistics/incomplete-beta.js";
export * from "./statistics/incomplete-gamma.js";
export * from "./statistics/log-gamma.js";
export * from "./statistics/mean.js";
export * from "./statistics/normal-quantile.js";
export * from "./statistics/poisson-comparison-test.js";
export * from "./statistics/rate.js";
export * from "./statistics/t-quantile.js";
export * from "./statistics/two-proportions-test.js";
export * from "./statistics/welch-test.js";
export * from "./statistics/wilson.js";
export * from "./thresholds/status.js";
export * from "./trend/trend.js";
export * from "./values/units.js";
export * from "./working-days/bank-holidays.js";
export * from "./working-days/working-days.js";
