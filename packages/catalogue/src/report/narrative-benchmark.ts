import { type JudgementQuartile, type NarrativeBenchmark, periodLabel } from "@kpi/core";
import type { QuartileEntry } from "./schemas.js";
import type { BenchmarkDetail } from "./series-entry.js";

const COMPARATOR_NAMES: Readonly<Record<string, string>> = {
  statistical_neighbours: "statistical neighbours",
  england: "England",
  region: "the region",
};

/**
 * A comparator group as it reads mid-sentence.
 *
 * @param comparator - a benchmark record's comparator, e.g. `statistical_neighbours`
 * @returns e.g. `statistical neighbours`, `England`, `the region`; other ids with spaces for underscores
 * @example
 * ```ts
 * comparatorName("statistical_neighbours"); // "statistical neighbours"
 * comparatorName("core_cities"); // "core cities"
 * ```
 */
export function comparatorName(comparator: string): string {
  return COMPARATOR_NAMES[comparator] ?? comparator.replaceAll("_", " ");
}

/**
 * The benchmark a sentence or the judgement names: the first compared (statistical neighbours first).
 *
 * @param benchmarks - an entry's benchmarks, in the report's order
 * @returns the benchmark with its comparator's name and period label, or `null` without one
 * @example
 * ```ts
 * narrativeBenchmark([{ comparator: "england", period: "FY2018-19", value: 50, result: "better", reason: null }])?.name; // "England"
 * ```
 */
export function narrativeBenchmark(benchmarks: readonly BenchmarkDetail[]): NarrativeBenchmark | null {
  const b = benchmarks[0];
  if (b === undefined) return null;
  return {
    name: comparatorName(b.comparator),
    label: periodLabel(b.period),
    value: b.value,
    result: b.result,
  };
}

/**
 * An entry's quartile band as the judgement and the draft read it.
 *
 * @param quartile - the entry's quartile, or `null`
 * @returns the band with its group's name and period label, or `null`
 * @example
 * ```ts
 * narrativeQuartile({ comparator: "statistical_neighbours", period: "FY2018-19", band: "D", members: 10 })?.label; // "2018-19"
 * ```
 */
export function narrativeQuartile(quartile: QuartileEntry | null): JudgementQuartile | null {
  if (quartile === null) return null;
  return {
    band: quartile.band,
    name: comparatorName(quartile.comparator),
    label: periodLabel(quartile.period),
  };
}
