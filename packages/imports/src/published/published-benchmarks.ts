import { findIndicator, type PublishedStatus } from "@kpi/catalogue";
import { type Polarity, type QuartileBand, quartileBand, quartileBander } from "@kpi/core";
import type { PublishedCell } from "./published-cell.js";
import type { PublishedFigures } from "./published-figures.js";

/** A `benchmarks` record as the importer posts it (the dataset's fields; empty ones left out). */
export interface PublishedBenchmark {
  readonly indicator_id: string;
  readonly comparator: "england" | "region" | "statistical_neighbours";
  readonly period: string;
  readonly member?: string;
  readonly value?: number;
  readonly status?: PublishedStatus;
  readonly median?: number;
  readonly publication: string;
  readonly publication_year: number;
  readonly rank?: number;
  readonly rank_of?: number;
  readonly band?: QuartileBand;
}

/** The authority the benchmarks are for. */
export interface BenchmarkedAuthority {
  /** Old three-digit code, e.g. `885`. */
  readonly oldCode: string;
  /** Its region's code, e.g. `E12000005`. */
  readonly regionCode: string;
  /** Its statistical neighbours' old codes (none when no list was given). */
  readonly neighbours: readonly string[];
}

/**
 * An authority's rank among all authorities with a published figure (1 the best: the highest when
 * higher is better, the lowest when lower is, the highest for an indicator without polarity; ties share
 * the better rank) and its quartile band among them by the product's one banding rule (`@kpi/core`'s
 * `quartileBand`: A the best quarter, quartiles as Excel's `QUARTILE.INC`), as LAIT shows both.
 *
 * @param own - the authority's figure
 * @param all - every authority's figure (its own among them)
 * @param polarity - the indicator's polarity
 * @returns rank, how many were ranked, and band (`null` when fewer than 5 authorities have a figure)
 * @example
 * ```ts
 * rankAmongAuthorities(20, [10, 20, 30, 40, 50], "low"); // { rank: 2, rank_of: 5, band: "A" }
 * ```
 */
export function rankAmongAuthorities(
  own: number,
  all: readonly number[],
  polarity: Polarity,
): { rank: number; rank_of: number; band: QuartileBand | null } {
  let better = 0;
  for (const v of all) if (polarity === "low" ? v < own : v > own) better += 1;
  return { rank: better + 1, rank_of: all.length, band: quartileBand(own, all, polarity).band };
}

type Place = ReturnType<typeof rankAmongAuthorities>;
const rankings = new WeakMap<PublishedFigures, { place: (own: number) => Place }>();

/**
 * The ranking of one figure set, prepared once however many authorities are imported from it: the
 * authorities' figures (joint rows once) and their quartiles; the same rule as
 * {@link rankAmongAuthorities}.
 */
function rankingOf(f: PublishedFigures, polarity: Polarity): { place: (own: number) => Place } {
  const known = rankings.get(f);
  if (known !== undefined) return known;
  const values: number[] = [];
  const keys = new Set<string>();
  for (const a of f.authorities.values()) {
    if (a.cell.value === undefined || keys.has(a.key)) continue;
    keys.add(a.key);
    values.push(a.cell.value);
  }
  const band = quartileBander(values, polarity);
  const ranking = {
    place(own: number): Place {
      let better = 0;
      for (const v of values) if (polarity === "low" ? v < own : v > own) better += 1;
      return { rank: better + 1, rank_of: values.length, band: band(own).band };
    },
  };
  rankings.set(f, ranking);
  return ranking;
}

/**
 * The benchmarks of one authority from published figures (each an indicator's figures for one period
 * at every geography): England's figure with the authority's rank and quartile band among all
 * authorities; its region's figure; its statistical neighbours' mean (LAIT's "statistical neighbours
 * average") and median as the group's row, and every neighbour's own figure as a member row named as
 * published. A suppressed figure is kept as its status; the neighbours' mean and median are of the
 * neighbours with a figure (LAIT's rule), and are left out when none has one. Every row carries the
 * publication and its year. Mappings of a different definition are not made into benchmarks.
 *
 * @param figures - published figures (from the readers)
 * @param authority - the authority, its region and neighbours
 * @returns the benchmark records
 * @example
 * ```ts
 * publishedBenchmarks([], { oldCode: "885", regionCode: "E12000005", neighbours: ["860", "861"] }); // []
 * ```
 */
export function publishedBenchmarks(
  figures: readonly PublishedFigures[],
  authority: BenchmarkedAuthority,
): PublishedBenchmark[] {
  const out: PublishedBenchmark[] = [];
  for (const f of figures) {
    if (f.source.definition !== "same") continue;
    const polarity = findIndicator(f.source.indicatorId)?.definition.polarity ?? "none";
    const row = (
      comparator: PublishedBenchmark["comparator"],
      cell: PublishedCell,
      extra?: Partial<PublishedBenchmark>,
    ): PublishedBenchmark => {
      const r: { -readonly [K in keyof PublishedBenchmark]: PublishedBenchmark[K] } = {
        indicator_id: f.source.indicatorId,
        comparator,
        period: f.period,
        publication: f.publication,
        publication_year: f.publicationYear,
      };
      if (cell.value !== undefined) r.value = cell.value;
      else r.status = cell.status;
      return extra === undefined ? r : Object.assign(r, extra);
    };
    if (f.england !== undefined) {
      const own = f.authorities.get(authority.oldCode)?.cell.value;
      const place = own === undefined ? null : rankingOf(f, polarity).place(own);
      const extra: { rank?: number; rank_of?: number; band?: QuartileBand } = {};
      if (place !== null) {
        extra.rank = place.rank;
        extra.rank_of = place.rank_of;
        if (place.band !== null) extra.band = place.band;
      }
      out.push(row("england", f.england, extra));
    }
    const region = f.regions.get(authority.regionCode);
    if (region !== undefined) out.push(row("region", region));
    const members: number[] = [];
    const memberRows: PublishedBenchmark[] = [];
    const seen = new Set<string>();
    for (const code of authority.neighbours) {
      const n = f.authorities.get(code);
      // Two neighbours published jointly ("940 / 941") are one figure: counted and listed once.
      if (n === undefined || seen.has(n.key)) continue;
      seen.add(n.key);
      if (n.cell.value !== undefined) members.push(n.cell.value);
      memberRows.push(row("statistical_neighbours", n.cell, { member: n.name }));
    }
    const mean = meanOf(members);
    const median = medianOf(members);
    if (mean !== null && median !== null)
      out.push(row("statistical_neighbours", { value: mean }, { median }));
    for (const r of memberRows) out.push(r);
  }
  return out;
}

/** The mean at 12 significant digits (no binary noise), or `null` for none. */
function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return Number((sum / values.length).toPrecision(12));
}

/** The median (the mean of the middle two for an even count), or `null` for none. */
function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return Number(m.toPrecision(12));
}
