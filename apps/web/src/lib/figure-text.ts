import type { BenchmarkEntry, TargetValue } from "@kpi/contract";
import { type DisclosureCell, formatChangeShort, formatValue, SUPPRESSED, type Unit } from "@kpi/core";

/**
 * A target as people read it: one figure, or a range `low–high`, formatted in the indicator's unit.
 *
 * @param target - the target, or `null`
 * @param unit - the indicator's unit
 * @param decimals - display decimals
 * @returns e.g. `60.0%` or `80.0%–90.0%`; `None` without a target
 * @example
 * ```ts
 * targetText([80, 90], "percent", 1); // "80.0%–90.0%"
 * ```
 */
export function targetText(target: TargetValue | null, unit: Unit, decimals: number): string {
  if (target === null) return "None";
  if (typeof target === "number") return formatValue(target, unit, decimals);
  return `${formatValue(target[0], unit, decimals)}–${formatValue(target[1], unit, decimals)}`;
}

const RESULT_WORDS: Record<string, string> = {
  similar: "similar",
  better: "better",
  worse: "worse",
  higher: "higher",
  lower: "lower",
  not_comparable: "not comparable",
};

/**
 * A benchmark in words: the comparator, its year and figure, and how the value compares.
 *
 * @param benchmark - the benchmark entry
 * @param unit - the indicator's unit
 * @param decimals - display decimals
 * @returns e.g. `England 2018-19: 45.0% (better)`
 * @example
 * ```ts
 * benchmarkText({ comparator: "England", period: "FY2018-19", value: 45, result: "better" }, "percent", 1);
 * // "England 2018-19: 45.0% (better)"
 * ```
 */
export function benchmarkText(benchmark: BenchmarkEntry, unit: Unit, decimals: number): string {
  const year = benchmark.period.replace(/^FY/, "");
  const result = RESULT_WORDS[benchmark.result] ?? benchmark.result.replaceAll("_", " ");
  return `${benchmark.comparator} ${year}: ${formatValue(benchmark.value, unit, decimals)} (${result})`;
}

/**
 * A change for tables and tiles, signed, with `pp` for percentages.
 *
 * @param change - the unrounded change, or `null`
 * @param unit - the indicator's unit
 * @param decimals - display decimals
 * @returns e.g. `+2.4pp`; `–` without a change
 * @example
 * ```ts
 * changeText(2.36, "percent", 1); // "+2.4pp"
 * ```
 */
export function changeText(change: number | null, unit: Unit, decimals: number): string {
  return formatChangeShort(change, unit, decimals);
}

/**
 * A published figure as the page prints it: `c` where the catalogue suppressed it (as the CSV has it),
 * otherwise the value formatted in the indicator's unit.
 *
 * @param cell - a figure of the catalogue's `reportView`: a number, `null` or `"c"`
 * @param unit - the indicator's unit
 * @param decimals - display decimals
 * @returns e.g. `47.6%`, or `c`
 * @example
 * ```ts
 * publishedText("c", "percent", 1); // "c"
 * publishedText(47.6, "percent", 1); // "47.6%"
 * ```
 */
export function publishedText(cell: DisclosureCell, unit: Unit, decimals: number): string {
  return cell === SUPPRESSED ? SUPPRESSED : formatValue(cell, unit, decimals);
}
