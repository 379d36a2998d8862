import { z } from "zod";
import { daysInMonth, type IsoDate, isIsoDate, isoFromParts } from "../dates/iso-date.js";
import { MONTH_ABBREVIATIONS } from "../dates/month-names.js";
import { CoreError } from "../errors/core-error.js";

/** The kinds of reporting period: a financial year (1 April–31 March), a quarter of one, a calendar month. */
export const periodKindSchema = z.enum(["year", "quarter", "month"]);
/** See {@link periodKindSchema}. */
export type PeriodKind = z.infer<typeof periodKindSchema>;

/**
 * A reporting period, parsed from its id. Every period is a closed range of calendar dates
 * `[start, end]` and belongs to one financial year (`fyStartYear`: the calendar year of its 1 April).
 *
 * - year `FY2019-20`: quarter, month and year are `null`;
 * - quarter `FY2019-20-Q2`: `quarter` is 1–4 (Q1 Apr–Jun … Q4 Jan–Mar), month and year are `null`;
 * - month `2019-08`: `month` is the calendar month 1–12 and `year` the calendar year; `quarter` is `null`
 *   (a month in January–March belongs to the financial year that started the April before).
 *
 * @example
 * ```ts
 * const p: Period = parsePeriodOrThrow("FY2019-20-Q4");
 * p.start; // "2020-01-01"
 * ```
 */
export interface Period {
  /** The canonical id, e.g. `FY2019-20-Q2`. */
  id: string;
  /** Which kind of period this is. */
  kind: PeriodKind;
  /** Calendar year in which the period's financial year starts (its 1 April). */
  fyStartYear: number;
  /** Quarter of the financial year for quarter periods, otherwise `null`. */
  quarter: 1 | 2 | 3 | 4 | null;
  /** Calendar month 1–12 for month periods, otherwise `null`. */
  month: number | null;
  /** Calendar year for month periods, otherwise `null`. */
  year: number | null;
  /** First day of the period. */
  start: IsoDate;
  /** Last day of the period (inclusive). */
  end: IsoDate;
}

/** Earliest calendar year a period id may name (financial-year start or month year). */
const MIN_YEAR = 1900;
/** Latest calendar year a period id may name (financial-year start or month year). */
const MAX_YEAR = 2999;

const ACCEPTED_FORMS =
  "Use a financial year such as FY2019-20, a quarter such as FY2019-20-Q2 (Q1 Apr–Jun … Q4 Jan–Mar), or a month such as 2019-08.";

const YEAR_RE = /^FY(\d{4})-(\d{2})$/;
const QUARTER_RE = /^FY(\d{4})-(\d{2})-Q(\d)$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Outcome of {@link parsePeriod}: the period, or why the id was rejected. */
export type ParsePeriodResult = { ok: true; period: Period } | { ok: false; error: string };

function fail(id: string, reason: string): { ok: false; error: string } {
  return { ok: false, error: `Not a period id: '${id}'. ${reason}${reason ? " " : ""}${ACCEPTED_FORMS}` };
}

function yearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

function twoDigits(n: number): string {
  return String(n % 100).padStart(2, "0");
}

function yearPeriod(fyStartYear: number): Period {
  return {
    id: `FY${fyStartYear}-${twoDigits(fyStartYear + 1)}`,
    kind: "year",
    fyStartYear,
    quarter: null,
    month: null,
    year: null,
    start: isoFromParts(fyStartYear, 4, 1),
    end: isoFromParts(fyStartYear + 1, 3, 31),
  };
}

function quarterPeriod(fyStartYear: number, quarter: 1 | 2 | 3 | 4): Period {
  // Q1 starts in April (month 4); Q4 starts in January of the next calendar year.
  const startMonthIndex = 3 + (quarter - 1) * 3; // 0-based month counted from January of fyStartYear
  const startYear = fyStartYear + Math.floor(startMonthIndex / 12);
  const startMonth = (startMonthIndex % 12) + 1;
  const endMonth = startMonth + 2;
  return {
    id: `FY${fyStartYear}-${twoDigits(fyStartYear + 1)}-Q${quarter}`,
    kind: "quarter",
    fyStartYear,
    quarter,
    month: null,
    year: null,
    start: isoFromParts(startYear, startMonth, 1),
    end: isoFromParts(startYear, endMonth, daysInMonth(startYear, endMonth)),
  };
}

