import type { Window } from "@kpi/core";
import type { BenchmarkRecord } from "../datasets/schemas.js";
import { CatalogueError } from "../evaluate/catalogue-error.js";
import type { Evaluator } from "../evaluate/evaluator.js";
import { citedSources } from "./cited-sources.js";
import type { IndicatorSeries, TargetHistory } from "./schemas.js";
import { seriesEntry } from "./series-entry.js";
import { seriesRange } from "./series-range.js";

/** Options of {@link indicatorSeries}. */
export interface IndicatorSeriesOptions {
  /** First period (an id of the window's kind); defaults to `to`. */
  from?: string | undefined;
  /** Last period; defaults to the latest period with data. */
  to?: string | undefined;
  /** The window. */
  window: Window;
  /** A breakdown field the indicator lists. */
  by?: string | undefined;
  /** Targets of this indicator per financial year id. */
  targets?: TargetHistory | undefined;
  /** The organisation's `benchmarks` records. */
  benchmarks?: readonly BenchmarkRecord[] | undefined;
}

/**
 * An indicator's values over a range of periods of one window, oldest first, each with its interval,
 * target and status, comparisons, benchmarks and quartile (and groups with `by`), and the sources the
 * values cite: the body of `GET /v1/indicators/{id}/values`. Values are unrounded.
 *
 * @param evaluator - the organisation's evaluator
 * @param id - the indicator id
 * @param options - range, window, breakdown, targets and benchmarks
 * @returns the series
 * @throws CatalogueError `unknown_indicator` for an id the evaluator does not know, `invalid_period`
 *   for a range that {@link seriesRange} rejects (check it first), `invalid_breakdown` for an unlisted `by`
 * @example
 * ```ts
 * const s = indicatorSeries(evaluator, "ffd.contacts_swa_pct", { from: "FY2019-20-Q1", to: "FY2019-20-Q2", window: "quarter" });
 * s.values.map((v) => v.period); // ["FY2019-20-Q1", "FY2019-20-Q2"]
 * ```
 */
export function indicatorSeries(
  evaluator: Evaluator,
  id: string,
  options: IndicatorSeriesOptions,
): IndicatorSeries {
  const definition = evaluator.definitions().find((d) => d.id === id);
  if (definition === undefined) throw new CatalogueError("unknown_indicator", `Unknown indicator '${id}'`);
  const range = seriesRange(options, evaluator.latestQuarterWithData());
  if (!range.ok)
    throw new CatalogueError("invalid_period", range.issues.map((i) => `${i.field}: ${i.message}`).join(" "));
  const context = { targets: options.targets, benchmarks: options.benchmarks, by: options.by };
  const values = range.periods.map(
    (p) => seriesEntry(evaluator, definition, p, options.window, context).entry,
  );
  return { indicator: id, window: options.window, values, sources: citedSources(evaluator, values) };
}
