import { dayNumberFromCivil } from "../dates/civil-days.js";
import { fromDayNumber, type IsoDate } from "../dates/iso-date.js";
import { CoreError } from "../errors/core-error.js";
import { bankHolidays, bankHolidayYears, type Division, divisionSchema } from "./bank-holidays.js";

/**
 * Which days are not working days besides weekends: the bank holidays of a `division` (default
 * `england-and-wales`) plus any `extraHolidays` a deployment adds (local closure days such as an
 * office closure between Christmas and New Year). Extra days at a weekend change nothing.
 */
export interface WorkingDayOptions {
  /** Bank-holiday division; `england-and-wales` when absent. */
  division?: Division;
  /** Further non-working dates (valid ISO dates). Treat the array as immutable once passed. */
  extraHolidays?: readonly IsoDate[];
}

/**
 * A working-day calendar: Monday–Friday minus the chosen holidays, precomputed so that each call costs
 * a date parse plus O(1) (`isWorkingDay`, `workingDaysBetween`) or O(log n) (`addWorkingDays`) work.
 * Dates outside the bank-holiday table's years (see `bankHolidayYears`) still skip weekends and any
 * extra holidays, but know no bank holidays.
 */
export interface WorkingDayCalendar {
  /** The division whose bank holidays this calendar uses. */
  readonly division: Division;
  /** Whether a date is a working day (a weekday that is not a holiday). */
  isWorkingDay(date: IsoDate): boolean;
  /** Working days after `start` up to and including `end`; 0 on the same day; negative when `end < start`. */
  workingDaysBetween(start: IsoDate, end: IsoDate): number;
  /** The `n`-th working day after `date` (`n` > 0), before it (`n` < 0), or `date` itself (`n` = 0). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Whether the bank-holiday table covers the date's year (outside it only weekends and extra days count). */
  knowsHolidaysOn(date: IsoDate): boolean;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
/** Day number of Monday 1970-01-05, the anchor of the weekday count. */
const MONDAY_ANCHOR = 4;

function invalidDate(date: unknown): never {
  throw new CoreError("invalid_date", `Not a valid date (YYYY-MM-DD): '${String(date)}'`);
}

/** Value of `len` ASCII digits of `s` from `at`, or −1 when any is not a digit. */
function digitsAt(s: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Day number (days since 1970-01-01) of a valid ISO date, parsed without allocating: these functions
 * run millions of times. Same result as `toDayNumber` in `dates/iso-date.ts`.
 */
function dayNumberOrThrow(date: IsoDate): number {
  if (
    typeof date !== "string" ||
    date.length !== 10 ||
    date.charCodeAt(4) !== 45 ||
    date.charCodeAt(7) !== 45
  )
    invalidDate(date);
  const y = digitsAt(date, 0, 4);
  const m = digitsAt(date, 5, 2);
  const d = digitsAt(date, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) invalidDate(date);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const dim = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m] ?? 0);
  if (d > dim) invalidDate(date);
  return dayNumberFromCivil(y, m, d);
}

/** Weekdays (Mon–Fri) among day numbers up to and including `x`, counted from the anchor (any origin works). */
function weekdaysUpTo(x: number): number {
  const t = x - MONDAY_ANCHOR;
  const weeks = Math.floor(t / 7);
  const r = t - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + (r < 5 ? r + 1 : 5);
}

function isWeekday(x: number): boolean {
  const r = (((x - MONDAY_ANCHOR) % 7) + 7) % 7;
  return r < 5;
}

const TABLE_FIRST_DAY = dayNumberOrThrow(`${bankHolidayYears.first}-01-01`);
const TABLE_LAST_DAY = dayNumberOrThrow(`${bankHolidayYears.last}-12-31`);

/**
 * Build a working-day calendar. Building sorts the holidays and lays a prefix sum over the days they
 * span, so every later count is a subtraction; build once and reuse it for bulk work.
 *
 * @param options - division (default `england-and-wales`) and extra non-working dates
 * @returns the calendar
 * @throws CoreError for an unknown division or an invalid extra date
 * @example
 * ```ts
 * const cal = createWorkingDayCalendar({ extraHolidays: ["2019-12-24"] });
 * cal.workingDaysBetween("2019-12-23", "2019-12-27"); // 1
 * cal.addWorkingDays("2019-12-23", 1); // "2019-12-27"
 * ```
 */
