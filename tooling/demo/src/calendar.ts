import {
  bankHolidays,
  CoreError,
  civilFromDayNumber,
  dayNumberFromCivil,
  type IsoDate,
  toDayNumber,
} from "@kpi/core";
import type { Random } from "./random.js";

/** One financial quarter of the demo's span, as day numbers (days since 1970-01-01). */
export interface DemoQuarter {
  /** Position in the span, 0 for the first quarter. */
  readonly index: number;
  /** Quarter id, e.g. `FY2019-20-Q2`. */
  readonly id: string;
  /** Calendar year in which the financial year starts (2019 for FY2019-20). */
  readonly fyStart: number;
  /** Quarter of the financial year, 1–4. */
  readonly quarter: number;
  /** First day. */
  readonly start: number;
  /** Last day. */
  readonly end: number;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const FY_RE = /^FY(\d{4})-(\d{2})$/;
const QUARTER_RE = /^FY(\d{4})-(\d{2})-Q([1-4])$/;

/**
 * The demo's calendar: the span of quarters it generates, day-number arithmetic, working days and a
 * cache of date strings (every record dated the same day shares one string, which keeps large demos
 * small in memory).
 *
 * @example
 * ```ts
 * const cal = new DemoCalendar("FY2016-17", "FY2019-20-Q2");
 * cal.quarters.length; // 14
 * cal.date(cal.last); // "2019-09-30"
 * ```
 */
export class DemoCalendar {
  /** The quarters of the span, in order. */
  readonly quarters: readonly DemoQuarter[];
  /** First day of the span. */
  readonly first: number;
  /** Last day of the span (the extract date). */
  readonly last: number;
  private readonly holidays: Set<number>;
  private readonly cache = new Map<number, IsoDate>();
  // Year and month×100+day of every day from 30 years before the span to 12 years after it.
  private readonly base: number;
  private readonly years: Int16Array;
  private readonly monthDays: Int16Array;

  /**
   * @param from - first financial year, e.g. `FY2016-17`
   * @param to - last quarter, e.g. `FY2019-20-Q2`
   * @throws CoreError when an id is malformed or `to` is before `from` (programmer error)
   */
  constructor(from: string, to: string) {
    const f = FY_RE.exec(from);
    const t = QUARTER_RE.exec(to);
    if (!f || (Number(f[1]) + 1) % 100 !== Number(f[2]))
      throw new CoreError("invalid_period", `Not a financial year id such as FY2016-17: '${from}'`);
    if (!t || (Number(t[1]) + 1) % 100 !== Number(t[2]))
      throw new CoreError("invalid_period", `Not a quarter id such as FY2019-20-Q2: '${to}'`);
    const fromYear = Number(f[1]);
    const toYear = Number(t[1]);
    const toQuarter = Number(t[3]);
    if (toYear < fromYear)
      throw new CoreError("invalid_argument", `The demo span ends (${to}) before it starts (${from})`);
    const quarters: DemoQuarter[] = [];
    for (let y = fromYear; y <= toYear; y++) {
      for (let q = 1; q <= 4; q++) {
        if (y === toYear && q > toQuarter) break;
        const startMonth = q === 4 ? 1 : 1 + q * 3;
        const startYear = q === 4 ? y + 1 : y;
        const start = toDayNumber(`${startYear}-${String(startMonth).padStart(2, "0")}-01`);
        const nextMonth = startMonth + 3;
        const next =
          nextMonth > 12
            ? toDayNumber(`${startYear + 1}-01-01`)
            : toDayNumber(`${startYear}-${String(nextMonth).padStart(2, "0")}-01`);
        quarters.push({
          index: quarters.length,
          id: `FY${y}-${String((y + 1) % 100).padStart(2, "0")}-Q${q}`,
          fyStart: y,
          quarter: q,
          start,
          end: next - 1,
        });
      }
    }
    this.quarters = quarters;
    this.first = (quarters[0] as DemoQuarter).start;
    this.last = (quarters[quarters.length - 1] as DemoQuarter).end;
    this.holidays = new Set(bankHolidays["england-and-wales"].map(toDayNumber));
    this.base = this.first - 11_000;
    const size = this.last + 4_400 - this.base;
    this.years = new Int16Array(size);
    this.monthDays = new Int16Array(size);
    for (let i = 0; i < size; i++) {
      const [y, m, d] = civilFromDayNumber(this.base + i);
      this.years[i] = y;
      this.monthDays[i] = m * 100 + d;
    }
  }

