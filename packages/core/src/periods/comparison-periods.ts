import { type IsoDate, isoFromParts } from "../dates/iso-date.js";
import { CoreError } from "../errors/core-error.js";
import { parsePeriodOrThrow, shiftPeriod } from "./period.js";
import { checkPeriodForWindow, type Window, windowRange } from "./window.js";

function requirePeriodForWindow(id: string, window: Window): void {
  const r = checkPeriodForWindow(id, window);
  if (!r.ok) throw new CoreError("invalid_period", r.error);
}

/**
 * The period of the "previous period" comparison: the same window ending one step earlier. Quarter →
 * previous quarter; `ytd` at Q2 → `ytd` at Q1, and `ytd` at Q1 has none; `rolling12` steps back a
 * quarter; month → previous month; year → previous financial year.
 *
 * @param id - a period id of the window's kind
 * @param window - the window
 * @returns the earlier period id, or `null` when the window has no previous period (`ytd` at Q1)
 * @throws CoreError `invalid_period` for an invalid id or one of the wrong kind
 * @example
 * ```ts
 * previousPeriod("FY2019-20-Q2", "ytd"); // "FY2019-20-Q1"
 * previousPeriod("FY2019-20-Q1", "ytd"); // null
 * previousPeriod("FY2019-20-Q1", "quarter"); // "FY2018-19-Q4"
 * ```
 */
export function previousPeriod(id: string, window: Window): string | null {
  requirePeriodForWindow(id, window);
  if (window === "ytd" && parsePeriodOrThrow(id).quarter === 1) return null;
  return shiftPeriod(id, -1);
}

/**
 * The same period a number of financial years earlier (same quarter, same month, or the year itself).
 * Used with any window: the window is applied to the shifted id.
 *
 * @param id - a valid period id
 * @param years - whole years back (negative goes forward)
 * @returns the shifted period id
 * @throws CoreError for an invalid id or a fractional number of years
 * @example
 * ```ts
 * samePeriodYearsBack("FY2019-20-Q2", 2); // "FY2017-18-Q2"
 * samePeriodYearsBack("2019-08", 1); // "2018-08"
 * ```
 */
export function samePeriodYearsBack(id: string, years: number): string {
  if (!Number.isInteger(years))
    throw new CoreError("invalid_argument", `Years must be a whole number, got ${String(years)}`);
  const p = parsePeriodOrThrow(id);
  const perYear = p.kind === "quarter" ? 4 : p.kind === "month" ? 12 : 1;
  return shiftPeriod(id, -years * perYear);
}

/**
 * The same period one financial year earlier: the report's seasonal comparison (Q2 against Q2, YTD
 * against the same YTD).
 *
 * @param id - a valid period id
 * @returns the period id one year back
 * @example
 * ```ts
 * samePeriodLastYear("FY2019-20-Q2"); // "FY2018-19-Q2"
 * ```
 */
export function samePeriodLastYear(id: string): string {
  return samePeriodYearsBack(id, 1);
}

/**
 * The date of the "previous year end" comparison for stock indicators: the last 31 March strictly
 * before the window's end.
 *
 * @param id - a period id of the window's kind
 * @param window - the window
 * @returns a 31 March
 * @throws CoreError `invalid_period` for an invalid id or one of the wrong kind
 * @example
 * ```ts
 * previousYearEnd("FY2019-20-Q2", "quarter"); // "2019-03-31"
 * previousYearEnd("FY2019-20-Q4", "quarter"); // "2019-03-31"
 * ```
 */
export function previousYearEnd(id: string, window: Window): IsoDate {
  const { end } = windowRange(id, window);
  const year = Number(end.slice(0, 4));
  // A 31 March is strictly before `end` when `end` is after 31 March of its own year.
  return end.slice(5) > "03-31" ? isoFromParts(year, 3, 31) : isoFromParts(year - 1, 3, 31);
}
