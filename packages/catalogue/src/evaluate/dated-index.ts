import type { IsoDate } from "@kpi/core";

/**
 * Records sorted by one date field, so the records dated in a window are found by binary search and
 * returned as one contiguous slice. Records whose field is `null` are left out.
 *
 * @example
 * ```ts
 * const index = createDatedIndex([{ d: "2019-07-01" }, { d: "2019-05-01" }, { d: null }], (r) => r.d);
 * index.between("2019-04-01", "2019-06-30").length; // 1
 * ```
 */
export interface DatedIndex<T> {
  /** Every dated record, oldest first (ties keep their input order). */
  readonly sorted: readonly T[];
  /** The sorted records' dates, aligned with `sorted`. */
  readonly dates: readonly IsoDate[];
  /** Records dated in `[start, end]` (both included), oldest first. */
  between(start: IsoDate, end: IsoDate): readonly T[];
  /** Earliest date, or `null` when no record is dated. */
  readonly first: IsoDate | null;
  /** Latest date, or `null` when no record is dated. */
  readonly last: IsoDate | null;
}

/**
 * The first position in `dates` (sorted ascending) whose date is not before `date`; `dates.length`
 * when every date is before it.
 *
 * @param dates - ISO dates in ascending order
 * @param date - the date looked for
 * @returns the insertion point
 * @example
 * ```ts
 * lowerBound(["2019-01-01", "2019-02-01", "2019-02-01"], "2019-02-01"); // 1
 * lowerBound(["2019-01-01"], "2020-01-01"); // 1
 * ```
 */
export function lowerBound(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as IsoDate) < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first position in `dates` (sorted ascending) whose date is after `date`.
 *
 * @param dates - ISO dates in ascending order
 * @param date - the date looked for
 * @returns the position just past the last date ≤ `date`
 * @example
 * ```ts
 * upperBound(["2019-01-01", "2019-02-01", "2019-02-01"], "2019-02-01"); // 3
 * ```
 */
export function upperBound(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as IsoDate) <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sort records once by a date field (built once per evaluator, then queried by binary search).
 *
 * @param records - the records, in any order
 * @param dateOf - reads the date field; `null` leaves the record out
 * @returns the index
 * @example
 * ```ts
 * const index = createDatedIndex([{ d: "2019-07-01" }, { d: "2019-05-01" }], (r) => r.d);
 * index.first; // "2019-05-01"
 * index.between("2019-07-01", "2019-07-01").length; // 1
 * ```
 */
export function createDatedIndex<T>(
  records: readonly T[],
  dateOf: (record: T) => IsoDate | null,
): DatedIndex<T> {
  const kept: T[] = [];
  const keptDates: IsoDate[] = [];
  for (const record of records) {
    const date = dateOf(record);
    if (date !== null) {
      kept.push(record);
      keptDates.push(date);
    }
  }
  // Sort positions by date; the sort is stable, so ties keep their input order.
  const order = Array.from(kept, (_, i) => i).sort((a, b) => {
    const da = keptDates[a] as IsoDate;
    const db = keptDates[b] as IsoDate;
    return da < db ? -1 : da > db ? 1 : 0;
  });
  const sorted = order.map((i) => kept[i] as T);
  const dates = order.map((i) => keptDates[i] as IsoDate);
  return {
    sorted,
    dates,
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    between(start, end) {
      if (end < start) return [];
      return sorted.slice(lowerBound(dates, start), upperBound(dates, end));
    },
  };
}
