import {
  type ChangeResult,
  compareChange,
  compareWithBenchmark,
  type Estimate,
  formatDisplayDate,
  type IndicatorDefinition,
  previousPeriod,
  previousYearEnd,
  quarterOfDate,
  quartileBand,
  ragStatus,
  type StatusResult,
  samePeriodLastYear,
  type Window,
  windowLabel,
} from "@kpi/core";
import type { BenchmarkRecord } from "../datasets/schemas.js";
import type { Evaluator } from "../evaluate/evaluator.js";
import { type BenchmarkPick, latestBenchmarks } from "./latest-benchmarks.js";
import type {
  BenchmarkEntry,
  Ci,
  Comparison,
  QuartileEntry,
  SeriesEntry,
  TargetHistory,
  TargetValue,
} from "./schemas.js";
import { targetForPeriod } from "./target-for-period.js";

/** What an entry is judged against: targets per financial year, benchmarks, and an optional breakdown. */
export interface EntryContext {
  /** Targets of this indicator per financial year id (falls back to the definition's default). */
  targets?: TargetHistory | undefined;
  /** The organisation's `benchmarks` records (any indicators). */
  benchmarks?: readonly BenchmarkRecord[] | undefined;
  /** A breakdown field the indicator lists. */
  by?: string | undefined;
}

/** A baseline period with its estimate and the change from it. */
export interface Baseline {
  /** The baseline's period id (of the window's kind; a quarter id for the previous year end). */
  period: string;
  /** Its display label, e.g. `Q2 2018-19`, `31 Mar 2019`. */
  label: string;
  /** Its estimate. */
  estimate: Estimate;
  /** The change from it to the entry's value. */
  change: ChangeResult;
}

/** A benchmark with how the value compares with it. */
export interface BenchmarkDetail extends BenchmarkEntry {
  /** The comparison's reason when it could not be made; otherwise `null`. */
  reason: string | null;
}

/** An entry plus the estimates and judgements behind it, for narrative and KPI sorting. */
export interface EntryDetail {
  /** The entry as the API shows it. */
  entry: SeriesEntry;
  /** The entry's estimate. */
  current: Estimate;
  /** The window's label, e.g. `Q1–Q2 2019-20 (year to date)`. */
  label: string;
  /** Previous period of the same window (`null` for `ytd` at Q1). */
  previous: Baseline | null;
  /** The same period one financial year earlier. */
  samePeriodLastYear: Baseline;
  /** The value at the last 31 March before the period (stock indicators only). */
  previousYearEnd: Baseline | null;
  /** Status against the target. */
  status: StatusResult;
  /** Benchmarks compared (empty for indicators not comparable with DfE's definition). */
  benchmarks: BenchmarkDetail[];
}

function ciOf(e: Estimate): Ci {
  return { lower: e.lower, upper: e.upper, level: e.confidence, method: e.method };
}

function targetValue(status: StatusResult): TargetValue | null {
  const t = status.target;
  if (t === null) return null;
  return "value" in t ? t.value : [t.range[0], t.range[1]];
}

function comparisonOf(b: Baseline | null): Comparison | null {
  if (b === null) return null;
  return {
    period: b.period,
    value: b.estimate.value,
    change: b.change.change,
    significant: b.change.significant,
    test: b.change.test,
    p_value: b.change.pValue,
  };
}

function quartileOf(
  current: Estimate,
  picks: readonly BenchmarkPick[],
  polarity: IndicatorDefinition["polarity"],
): QuartileEntry | null {
  if (current.value === null) return null;
  for (const pick of picks) {
    if (pick.members.length < 5) continue;
    const q = quartileBand(current.value, pick.members, polarity);
    if (q.band !== null)
      return { comparator: pick.comparator, period: pick.period, band: q.band, members: pick.members.length };
  }
  return null;
}