export function createWorkingDayCalendar(options?: WorkingDayOptions): WorkingDayCalendar {
  const division = options?.division ?? "england-and-wales";
  if (!divisionSchema.safeParse(division).success)
    throw new CoreError(
      "invalid_argument",
      `Not a bank-holiday division: '${String(division)}'. Use one of ${divisionSchema.options.join(", ")}.`,
    );
  const days = new Set<number>();
  for (const d of bankHolidays[division]) days.add(dayNumberOrThrow(d));
  for (const d of options?.extraHolidays ?? []) {
    const x = dayNumberOrThrow(d);
    if (isWeekday(x)) days.add(x);
  }
  const sorted = Int32Array.from(days).sort();
  const total = sorted.length;
  const lo = total > 0 ? (sorted[0] ?? 0) : 0;
  const hi = total > 0 ? (sorted[total - 1] ?? -1) : -1;
  // prefix[i] = holidays on or before day lo + i.
  const prefix = new Int32Array(Math.max(0, hi - lo + 1));
  let k = 0;
  for (let i = 0; i < prefix.length; i++) {
    if (k < total && sorted[k] === lo + i) k++;
    prefix[i] = k;
  }

  const holidaysUpTo = (x: number): number => (x < lo ? 0 : x > hi ? total : (prefix[x - lo] ?? 0));
  /** Working days among day numbers up to and including `x` (relative to a fixed origin). */
  const upTo = (x: number): number => weekdaysUpTo(x) - holidaysUpTo(x);
  const working = (x: number): boolean => isWeekday(x) && holidaysUpTo(x) === holidaysUpTo(x - 1);

  return {
    division,
    isWorkingDay(date: IsoDate): boolean {
      return working(dayNumberOrThrow(date));
    },
    workingDaysBetween(start: IsoDate, end: IsoDate): number {
      return upTo(dayNumberOrThrow(end)) - upTo(dayNumberOrThrow(start));
    },
    addWorkingDays(date: IsoDate, n: number): IsoDate {
      if (!Number.isInteger(n))
        throw new CoreError("invalid_argument", `Working days must be a whole number, got ${String(n)}`);
      const x = dayNumberOrThrow(date);
      if (n === 0) return date;
      // upTo() grows by at most 1 a day, so jumping by the shortfall (or surplus) never passes the answer.
      if (n > 0) {
        // The first day whose count reaches upTo(x) + n: the n-th working day after x.
        const target = upTo(x) + n;
        let y = x + n;
        for (let gap = target - upTo(y); gap > 0; gap = target - upTo(y)) y += gap;
        return fromDayNumber(y);
      }
      // The |n|-th working day before x: the first day whose count reaches upTo(x − 1) + n + 1.
      const target = upTo(x - 1) + n + 1;
      let y = x + n;
      for (let surplus = upTo(y) - target; surplus > 0; surplus = upTo(y) - target) y -= surplus;
      while (!working(y)) y--;
      return fromDayNumber(y);
    },
    knowsHolidaysOn(date: IsoDate): boolean {
      const x = dayNumberOrThrow(date);
      return x >= TABLE_FIRST_DAY && x <= TABLE_LAST_DAY;
    },
  };
}

const defaultCalendars = new Map<Division, WorkingDayCalendar>();
const extraCalendars = new WeakMap<
  readonly IsoDate[],
  Map<Division, { length: number; calendar: WorkingDayCalendar }>
>();

/** The cached calendar for some options: one per division, and one per division and extra-holiday array. */
function calendarFor(options: WorkingDayOptions | undefined): WorkingDayCalendar {
  const division = options?.division ?? "england-and-wales";
  const extra = options?.extraHolidays;
  if (extra === undefined || extra.length === 0) {
    let cal = defaultCalendars.get(division);
    if (cal === undefined) {
      cal = createWorkingDayCalendar({ division });
      defaultCalendars.set(division, cal);
    }
    return cal;
  }
  let byDivision = extraCalendars.get(extra);
  if (byDivision === undefined) {
    byDivision = new Map();
    extraCalendars.set(extra, byDivision);
  }
  const cached = byDivision.get(division);
  // The array is keyed by identity; a changed length means it was mutated, so rebuild.
  if (cached !== undefined && cached.length === extra.length) return cached.calendar;
  const calendar = createWorkingDayCalendar({ division, extraHolidays: extra });
  byDivision.set(division, { length: extra.length, calendar });
  return calendar;
}

/**
 * Whether a date is a working day: Monday–Friday and not a bank holiday of the division (nor an extra
 * holiday).
 *
 * @param date - a valid ISO date
 * @param options - division and extra holidays (see {@link WorkingDayOptions})
 * @returns true on a working day
 * @throws CoreError for an invalid date
 * @example
 * ```ts
 * isWorkingDay("2019-08-26"); // false (summer bank holiday)
 * isWorkingDay("2019-08-26", { division: "scotland" }); // true
 * isWorkingDay("2019-08-24"); // false (a Saturday)
 * ```
 */
export function isWorkingDay(date: IsoDate, options?: WorkingDayOptions): boolean {
  return calendarFor(options).isWorkingDay(date);
}

/**
 * A duration in working days: the working days after `start` up to and including `end`. The same
 * day gives 0; an `end` before `start` gives the negative of the reverse count. Counts add up:
 * `wd(a, c) = wd(a, b) + wd(b, c)`.
 *
 * @param start - a valid ISO date (not counted)
 * @param end - a valid ISO date (counted when it is a working day)
 * @param options - division and extra holidays (see {@link WorkingDayOptions})
 * @returns the signed count
 * @throws CoreError for an invalid date
 * @example
 * ```ts
 * workingDaysBetween("2019-07-01", "2019-09-03"); // 45
 * workingDaysBetween("2019-09-03", "2019-07-01"); // -45
 * workingDaysBetween("2019-12-24", "2019-12-27"); // 1
 * ```
 */
export function workingDaysBetween(start: IsoDate, end: IsoDate, options?: WorkingDayOptions): number {
  return calendarFor(options).workingDaysBetween(start, end);
}

/**
 * Move by working days: for `n` > 0 the `n`-th working day after `date`; for `n` < 0 the `|n|`-th
 * working day before it; for `n` = 0 `date` itself (even when it is not a working day). So
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every `n` ≥ 0, and for `n` < 0 whenever
 * `d` is a working day.
 *
 * @param date - a valid ISO date
 * @param n - whole working days
 * @param options - division and extra holidays (see {@link WorkingDayOptions})
 * @returns the date reached
 * @throws CoreError for an invalid date or a fractional `n`
 * @example
 * ```ts
 * addWorkingDays("2019-07-01", 45); // "2019-09-03"
 * addWorkingDays("2022-09-12", 15); // "2022-10-04"
 * addWorkingDays("2019-12-27", -1); // "2019-12-24"
 * ```
 */
export function addWorkingDays(date: IsoDate, n: number, options?: WorkingDayOptions): IsoDate {
  return calendarFor(options).addWorkingDays(date, n);
}
