import { formatDisplayDate, parsePeriodOrThrow, previousPeriodOf, quarterOfDate } from "@kpi/core";
import { datasets } from "../datasets/registry.js";
import { type DatasetName, datasetNames } from "../datasets/schemas.js";
import type { CoverageSource } from "./coverage-source.js";
import type { DataNeed } from "./data-need.js";
import { type DateSpan, describeSpans, spansTouch, unionSpans } from "./date-spans.js";
import { inferCoverage } from "./infer-coverage.js";

/** What is known about one dataset's completeness: its sources and the union of their spans. */
export interface DatasetCoverage {
  /** The union of the sources' spans (disjoint, oldest first). */
  readonly spans: readonly DateSpan[];
  /** The sources, oldest span first. */
  readonly sources: readonly CoverageSource[];
}

/**
 * Each dated dataset's coverage from a list of sources: the union of its sources' spans (a dataset
 * without sources covers nothing). Undated datasets are left out: they have no date coverage.
 *
 * @param sources - current sources of any datasets
 * @returns dataset → coverage, for every dated dataset
 * @example
 * ```ts
 * const coverage = coverageByDataset([
 *   { id: "a", dataset: "cla_episodes", kind: "statutory", name: "SSDA903 return 2017-18",
 *     from: "2017-04-01", to: "2018-03-31", as_of: null, history_from: null, received_at: null },
 *   { id: "b", dataset: "cla_episodes", kind: "statutory", name: "SSDA903 return 2018-19",
 *     from: "2018-04-01", to: "2019-03-31", as_of: null, history_from: null, received_at: null },
 * ]);
 * coverage.get("cla_episodes")?.spans; // [{ from: "2017-04-01", to: "2019-03-31" }]
 * coverage.get("contacts")?.spans; // []
 * ```
 */
export function coverageByDataset(
  sources: readonly CoverageSource[],
): ReadonlyMap<DatasetName, DatasetCoverage> {
  const out = new Map<DatasetName, DatasetCoverage>();
  for (const name of datasetNames) {
    if (datasets[name].dating.kind === "undated") continue;
    const own = sources
      .filter((s) => s.dataset === name)
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : 1));
    out.set(name, { spans: unionSpans(own), sources: own });
  }
  return out;
}

/**
 * The sources the evaluator assumes when it is given records without a coverage: one `inferred`
 * source per dated dataset that has dated records, spanning {@link inferCoverage} of its records,
 * with id `inferred:<dataset>`.
 *
 * @param records - one array per dataset
 * @returns the inferred sources, in dataset order
 * @example
 * ```ts
 * inferredSources({ contacts: [{ contact_date: "2019-07-01" }, { contact_date: "2019-09-30" }] })[0];
 * // { id: "inferred:contacts", dataset: "contacts", kind: "inferred",
 * //   name: "contacts in the records given (inferred)", from: "2019-07-01", to: "2019-09-30",
 * //   as_of: null, history_from: null, received_at: null }
 * ```
 */
export function inferredSources(records: Partial<Record<DatasetName, readonly object[]>>): CoverageSource[] {
  const out: CoverageSource[] = [];
  for (const name of datasetNames) {
    const span = inferCoverage(name, records[name] ?? []);
    if (span === null) continue;
    out.push({
      id: `inferred:${name}`,
      dataset: name,
      kind: "inferred",
      name: `${datasets[name].noun} in the records given (inferred)`,
      from: span.from,
      to: span.to,
      as_of: null,
      history_from: null,
      received_at: null,
    });
  }
  return out;
}

/**
 * The sources of a dataset that hold at least one of the days asked about, oldest span first: what a
 * figure needing those days drew on.
 *
 * @param coverage - the dataset's coverage
 * @param span - the days the figure needs
 * @returns the sources touching them
 * @example
 * ```ts
 * const s = (id: string, from: string, to: string) =>
 *   ({ id, dataset: "contacts", kind: "declared", name: id, from, to, as_of: null, history_from: null, received_at: null });
 * const coverage = { spans: [], sources: [s("Q1", "2019-04-01", "2019-06-30"), s("Q2", "2019-07-01", "2019-09-30")] };
 * sourcesTouching(coverage, { from: "2019-09-30", to: "2019-09-30" }).map((x) => x.id); // ["Q2"]
 * ```
 */
export function sourcesTouching(coverage: DatasetCoverage, span: DateSpan): CoverageSource[] {
  return coverage.sources.filter((s) => spansTouch([s], span));
}

/**
 * Why a figure has no value when a dataset it reads is not covered for the days it needs, in an
 * analyst's words: what the dataset is loaded for, and, when the figure looks back before its window,
 * how far. "No value: care episodes are loaded for 1 Apr 2017 – 31 Mar 2018."
 *
 * @param need - the need that is not met
 * @param coverage - the dataset's coverage
 * @param needed - the days the need asks for
 * @returns the note, a complete sentence (or two) starting "No value:"
 * @example
 * ```ts
 * const coverage = { spans: [{ from: "2017-04-01", to: "2018-03-31" }], sources: [] };
 * const need = { dataset: "cla_episodes", days: "day" };
 * uncoveredNote(need, coverage, { from: "2019-03-31", to: "2019-03-31" });
 * // "No value: care episodes are loaded for 1 Apr 2017 – 31 Mar 2018."
 * uncoveredNote({ dataset: "referrals", days: "window", monthsBefore: 12 }, { spans: [], sources: [] },
 *   { from: "2016-04-01", to: "2018-03-31" });
 * // "No value: no referrals are loaded."
 * ```
 */
export function uncoveredNote(need: DataNeed, coverage: DatasetCoverage, needed: DateSpan): string {
  const noun = datasets[need.dataset].noun;
  if (coverage.spans.length === 0) return `No value: no ${noun} are loaded.`;
  const loaded = `No value: ${noun} are loaded for ${describeSpans(coverage.spans)}.`;
  const months = need.monthsBefore ?? 0;
  if (need.days === "any_day")
    return `${loaded} This figure needs one dated in the ${months} months to ${formatDisplayDate(needed.to)}.`;
  if (months > 0)
    return `${loaded} This figure looks back ${months} months and needs them from ${formatDisplayDate(needed.from)} to ${formatDisplayDate(needed.to)}.`;
  return loaded;
}

/**
 * The latest quarter lying wholly inside the coverage of some dated dataset ("the latest quarter with
 * data"): the default period of values, series and reports.
 *
 * @param coverage - coverage per dataset
 * @returns a quarter id, or `null` when no dataset covers a whole quarter
 * @example
 * ```ts
 * const c = new Map([["contacts", { spans: [{ from: "2019-04-01", to: "2019-09-29" }], sources: [] }]]);
 * latestCoveredQuarter(c); // "FY2019-20-Q1"
 * ```
 */
export function latestCoveredQuarter(coverage: ReadonlyMap<string, DatasetCoverage>): string | null {
  let best: { id: string; end: string } | null = null;
  for (const { spans } of coverage.values()) {
    for (const span of spans) {
      let q = quarterOfDate(span.to);
      if (q.end > span.to) q = parsePeriodOrThrow(previousPeriodOf(q.id));
      if (q.start < span.from) continue;
      if (best === null || q.end > best.end) best = { id: q.id, end: q.end };
    }
  }
  return best?.id ?? null;
}
