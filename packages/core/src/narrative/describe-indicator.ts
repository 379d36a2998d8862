import type { ChangeResult } from "../comparisons/compare-change.js";
import { formatQuantity } from "../formatting/format-quantity.js";
import { formatSetFigure } from "../formatting/format-set-figure.js";
import { roundHalfAwayFromZero } from "../formatting/round.js";
import type { SeasonalResult } from "../seasonality/seasonality.js";
import type { StatusResult } from "../thresholds/status.js";
import type { Estimate, Polarity, Unit } from "../values/units.js";

/** A comparison period for {@link describeIndicator}: its label, its estimate and the change to it. */
export interface NarrativeComparison {
  /** e.g. `Q1 2019-20`. */
  label: string;
  /** The estimate of that period. */
  estimate: Estimate;
  /** `compareChange(current, estimate, polarity)`. */
  change: ChangeResult;
}

/** A benchmark for {@link describeIndicator}. */
export interface NarrativeBenchmark {
  /** Comparator name as it reads mid-sentence, e.g. `statistical neighbours`, `England`. */
  name: string;
  /** The benchmark's period label, e.g. `2017-18`. */
  label: string;
  /** The comparator's value on the display scale. */
  value: number;
  /** `compareWithBenchmark(…).result`, e.g. `similar`. */
  result: string;
}

/** Input of {@link describeIndicator}. Labels are already formatted (`Q2 2019-20`). */
export interface DescribeIndicatorInput {
  /** The indicator's title. */
  title: string;
  /** The indicator's unit. */
  unit: Unit;
  /** Display decimals. */
  decimals: number;
  /** Which direction is good. */
  polarity: Polarity;
  /** This period's label. */
  periodLabel: string;
  /** This period's estimate. */
  current: Estimate;
  /** The previous period, if compared. */
  previous?: NarrativeComparison | null;
  /** The same period last year, if compared. */
  samePeriodLastYear?: NarrativeComparison | null;
  /** The status against the target, if any. */
  status?: StatusResult | null;
  /** The benchmark, if any. */
  benchmark?: NarrativeBenchmark | null;
  /** The seasonal reading, if any. */
  seasonal?: SeasonalResult | null;
}

const QUALIFIERS: Record<ChangeResult["assessment"], string> = {
  improving: "a significant improvement",
  worsening: "a significant worsening",
  higher: "a significant rise",
  lower: "a significant fall",
  no_significant_change: "not a significant change",
  not_comparable: "not tested for significance",
};

const BENCHMARK_WORDS: Record<string, string | null> = {
  similar: "similar",
  better: "significantly better",
  worse: "significantly worse",
  higher: "significantly higher",
  lower: "significantly lower",
  not_comparable: null,
};

function comparisonPhrase(current: number, c: NarrativeComparison, unit: Unit, decimals: number): string {
  if (c.estimate.value === null) return `with no figure for ${c.label}`;
  const was = formatQuantity(c.estimate.value, unit, decimals);
  const a = roundHalfAwayFromZero(current, decimals);
  const b = roundHalfAwayFromZero(c.estimate.value, decimals);
  const direction = a > b ? "up from" : a < b ? "down from" : "the same as";
  return `${direction} ${was} in ${c.label} (${QUALIFIERS[c.change.assessment]})`;
}

function statusPhrase(value: number, status: StatusResult, unit: Unit, decimals: number): string | null {
  if (status.status === null || status.target === null) return null;
  const target = status.target;
  let position: string;
  if ("range" in target) {
    const [low, high] = target.range;
    const range = `the target range of ${formatSetFigure(low, unit, decimals)} to ${formatSetFigure(high, unit, decimals)}`;
    position = value < low ? `below ${range}` : value > high ? `above ${range}` : `within ${range}`;
  } else {
    const t = `the target of ${formatSetFigure(target.value, unit, decimals)}`;
    position = value < target.value ? `below ${t}` : value > target.value ? `above ${t}` : `at ${t}`;
  }
  const basis = status.basis === "interval" ? " (judged on its confidence interval)" : "";
  return `this is ${position}, ${status.status}${basis}`;
}

function benchmarkPhrase(b: NarrativeBenchmark, unit: Unit, decimals: number): string {
  const words = b.result in BENCHMARK_WORDS ? BENCHMARK_WORDS[b.result] : b.result;
  const verdict = words === null || words === undefined || words === "" ? "" : ` (${words})`;
  return `the figure for ${b.name} was ${formatSetFigure(b.value, unit, decimals)} in ${b.label}${verdict}`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Drafts the analysis sentences for one indicator, in en-GB, in stable wording (methods.md "Narrative"):
 * 1. the figure and period, with the change against the previous period and the same period last year
 *    and whether each is significant;
 * 2. the status against the target and the benchmark, when given;
 * 3. the seasonal statement, when one could be tested.
 * A label starting with a digit is a date (a stock's day) and reads "at 30 Sep 2019"; others read "in Q2 2019-20".
 * With no value it says so, with the estimate's note.
 *
 * @param input - the indicator, its value and the comparisons already computed
 * @returns one to three sentences
 * @example
 * ```ts
 * const est = (value: number | null) => ({ value, numerator: null, denominator: null, lower: null, upper: null,
 *   method: "none", confidence: 0.95, note: value === null ? "no contacts in the period" : null }) as const;
 * const base = { title: "Contacts", unit: "count", decimals: 0, polarity: "none", periodLabel: "Q2 2019-20" } as const;
 * describeIndicator({ ...base, current: est(1810) }); // "Contacts is 1,810 in Q2 2019-20."
 * describeIndicator({ ...base, current: est(null) }); // "There is no figure for Contacts in Q2 2019-20 (no contacts in the period)."
 * ```
 */
export function describeIndicator(input: DescribeIndicatorInput): string {
  const { title, unit, decimals, periodLabel, current } = input;
  if (current.value === null) {
    const why = current.note === null || current.note === "" ? "" : ` (${current.note})`;
    return `There is no figure for ${title} in ${periodLabel}${why}.`;
  }
  const value = current.value;
  const comparisons = [input.previous, input.samePeriodLastYear]
    .filter((c): c is NarrativeComparison => c !== null && c !== undefined)
    .map((c) => comparisonPhrase(value, c, unit, decimals));
  // A date label ("30 Sep 2019", a stock's day) reads "at"; a period label ("Q2 2019-20") reads "in".
  const preposition = /^\d/.test(periodLabel) ? "at" : "in";
  let first = `${title} is ${formatQuantity(value, unit, decimals)} ${preposition} ${periodLabel}`;
  if (comparisons.length === 1) first += `, ${comparisons[0]}`;
  if (comparisons.length === 2) first += `, ${comparisons[0]}, and ${comparisons[1]}`;
  const sentences = [`${first}.`];

  const parts: string[] = [];
  const status = input.status ? statusPhrase(value, input.status, unit, decimals) : null;
  if (status !== null) parts.push(status);
  if (input.benchmark) parts.push(benchmarkPhrase(input.benchmark, unit, decimals));
  if (parts.length > 0) sentences.push(`${capitalise(parts.join("; "))}.`);

  if (input.seasonal && input.seasonal.inLine !== null && input.seasonal.sentence !== "") {
    sentences.push(input.seasonal.sentence);
  }
  return sentences.join(" ");
}