function monthPeriod(year: number, month: number): Period {
  return {
    id: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`,
    kind: "month",
    fyStartYear: month >= 4 ? year : year - 1,
    quarter: null,
    month,
    year,
    start: isoFromParts(year, month, 1),
    end: isoFromParts(year, month, daysInMonth(year, month)),
  };
}

function checkFinancialYear(first: string, second: string): string | null {
  const start = Number(first);
  if (!yearInRange(start)) return `The financial year must start between ${MIN_YEAR} and ${MAX_YEAR}.`;
  const expected = twoDigits(start + 1);
  if (second !== expected)
    return `A financial year names two consecutive years: FY${first}-${expected}, not FY${first}-${second}.`;
  return null;
}

/**
 * Parse a period id strictly. Accepted forms: financial year `FY2019-20` (the second part is the next
 * year's last two digits), quarter `FY2019-20-Q2`, month `2019-08`; years 1900–2999. Anything else
 * (spaces, lower case, `2019/20`, `FY2019`, `FY2019-21`, `2019-8`, `FY2019-20-Q5`) is rejected with a
 * message that shows the accepted forms.
 *
 * @param id - the period id
 * @returns `{ ok: true, period }` or `{ ok: false, error }` with a message for the user
 * @example
 * ```ts
 * parsePeriod("FY2019-20-Q2").ok; // true
 * parsePeriod("2019-08").ok; // true
 * parsePeriod("FY2019-21").ok; // false
 * ```
 */
export function parsePeriod(id: string): ParsePeriodResult {
  if (typeof id !== "string") return fail(String(id), "A period id is text.");
  let m = QUARTER_RE.exec(id);
  if (m) {
    const problem = checkFinancialYear(m[1] ?? "", m[2] ?? "");
    if (problem !== null) return fail(id, problem);
    const q = Number(m[3]);
    if (q < 1 || q > 4) return fail(id, `A financial year has quarters Q1 to Q4, not Q${m[3]}.`);
    return { ok: true, period: quarterPeriod(Number(m[1]), q as 1 | 2 | 3 | 4) };
  }
  m = YEAR_RE.exec(id);
  if (m) {
    const problem = checkFinancialYear(m[1] ?? "", m[2] ?? "");
    if (problem !== null) return fail(id, problem);
    return { ok: true, period: yearPeriod(Number(m[1])) };
  }
  m = MONTH_RE.exec(id);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (!yearInRange(year)) return fail(id, `The year must be between ${MIN_YEAR} and ${MAX_YEAR}.`);
    if (month < 1 || month > 12) return fail(id, `A month is 01 to 12, not ${m[2]}.`);
    return { ok: true, period: monthPeriod(year, month) };
  }
  return fail(id, "");
}

/**
 * Parse a period id that the caller has already validated; an invalid id is a programmer error.
 *
 * @param id - a period id (see {@link parsePeriod})
 * @returns the period
 * @throws CoreError `invalid_period` with the message of {@link parsePeriod}
 * @example
 * ```ts
 * parsePeriodOrThrow("FY2019-20-Q2").end; // "2019-09-30"
 * ```
 */
export function parsePeriodOrThrow(id: string): Period {
  const r = parsePeriod(id);
  if (!r.ok) throw new CoreError("invalid_period", r.error);
  return r.period;
}

/** zod schema for a period id of any kind; the error message shows the accepted forms. */
export const periodIdSchema = z.string().superRefine((value, ctx) => {
  const r = parsePeriod(value);
  if (!r.ok) ctx.addIssue({ code: "custom", message: r.error });
});

function requireYear(value: number, what: string): void {
  if (!yearInRange(value))
    throw new CoreError(
      "invalid_period",
      `${what} must be a whole year between ${MIN_YEAR} and ${MAX_YEAR}, got ${String(value)}`,
    );
}

/**
 * The id of a financial year.
 *
 * @param fyStartYear - calendar year of the financial year's 1 April (1900–2999)
 * @returns e.g. `FY2019-20`
 * @throws CoreError `invalid_period` for a year outside 1900–2999 or not whole
 * @example
 * ```ts
 * financialYearId(2019); // "FY2019-20"
 * financialYearId(1999); // "FY1999-00"
 * ```
 */
export function financialYearId(fyStartYear: number): string {
  requireYear(fyStartYear, "A financial year's start");
  return yearPeriod(fyStartYear).id;
}

/**
 * The id of a quarter of a financial year.
 *
 * @param fyStartYear - calendar year of the financial year's 1 April
 * @param quarter - 1 (Apr–Jun) … 4 (Jan–Mar)
 * @returns e.g. `FY2019-20-Q2`
 * @throws CoreError `invalid_period` for a bad year or quarter
 * @example
 * ```ts
 * quarterId(2019, 2); // "FY2019-20-Q2"
 * ```
 */
export function quarterId(fyStartYear: number, quarter: number): string {
  requireYear(fyStartYear, "A financial year's start");
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4)
    throw new CoreError("invalid_period", `A quarter is 1, 2, 3 or 4, got ${String(quarter)}`);
  return quarterPeriod(fyStartYear, quarter).id;
}

/**
 * The id of a calendar month.
 *
 * @param year - calendar year
 * @param month - 1–12
 * @returns e.g. `2019-08`
 * @throws CoreError `invalid_period` for a bad year or month
 * @example
 * ```ts
 * monthId(2019, 8); // "2019-08"
 * ```
 */
export function monthId(year: number, month: number): string {
  requireYear(year, "A month's year");
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new CoreError("invalid_period", `A month is 1 to 12, got ${String(month)}`);
  return monthPeriod(year, month).id;
}

function partsOfDate(date: IsoDate): { year: number; month: number } {
  if (!isIsoDate(date))
    throw new CoreError("invalid_date", `Not a valid date (YYYY-MM-DD): '${String(date)}'`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const fy = month >= 4 ? year : year - 1;
  requireYear(fy, "The date's financial year");
  requireYear(year, "The date's year");
  return { year, month };
}

/**
 * The financial year (1 April–31 March) containing a date.
 *
 * @param date - a valid ISO date
 * @returns the financial-year period
 * @throws CoreError for an invalid date or one outside the supported years
 * @example
 * ```ts
 * financialYearOfDate("2020-03-31").id; // "FY2019-20"
 * financialYearOfDate("2020-04-01").id; // "FY2020-21"
 * ```
 */
export function financialYearOfDate(date: IsoDate): Period {
  const { year, month } = partsOfDate(date);
  return yearPeriod(month >= 4 ? year : year - 1);
}

/**
 * The financial quarter containing a date.
 *
 * @param date - a valid ISO date
 * @returns the quarter period
 * @throws CoreError for an invalid date or one outside the supported years
 * @example
 * ```ts
 * quarterOfDate("2019-08-15").id; // "FY2019-20-Q2"
 * quarterOfDate("2020-02-29").id; // "FY2019-20-Q4"
 * ```
 */
export function quarterOfDate(date: IsoDate): Period {
  const { year, month } = partsOfDate(date);
  const fy = month >= 4 ? year : year - 1;
  // Months from April of the financial year: Apr = 0 … Mar = 11.
  const offset = (month + 8) % 12;
  return quarterPeriod(fy, (Math.floor(offset / 3) + 1) as 1 | 2 | 3 | 4);
}

/**
 * The calendar month containing a date.
 *
 * @param date - a valid ISO date
 * @returns the month period
 * @throws CoreError for an invalid date or one outside the supported years
 * @example
 * ```ts
 * monthOfDate("2020-01-31").id; // "2020-01"
 * monthOfDate("2020-01-31").fyStartYear; // 2019
 * ```
 */
export function monthOfDate(date: IsoDate): Period {
  const { year, month } = partsOfDate(date);
  return monthPeriod(year, month);
}

/**
 * How a period is written for people: `Q2 2019-20`, `2019-20`, `Aug 2019`.
 *
 * @param id - a valid period id
 * @returns the display label
 * @throws CoreError `invalid_period` for an invalid id
 * @example
 * ```ts
 * periodLabel("FY2019-20-Q2"); // "Q2 2019-20"
 * periodLabel("FY2019-20"); // "2019-20"
 * periodLabel("2019-08"); // "Aug 2019"
 * ```
 */
export function periodLabel(id: string): string {
  const p = parsePeriodOrThrow(id);
  const fy = `${p.fyStartYear}-${twoDigits(p.fyStartYear + 1)}`;
  if (p.kind === "quarter") return `Q${p.quarter} ${fy}`;
  if (p.kind === "year") return fy;
  return `${MONTH_ABBREVIATIONS[(p.month ?? 1) - 1]} ${p.year}`;
}

/** A period as a single integer on its kind's own scale: years, quarters or months since year 0. */
function ordinalOf(p: Period): number {
  if (p.kind === "year") return p.fyStartYear;
  if (p.kind === "quarter") return p.fyStartYear * 4 + ((p.quarter ?? 1) - 1);
  return (p.year ?? 0) * 12 + ((p.month ?? 1) - 1);
}

function fromOrdinal(kind: PeriodKind, ordinal: number): string {
  if (kind === "year") {
    requireYear(ordinal, "The shifted financial year's start");
    return yearPeriod(ordinal).id;
  }
  if (kind === "quarter") {
    const fy = Math.floor(ordinal / 4);
    requireYear(fy, "The shifted quarter's financial year");
    return quarterPeriod(fy, (ordinal - fy * 4 + 1) as 1 | 2 | 3 | 4).id;
  }
  const year = Math.floor(ordinal / 12);
  requireYear(year, "The shifted month's year");
  return monthPeriod(year, ordinal - year * 12 + 1).id;
}

/**
 * Move a period by whole steps of its own kind (years for a year id, quarters for a quarter id, months
 * for a month id).
 *
 * @param id - a valid period id
 * @param steps - whole steps, negative to go back
 * @returns the id of the shifted period
 * @throws CoreError for an invalid id, a fractional step, or a result outside the supported years
 * @example
 * ```ts
 * shiftPeriod("FY2019-20-Q1", -1); // "FY2018-19-Q4"
 * shiftPeriod("2019-12", 1); // "2020-01"
 * shiftPeriod("FY2019-20", -2); // "FY2017-18"
 * ```
 */
export function shiftPeriod(id: string, steps: number): string {
  if (!Number.isInteger(steps))
    throw new CoreError("invalid_argument", `Steps must be a whole number, got ${String(steps)}`);
  const p = parsePeriodOrThrow(id);
  return fromOrdinal(p.kind, ordinalOf(p) + steps);
}

/**
 * The next period of the same kind.
 *
 * @param id - a valid period id
 * @returns the id one step later
 * @example
 * ```ts
 * nextPeriod("FY2019-20-Q4"); // "FY2020-21-Q1"
 * ```
 */
export function nextPeriod(id: string): string {
  return shiftPeriod(id, 1);
}

/**
 * The previous period of the same kind (for comparisons that depend on a window, see
 * `previousPeriod` in `comparison-periods.ts`).
 *
 * @param id - a valid period id
 * @returns the id one step earlier
 * @example
 * ```ts
 * previousPeriodOf("2020-01"); // "2019-12"
 * ```
 */
export function previousPeriodOf(id: string): string {
  return shiftPeriod(id, -1);
}

/**
 * Every period from one id to another, both included, oldest first. Both ids must be of the same
 * kind. When `toId` is before `fromId` the range is empty.
 *
 * @param fromId - first period
 * @param toId - last period
 * @returns the ids in order
 * @throws CoreError `invalid_period` for an invalid id or ids of different kinds
 * @example
 * ```ts
 * periodsInRange("FY2018-19-Q4", "FY2019-20-Q2"); // ["FY2018-19-Q4", "FY2019-20-Q1", "FY2019-20-Q2"]
 * ```
 */
export function periodsInRange(fromId: string, toId: string): string[] {
  const from = parsePeriodOrThrow(fromId);
  const to = parsePeriodOrThrow(toId);
  if (from.kind !== to.kind)
    throw new CoreError(
      "invalid_period",
      `A range needs two periods of the same kind: '${fromId}' is a ${from.kind}, '${toId}' is a ${to.kind}`,
    );
  const out: string[] = [];
  const last = ordinalOf(to);
  for (let o = ordinalOf(from); o <= last; o++) out.push(fromOrdinal(from.kind, o));
  return out;
}

/**
 * The quarter containing the latest of some dates: "latest with data" for an organisation.
 *
 * @param dates - dated records' dates (valid ISO dates)
 * @returns the quarter id, or `null` when there are no dates
 * @throws CoreError `invalid_date` when a value is not a valid date
 * @example
 * ```ts
 * latestQuarterWithData(["2019-05-02", "2019-09-30", "2019-07-01"]); // "FY2019-20-Q2"
 * latestQuarterWithData([]); // null
 * ```
 */
export function latestQuarterWithData(dates: Iterable<IsoDate>): string | null {
  let latest: IsoDate | null = null;
  for (const d of dates) {
    if (!isIsoDate(d))
      throw new CoreError("invalid_date", "A dated record has a value that is not a valid date");
    if (latest === null || d > latest) latest = d;
  }
  return latest === null ? null : quarterOfDate(latest).id;
}
