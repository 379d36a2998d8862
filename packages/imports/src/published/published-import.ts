import { publishedPopulationSource, publishedSources } from "@kpi/catalogue";
import {
  type BenchmarkedAuthority,
  type PublishedBenchmark,
  publishedBenchmarks,
} from "./published-benchmarks.js";
import type { PublishedRead } from "./read-published-files.js";

/** A `populations` record as the importer posts it. */
export interface PublishedPopulationRecord {
  readonly year: number;
  readonly age_band: string;
  readonly count: number;
}

/** An indicator whose published figures were read but not posted, and why. */
export interface NotPosted {
  readonly indicatorId: string;
  readonly reason: string;
}

/** What to post for one authority. */
export interface PublishedImport {
  readonly benchmarks: PublishedBenchmark[];
  readonly populations: PublishedPopulationRecord[];
  /** Indicators read but of a different definition, never posted as the indicator's benchmarks. */
  readonly notPosted: NotPosted[];
  /** Indicators posted, each with the periods it has benchmarks for. */
  readonly posted: { readonly indicatorId: string; readonly periods: readonly string[] }[];
}

/**
 * The records to post for one authority from files read by `readPublishedFiles`: its benchmarks (see
 * `publishedBenchmarks`), its ONS estimates of children aged 0–17 as `populations` (age band `0-17`),
 * and the mapped indicators left out because DfE's definition differs from the indicator's.
 *
 * @param read - the files, read
 * @param authority - the authority (old code and region) and its neighbours
 * @returns the records and what was and was not posted
 * @example
 * ```ts
 * const read = { ok: true, figures: [], populations: [], neighbours: null, files: [], issues: [] } as const;
 * publishedImport(read, { oldCode: "885", regionCode: "E12000005", neighbours: [] }).benchmarks; // []
 * ```
 */
export function publishedImport(
  read: Extract<PublishedRead, { ok: true }>,
  authority: BenchmarkedAuthority,
): PublishedImport {
  const benchmarks = publishedBenchmarks(read.figures, authority);
  const populations = read.populations
    .filter((p) => p.oldCode === authority.oldCode)
    .map((p) => ({ year: p.year, age_band: publishedPopulationSource.ageBand, count: p.count }));
  const readIds = new Set(read.figures.map((f) => f.source.indicatorId));
  const notPosted = publishedSources
    .filter((s) => s.definition === "different" && readIds.has(s.indicatorId))
    .map((s) => ({ indicatorId: s.indicatorId, reason: `different definition: ${s.note ?? ""}` }));
  const periods = new Map<string, Set<string>>();
  for (const b of benchmarks) {
    const set = periods.get(b.indicator_id) ?? new Set<string>();
    set.add(b.period);
    periods.set(b.indicator_id, set);
  }
  const posted = [...periods].map(([indicatorId, set]) => ({ indicatorId, periods: [...set].sort() }));
  return { benchmarks, populations, notPosted, posted };
}