  /** The ISO date of a day number (cached: equal days share one string). */
  date(day: number): IsoDate {
    let s = this.cache.get(day);
    if (s === undefined) {
      const [y, m, d] = civilFromDayNumber(day);
      s = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      this.cache.set(day, s);
    }
    return s;
  }

  /** The day number of an ISO date. */
  day(date: IsoDate): number {
    return toDayNumber(date);
  }

  /**
   * Whether a day is a working day: Monday–Friday and not a bank holiday in England and Wales (the
   * core library's table, so generated durations are the durations the indicators measure).
   */
  isWorkingDay(day: number): boolean {
    // 1970-01-01 (day 0) was a Thursday: weekday index 0 = Monday … 6 = Sunday.
    const weekday = (((day + 3) % 7) + 7) % 7;
    return weekday < 5 && !this.holidays.has(day);
  }

  /**
   * The day `n` working days after `day` (n = 0 gives the day itself; a negative n counts back).
   *
   * @param day - start day
   * @param n - working days to add
   */
  addWorkingDays(day: number, n: number): number {
    let d = day;
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; ) {
      d += step;
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /** The first working day on or after `day`. */
  workingDayFrom(day: number): number {
    let d = day;
    while (!this.isWorkingDay(d)) d += 1;
    return d;
  }

  /**
   * A random working day in `[start, end]` (falls back to `start` when the range has none).
   *
   * @param rng - the random source
   * @param start - first day
   * @param end - last day
   */
  randomWorkingDay(rng: Random, start: number, end: number): number {
    for (let tries = 0; tries < 20; tries++) {
      const d = rng.int(start, end);
      if (this.isWorkingDay(d)) return d;
    }
    return start;
  }

  /** The quarter containing a day, or undefined outside the span. */
  quarterOf(day: number): DemoQuarter | undefined {
    if (day < this.first || day > this.last) return undefined;
    for (const q of this.quarters) if (day <= q.end) return q;
    return undefined;
  }

  /** The first calendar year of the financial year containing a day (2019 for 30 Sep 2019). */
  fyStartOf(day: number): number {
    const year = this.yearOf(day);
    return this.monthDayOf(day) >= 401 ? year : year - 1;
  }

  /** Calendar year of a day. */
  yearOf(day: number): number {
    const i = day - this.base;
    return i >= 0 && i < this.years.length ? (this.years[i] as number) : civilFromDayNumber(day)[0];
  }

  /** Month × 100 + day of month (`930` for 30 September): compares birthdays within a year. */
  monthDayOf(day: number): number {
    const i = day - this.base;
    if (i >= 0 && i < this.monthDays.length) return this.monthDays[i] as number;
    const [, m, d] = civilFromDayNumber(day);
    return m * 100 + d;
  }

  /** Calendar month (1–12) of a day. */
  month(day: number): number {
    return Math.floor(this.monthDayOf(day) / 100);
  }

  /**
   * The day number of the same calendar date `years` later: a birthday. A 29 February falls on
   * 1 March in other years, as ages are counted (`methods.md`).
   */
  addYears(day: number, years: number): number {
    const [year, month, d] = civilFromDayNumber(day);
    const y = year + years;
    if (month === 2 && d === 29 && !isLeap(y)) return dayNumberFromCivil(y, 3, 1);
    return dayNumberFromCivil(y, month, d);
  }
}
