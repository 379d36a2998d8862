import { type Period, parsePeriod, parsePeriodOrThrow } from "@kpi/core";
import type { BenchmarkRecord } from "../datasets/schemas.js";

/** A comparator's figures for the period chosen for a value. */
export interface BenchmarkPick {
  /** The comparator group, e.g. `statistical_neighbours`. */
  comparator: string;
  /** The benchmark's period id (normally a financial year such as `FY2017-18`). */
  period: string;
  /**
   * The group's own figure (the row without a `member`), or `null` when only members were posted or
   * the published figure is suppressed.
   */
  value: number | null;
  /** Values of the group's members in that period (rows with a `member`), for quartile banding. */
  members: number[];
}

/** Comparators in the order the report names them; any other group follows, alphabetically. */
const COMPARATOR_ORDER = ["statistical_neighbours", "region", "england"];

function comparatorRank(comparator: string): number {
  const i = COMPARATOR_ORDER.indexOf(comparator);
  return i === -1 ? COMPARATOR_ORDER.length : i;
}

const KIND_RANK: Record<Period["kind"], number> = { year: 0, quarter: 1, month: 2 };

/**
 * For each comparator of an indicator, the benchmark figures of the same or the most recent earlier
 * financial year than a period (benchmarks are published a year or more late, so the report compares
 * with "statistical neighbours 2017-18"). Rows of a later period than the value's are never used. When
 * a year holds several rows of a comparator (a year and its quarters), the one ending latest wins, the
 * year before a quarter on a tie.
 *
 * @param benchmarks - `benchmarks` records of the organisation (any indicators)
 * @param indicatorId - the indicator
 * @param periodId - the value's period (any valid period id)
 * @returns one pick per comparator: `statistical_neighbours`, `region`, `england`, then others A–Z
 * @throws CoreError `invalid_period` when `periodId` is not a valid period id (programmer error)
 * @example
 * ```ts
 * latestBenchmarks(
 *   [{ indicator_id: "leavers.eet_18_21_pct", comparator: "statistical_neighbours", period: "FY2017-18",
 *      member: null, value: 53.7, lower: null, upper: null }],
 *   "leavers.eet_18_21_pct",
 *   "FY2019-20-Q2",
 * ); // [{ comparator: "statistical_neighbours", period: "FY2017-18", value: 53.7, members: [] }]
 * ```
 */
export function latestBenchmarks(
  benchmarks: readonly BenchmarkRecord[],
  indicatorId: string,
  periodId: string,
): BenchmarkPick[] {
  const at = parsePeriodOrThrow(periodId);
  const best = new Map<string, Period>();
  const usable: { row: BenchmarkRecord; period: Period }[] = [];
  for (const row of benchmarks) {
    if (row.indicator_id !== indicatorId) continue;
    const parsed = parsePeriod(row.period);
    if (!parsed.ok) continue;
    const p = parsed.period;
    if (p.fyStartYear > at.fyStartYear || p.start > at.end) continue;
    usable.push({ row, period: p });
    const current = best.get(row.comparator);
    if (current === undefined || isLater(p, current)) best.set(row.comparator, p);
  }
  const picks: BenchmarkPick[] = [];
  for (const [comparator, period] of best) {
    let value: number | null = null;
    const members: number[] = [];
    for (const { row } of usable) {
      if (row.comparator !== comparator || row.period !== period.id) continue;
      // A suppressed figure (`status` instead of a value) is no figure: never read as 0.
      if (row.member === null) value = row.value;
      else if (row.value !== null) members.push(row.value);
    }
    picks.push({ comparator, period: period.id, value, members });
  }
  return picks.sort(
    (a, b) =>
      comparatorRank(a.comparator) - comparatorRank(b.comparator) ||
      (a.comparator < b.comparator ? -1 : a.comparator > b.comparator ? 1 : 0),
  );
}

function isLater(a: Period, b: Period): boolean {
  if (a.fyStartYear !== b.fyStartYear) return a.fyStartYear > b.fyStartYear;
  if (a.end !== b.end) return a.end > b.end;
  return KIND_RANK[a.kind] < KIND_RANK[b.kind];
}