/**
 * One period of an indicator, judged: its value and interval, the target of its financial year and the
 * RAG status, the change against the previous period and the same period last year (and, for stock
 * indicators, the last year end) with significance, the latest benchmarks with their result, the
 * quartile band among a comparator group, and the breakdown groups when asked. Values stay unrounded.
 *
 * @param evaluator - the organisation's evaluator
 * @param definition - the indicator's definition
 * @param periodId - a period id of the window's kind
 * @param window - the window
 * @param context - targets, benchmarks and breakdown
 * @returns the API entry and the details behind it
 * @throws CatalogueError from the evaluator for a wrong period kind or an unlisted breakdown
 * @example
 * ```ts
 * const { entry } = seriesEntry(evaluator, definition, "FY2019-20-Q2", "quarter", { targets: {} });
 * entry.status; // "red"
 * ```
 */
export function seriesEntry(
  evaluator: Evaluator,
  definition: IndicatorDefinition,
  periodId: string,
  window: Window,
  context: EntryContext = {},
): EntryDetail {
  const evaluation = evaluator.evaluate(
    definition.id,
    periodId,
    window,
    context.by === undefined ? {} : { by: context.by },
  );
  const current = evaluation.estimate;
  const baseline = (period: string, label: string, w: Window): Baseline => {
    const estimate = evaluator.evaluate(definition.id, period, w).estimate;
    return { period, label, estimate, change: compareChange(current, estimate, definition.polarity) };
  };

  const previousId = previousPeriod(periodId, window);
  const previous = previousId === null ? null : baseline(previousId, windowLabel(previousId, window), window);
  const lastYearId = samePeriodLastYear(periodId);
  const lastYear = baseline(lastYearId, windowLabel(lastYearId, window), window);
  let yearEnd: Baseline | null = null;
  if (definition.kind === "stock") {
    const date = previousYearEnd(periodId, window);
    yearEnd = baseline(quarterOfDate(date).id, formatDisplayDate(date), "quarter");
  }

  const { target } = targetForPeriod(definition, periodId, context.targets);
  const status = ragStatus(current, target, definition.polarity, {
    confidenceAware: definition.confidenceAwareStatus,
  });

  const picks =
    definition.dfeComparable && context.benchmarks !== undefined
      ? latestBenchmarks(context.benchmarks, definition.id, periodId)
      : [];
  const benchmarks: BenchmarkDetail[] = [];
  for (const pick of picks) {
    if (pick.value === null) continue;
    const compared = compareWithBenchmark(current, pick.value, definition.polarity);
    benchmarks.push({
      comparator: pick.comparator,
      period: pick.period,
      value: pick.value,
      result: compared.result,
      reason: compared.reason,
    });
  }

  const label = windowLabel(periodId, window);
  const entry: SeriesEntry = {
    period: periodId,
    label,
    value: current.value,
    numerator: current.numerator,
    denominator: current.denominator,
    unit: definition.unit,
    ci: ciOf(current),
    target: targetValue(status),
    status: status.status,
    comparisons: {
      previous_period: comparisonOf(previous),
      same_period_last_year: comparisonOf(lastYear),
      ...(definition.kind === "stock" ? { previous_year_end: comparisonOf(yearEnd) } : {}),
    },
    benchmarks: benchmarks.map(({ comparator, period, value, result }) => ({
      comparator,
      period,
      value,
      result,
    })),
    quartile: definition.dfeComparable ? quartileOf(current, picks, definition.polarity) : null,
    note: current.note,
    extras: { ...evaluation.extras },
    sources: [...evaluation.sources],
    ...(context.by === undefined
      ? {}
      : {
          groups: (evaluation.groups ?? []).map((g) => ({
            key: g.key,
            label: g.label,
            value: g.estimate.value,
            numerator: g.estimate.numerator,
            denominator: g.estimate.denominator,
            ci: ciOf(g.estimate),
          })),
        }),
  };
  return {
    entry,
    current,
    label,
    previous,
    samePeriodLastYear: lastYear,
    previousYearEnd: yearEnd,
    status,
    benchmarks,
  };
}
