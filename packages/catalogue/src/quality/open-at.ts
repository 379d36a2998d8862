import type { IsoDate } from "@kpi/core";

/**
 * Whether a date range is open at the end of a day, as the statutory returns count "at 31 March":
 * started on or before `asAt`, and not ended or ended after `asAt` (what closed on day D is not open
 * at the end of D).
 *
 * @param start - the range's start date
 * @param end - its end date, or `null` while open
 * @param asAt - the day
 * @returns true when open at the end of `asAt`
 * @example
 * ```ts
 * isOpenAt("2019-01-01", null, "2019-09-30"); // true
 * isOpenAt("2019-01-01", "2019-09-30", "2019-09-30"); // false
 * ```
 */
export function isOpenAt(start: IsoDate, end: IsoDate | null, asAt: IsoDate): boolean {
  return start <= asAt && (end === null || end > asAt);
}
