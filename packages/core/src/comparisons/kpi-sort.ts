import { formatQuantity } from "../formatting/format-quantity.js";
import { formatChange } from "../formatting/format-value.js";
import type { Estimate, Polarity, Unit } from "../values/units.js";
import { compareChange } from "./compare-change.js";

/** Which list of the report an indicator goes in. */
export type KpiGroup = "positive" | "negative" | "no_significant_change" | "not_sorted";

/** The result of {@link classifyKpi}: the group, the comparison it rests on, and the sentence that justifies it. */
export interface KpiClassification {
  /** Positive (significantly improving), negative (significantly worsening), no significant change, or not sorted. */
  group: KpiGroup;
  /** The baseline compared with; `null` when nothing was compared. */
  basis: "same_period_last_year" | "previous_period" | null;
  /** An en-GB sentence justifying the group. */
  sentence: string;
}

/** Input of {@link classifyKpi}: the values and their already-formatted period labels. */
export interface KpiSortInput {
  /** This period's estimate (display scale). */
  current: Estimate;
  /** The same period one financial year earlier, if known. */
  samePeriodLastYear: Estimate | null;
  /** The previous period of the same window, if known. */
  previousPeriod: Estimate | null;
  /** Which direction is good. */
  polarity: Polarity;
  /** e.g. `Q2 2019-20`. */
  currentLabel: string;
  /** e.g. `Q2 2018-19`. */
  samePeriodLastYearLabel: string | null;
  /** e.g. `Q1 2019-20`. */
  previousPeriodLabel: string | null;
  /** The indicator's title. */
  title: string;
  /** The indicator's unit. */
  unit: Unit;
  /** Display decimals. */
  decimals: number;
}

const hasValue = (e: Estimate | null): e is Estimate => e !== null && e.value !== null;

/**
 * Sorts an indicator into the report's positive or negative KPIs (methods.md "Positive and negative KPIs"):
 * positive when its change against the same period last year is significant in the good direction,
 * negative when significant in the bad direction, otherwise no significant change. Without a figure for
 * the same period last year the previous period is used, and `basis` and the sentence say so. Polarity
 * `none`, a missing value, a value without an interval, or nothing to compare with: not sorted.
 *
 * @param input - the values, polarity, labels and display settings
 * @returns the group, the basis and the justifying sentence
 * @example
 * ```ts
 * const e = (value: number, lower: number, upper: number) =>
 *   ({ value, numerator: null, denominator: null, lower, upper, method: "wilson", confidence: 0.95, note: null }) as const;
 * const kpi = classifyKpi({ current: e(47.46, 45.17, 49.76), samePeriodLastYear: e(41, 38.8, 43.2),
 *   previousPeriod: null, polarity: "high", currentLabel: "Q2 2019-20", samePeriodLastYearLabel: "Q2 2018-19",
 *   previousPeriodLabel: null, title: "Contacts resulting in the need for SWA", unit: "percent", decimals: 2 });
 * kpi.group; // "positive"
 * kpi.sentence; // "Contacts resulting in the need for SWA improved significantly: 47.46% in Q2 2019-20 against 41.00% in Q2 2018-19 (+6.46 percentage points)."
 * ```
 */
export function classifyKpi(input: KpiSortInput): KpiClassification {
  const { current, polarity, title, unit, decimals } = input;
  const notSorted = (why: string, basis: KpiClassification["basis"] = null): KpiClassification => ({
    group: "not_sorted",
    basis,
    sentence: `${title} is not sorted into positive or negative KPIs: ${why}.`,
  });
  if (polarity === "none") return notSorted("it has no good direction");
  if (current.value === null) return notSorted(`there is no figure for ${input.currentLabel}`);
  if (current.method === "none" || current.lower === null || current.upper === null) {
    return notSorted("its value has no confidence interval, so no change can be called significant");
  }

  let basis: "same_period_last_year" | "previous_period";
  let baseline: Estimate;
  let baseLabel: string;
  if (hasValue(input.samePeriodLastYear)) {
    basis = "same_period_last_year";
    baseline = input.samePeriodLastYear;
    baseLabel = input.samePeriodLastYearLabel ?? "the same period last year";
  } else if (hasValue(input.previousPeriod)) {
    basis = "previous_period";
    baseline = input.previousPeriod;
    baseLabel = input.previousPeriodLabel ?? "the previous period";
  } else {
    return notSorted("there is no figure for the same period last year or the previous period");
  }

  const change = compareChange(current, baseline, polarity);
  if (change.assessment === "not_comparable") {
    return notSorted(`the change from ${baseLabel} cannot be tested for significance`, basis);
  }
  const figures = `${formatQuantity(current.value, unit, decimals)} in ${input.currentLabel} against ${formatQuantity(
    baseline.value,
    unit,
    decimals,
  )} in ${baseLabel} (${formatChange(change.change, unit, decimals)})`;
  const fallback =
    basis === "previous_period"
      ? " It is compared with the previous period because there is no figure for the same period last year."
      : "";
  switch (change.assessment) {
    case "improving":
      return {
        group: "positive",
        basis,
        sentence: `${title} improved significantly: ${figures}.${fallback}`,
      };
    case "worsening":
      return {
        group: "negative",
        basis,
        sentence: `${title} worsened significantly: ${figures}.${fallback}`,
      };
    default:
      return {
        group: "no_significant_change",
        basis,
        sentence: `${title} shows no significant change: ${figures}.${fallback}`,
      };
  }
}
