import { addMonths as dfAddMonths } from "date-fns/addMonths";
import { z } from "zod";
import { CoreError } from "../errors/core-error.js";
import { civilFromDayNumber, dayNumberFromCivil } from "./civil-days.js";
import { MONTH_ABBREVIATIONS } from "./month-names.js";

/**
 * A calendar date as an ISO string `YYYY-MM-DD`. Every date in the product is a calendar date in UK
 * local time: no timestamps, no time zones. Plain strings keep values serialisable and comparable
 * (`<` on two ISO dates orders them).
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether a string is a real calendar date written `YYYY-MM-DD` (so `2019-02-29` is not).
 *
 * @param value - any value
 * @returns true for a valid ISO calendar date
 * @example
 * ```ts
 * isIsoDate("2019-09-30"); // true
 * isIsoDate("2019-02-29"); // false
 * ```
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** zod schema for an {@link IsoDate}, with a message an analyst understands. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "must be a real date written YYYY-MM-DD, such as 2019-09-30" });

/**
 * Number of days in a month.
 *
 * @param year - full year
 * @param month - 1–12 (proleptic Gregorian calendar; plain arithmetic, no `Date` — it is on the
 *   validation path of every date field of every ingested row)
 * @returns 28–31
 * @example
 * ```ts
 * daysInMonth(2020, 2); // 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 for a calendar date: the basis of all day arithmetic.
 *
 * @param date - a valid ISO date
 * @returns an integer day number
 * @throws CoreError when the date is not valid (programmer error)
 * @example
 * ```ts
 * toDayNumber("1970-01-02"); // 1
 * ```
 */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = datePartsOrThrow(date);
  return dayNumberFromCivil(year, month, day);
}

/**
 * The calendar date of a day number (see {@link toDayNumber}).
 *
 * @param dayNumber - days since 1970-01-01
 * @returns the ISO date
 * @example
 * ```ts
 * fromDayNumber(1); // "1970-01-02"
 * ```
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  const [year, month, day] = civilFromDayNumber(dayNumber);
  return isoFromParts(year, month, day);
}

/**
 * Build an ISO date from its parts (no validation beyond formatting).
 *
 * @param year - full year
 * @param month - 1–12
 * @param day - 1–31
 * @returns `YYYY-MM-DD`
 * @example
 * ```ts
 * isoFromParts(2019, 9, 30); // "2019-09-30"
 * ```
 */
export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The year, month and day of a valid ISO date.
 *
 * @param date - a valid ISO date
 * @returns its parts
 * @throws CoreError when the date is not valid (programmer error)
 * @example
 * ```ts
 * datePartsOrThrow("2019-09-30"); // { year: 2019, month: 9, day: 30 }
 * ```
 */
export function datePartsOrThrow(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date))
    throw new CoreError("invalid_date", `Not a valid date (YYYY-MM-DD): '${String(date)}'`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * Add (or subtract) calendar days.
 *
 * @param date - a valid ISO date
 * @param days - whole days, may be negative
 * @returns the shifted date
 * @example
 * ```ts
 * addDays("2019-12-31", 1); // "2020-01-01"
 * ```
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Add calendar months as date-fns `addMonths` does: the day is clamped to the end of a shorter month.
 *
 * @param date - a valid ISO date
 * @param months - whole months, may be negative
 * @returns the shifted date
 * @example
 * ```ts
 * addMonths("2019-08-31", 1); // "2019-09-30"
 * addMonths("2020-02-29", -12); // "2019-02-28"
 * ```
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = datePartsOrThrow(date);
  // Local-time Date built from parts and read back from parts: no time zone can shift the calendar day.
  const shifted = dfAddMonths(new Date(year, month - 1, day, 12), months);
  return isoFromParts(shifted.getFullYear(), shifted.getMonth() + 1, shifted.getDate());
}

/**
 * Day of the week, ISO numbering.
 *
 * @param date - a valid ISO date
 * @returns 1 = Monday … 7 = Sunday
 * @example
 * ```ts
 * isoWeekday("2019-09-30"); // 1 (a Monday)
 * ```
 */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  const n = toDayNumber(date);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/**
 * Whole calendar days from `start` to `end` (negative when `end` is earlier).
 *
 * @param start - a valid ISO date
 * @param end - a valid ISO date
 * @returns `end − start` in days
 * @example
 * ```ts
 * daysBetween("2019-09-01", "2019-09-30"); // 29
 * ```
 */
export function daysBetween(start: IsoDate, end: IsoDate): number {
  return toDayNumber(end) - toDayNumber(start);
}

/**
 * Age in whole years on a date. A 29 February birthday falls on 1 March in other years.
 *
 * @param dateOfBirth - a valid ISO date
 * @param on - the date the age is wanted for
 * @returns whole years (negative if `on` is before birth)
 * @example
 * ```ts
 * ageOn("2003-09-30", "2019-09-29"); // 15
 * ageOn("2003-09-30", "2019-09-30"); // 16
 * ageOn("2004-02-29", "2022-02-28"); // 17
 * ```
 */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const b = datePartsOrThrow(dateOfBirth);
  const d = datePartsOrThrow(on);
  let age = d.year - b.year;
  // Birthday this year: 29 Feb becomes 1 Mar in a non-leap year.
  let bm = b.month;
  let bd = b.day;
  if (bm === 2 && bd === 29 && daysInMonth(d.year, 2) === 28) {
    bm = 3;
    bd = 1;
  }
  if (d.month < bm || (d.month === bm && d.day < bd)) age -= 1;
  return age;
}

/**
 * Display a date as staff read it: `30 Sep 2019`.
 *
 * @param date - a valid ISO date
 * @returns the display text
 * @example
 * ```ts
 * formatDisplayDate("2019-09-30"); // "30 Sep 2019"
 * ```
 */
export function formatDisplayDate(date: IsoDate): string {
  const { year, month, day } = datePartsOrThrow(date);
  return `${day} ${MONTH_ABBREVIATIONS[month - 1]} ${year}`;
}

/**
 * The earlier of two ISO dates.
 *
 * @example
 * ```ts
 * minDate("2019-01-01", "2018-12-31"); // "2018-12-31"
 * ```
 */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/**
 * The later of two ISO dates.
 *
 * @example
 * ```ts
 * maxDate("2019-01-01", "2018-12-31"); // "2019-01-01"
 * ```
 */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
