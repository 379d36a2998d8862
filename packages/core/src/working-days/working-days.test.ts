import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { bankHolidays, type Division } from "./bank-holidays.js";
import {
  addWorkingDays,
  createWorkingDayCalendar,
  isWorkingDay,
  workingDaysBetween,
} from "./working-days.js";

const MS = 86_400_000;
const dateOf = (n: number) => new Date(n * MS).toISOString().slice(0, 10);
const dayOf = (s: string) => Date.parse(`${s}T00:00:00Z`) / MS;
// Dates from 2010 to 2032: inside the table and on both sides of it.
const dateArb = fc.integer({ min: dayOf("2010-01-01"), max: dayOf("2032-12-31") }).map(dateOf);
const divisionArb = fc.constantFrom<Division>("england-and-wales", "scotland", "northern-ireland");

/** Reference count, written independently: walk day by day. */
function naiveCount(start: string, end: string, division: Division, extra: readonly string[] = []): number {
  const off = new Set([...bankHolidays[division], ...extra]);
  const a = dayOf(start);
  const b = dayOf(end);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let x = lo + 1; x <= hi; x++) {
    const s = dateOf(x);
    const wd = new Date(x * MS).getUTCDay();
    if (wd !== 0 && wd !== 6 && !off.has(s)) n++;
  }
  return n === 0 ? 0 : sign * n;
}

describe("isWorkingDay", () => {
  it("skips weekends and each division's own holidays", () => {
    expect(isWorkingDay("2019-09-28")).toBe(false); // Saturday
    expect(isWorkingDay("2019-09-29")).toBe(false); // Sunday
    expect(isWorkingDay("2019-09-30")).toBe(true);
    expect(isWorkingDay("2019-08-26")).toBe(false); // E&W summer bank holiday
    expect(isWorkingDay("2019-08-26", { division: "scotland" })).toBe(true);
    expect(isWorkingDay("2019-08-05", { division: "scotland" })).toBe(false); // Scottish summer holiday
    expect(isWorkingDay("2019-04-22", { division: "scotland" })).toBe(true); // no Easter Monday in Scotland
    expect(isWorkingDay("2019-12-02", { division: "scotland" })).toBe(false); // St Andrew's substitute
    expect(isWorkingDay("2019-07-12", { division: "northern-ireland" })).toBe(false);
    expect(isWorkingDay("2018-03-19", { division: "northern-ireland" })).toBe(false); // St Patrick's substitute
    expect(isWorkingDay("2018-03-19")).toBe(true);
  });

  it("follows the moved and one-off holidays", () => {
    expect(isWorkingDay("2020-05-04")).toBe(true); // early May holiday moved to VE day
    expect(isWorkingDay("2020-05-08")).toBe(false);
    expect(isWorkingDay("2022-05-30")).toBe(true); // spring holiday moved to 2 June
    expect(isWorkingDay("2022-06-02")).toBe(false);
    expect(isWorkingDay("2022-06-03")).toBe(false);
    expect(isWorkingDay("2022-09-19")).toBe(false); // state funeral
    expect(isWorkingDay("2023-05-08")).toBe(false); // coronation
    expect(isWorkingDay("2023-01-03", { division: "scotland" })).toBe(false);
    expect(isWorkingDay("2023-01-03")).toBe(true);
  });

  it("knows no holidays outside the table's years, but still skips weekends", () => {
    const cal = createWorkingDayCalendar();
    expect(isWorkingDay("2030-12-25")).toBe(true); // a Wednesday the table does not reach
    expect(isWorkingDay("2030-12-28")).toBe(false); // Saturday
    expect(isWorkingDay("2014-12-25")).toBe(true);
    expect(cal.knowsHolidaysOn("2030-12-25")).toBe(false);
    expect(cal.knowsHolidaysOn("2015-01-01")).toBe(true);
    expect(cal.knowsHolidaysOn("2028-12-31")).toBe(true);
    expect(cal.knowsHolidaysOn("2014-12-31")).toBe(false);
  });

  it("rejects invalid dates", () => {
    for (const bad of ["2019-02-29", "2019-13-01", "2019-9-30", "30/09/2019", "2019-09-3x", ""]) {
      expect(() => isWorkingDay(bad)).toThrow(CoreError);
    }
    expect(isWorkingDay("2020-02-28")).toBe(true);
    expect(isWorkingDay("2000-02-29")).toBe(true); // a leap day in a century leap year (Tuesday)
  });
});

describe("workingDaysBetween", () => {
  it("counts an assessment across the August bank holiday: 2019-07-01 to 2019-09-03 is 45", () => {
    // By hand, working days after Mon 1 July 2019: July 2–31 = 22; August = 22 weekdays minus
    // Mon 26 Aug = 21 (43 so far); Mon 2 Sep = 44; Tue 3 Sep = 45.
    expect(workingDaysBetween("2019-07-01", "2019-09-03")).toBe(45);
    expect(addWorkingDays("2019-07-01", 45)).toBe("2019-09-03");
    // Scotland has Mon 5 Aug instead of 26 Aug: the same count.
    expect(addWorkingDays("2019-07-01", 45, { division: "scotland" })).toBe("2019-09-03");
    // Northern Ireland also has Fri 12 July: one more day.
    expect(workingDaysBetween("2019-07-01", "2019-09-03", { division: "northern-ireland" })).toBe(44);
    expect(addWorkingDays("2019-07-01", 45, { division: "northern-ireland" })).toBe("2019-09-04");
  });

  it("counts 45 working days over Christmas and New Year 2019-20", () => {
    // By hand, after Mon 2 Dec 2019: Dec 3–24 = 16; 25, 26 off; Fri 27 = 17; 30, 31 = 19;
    // 1 Jan off; 2–3 Jan = 21; four full weeks to 31 Jan = 41; Mon 3–Thu 6 Feb = 45.
    expect(addWorkingDays("2019-12-02", 45)).toBe("2020-02-06");
    expect(workingDaysBetween("2019-12-02", "2020-02-06")).toBe(45);
    // Scotland also closes on 2 January 2020.
    expect(addWorkingDays("2019-12-02", 45, { division: "scotland" })).toBe("2020-02-07");
  });

  it("counts an ICPC's 15 working days across the Queen's state funeral", () => {
    // After Mon 12 Sep 2022: 13–16 = 4; 19 off; 20–23 = 8; 26–30 = 13; Mon 3 Oct = 14; Tue 4 Oct = 15.
    expect(addWorkingDays("2022-09-12", 15)).toBe("2022-10-04");
    expect(workingDaysBetween("2022-09-12", "2022-10-03")).toBe(14);
  });

  it("counts across Easter, the Jubilee, the coronation and Scotland's New Year", () => {
    expect(workingDaysBetween("2019-04-18", "2019-04-23")).toBe(1); // Good Friday, weekend, Easter Monday
    expect(workingDaysBetween("2019-04-18", "2019-04-23", { division: "scotland" })).toBe(2);
    expect(workingDaysBetween("2022-05-27", "2022-06-06")).toBe(4); // 30, 31 May, 1 June, 6 June
    expect(workingDaysBetween("2023-04-28", "2023-05-12")).toBe(8); // 1 and 8 May off
    expect(workingDaysBetween("2022-12-30", "2023-01-06", { division: "scotland" })).toBe(3);
    expect(workingDaysBetween("2022-12-30", "2023-01-06")).toBe(4);
  });

  it("gives 0 on the same day, excludes the start, and is negative backwards", () => {
    expect(workingDaysBetween("2019-09-30", "2019-09-30")).toBe(0);
    expect(workingDaysBetween("2019-09-30", "2019-10-01")).toBe(1);
    expect(workingDaysBetween("2019-09-27", "2019-09-29")).toBe(0); // Friday to Sunday
    expect(workingDaysBetween("2019-09-28", "2019-09-30")).toBe(1); // Saturday to Monday
    expect(workingDaysBetween("2019-09-03", "2019-07-01")).toBe(-45);
  });

  it("agrees with a day-by-day count everywhere, in every division", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), divisionArb, (a, span, division) => {
        const b = dateOf(dayOf(a) + span);
        expect(workingDaysBetween(a, b, { division })).toBe(naiveCount(a, b, division));
      }),
      { numRuns: 300 },
    );
  });

  it("adds up: wd(a, c) = wd(a, b) + wd(b, c)", () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, divisionArb, (a, b, c, division) => {
        const o = { division };
        expect(workingDaysBetween(a, c, o)).toBe(workingDaysBetween(a, b, o) + workingDaysBetween(b, c, o));
        expect(workingDaysBetween(a, b, o) + workingDaysBetween(b, a, o)).toBe(0);
      }),
    );
  });
});

describe("addWorkingDays", () => {
  it("returns the date itself for 0, and lands on working days otherwise", () => {
    expect(addWorkingDays("2019-09-28", 0)).toBe("2019-09-28");
    expect(addWorkingDays("2019-09-27", 1)).toBe("2019-09-30"); // Friday → Monday
    expect(addWorkingDays("2019-09-28", 1)).toBe("2019-09-30"); // Saturday → Monday
    expect(addWorkingDays("2019-09-30", -1)).toBe("2019-09-27"); // Monday → Friday
    expect(addWorkingDays("2019-09-28", -1)).toBe("2019-09-27"); // Saturday → Friday
    expect(addWorkingDays("2019-12-27", -1)).toBe("2019-12-24");
    expect(addWorkingDays("2020-01-02", -3)).toBe("2019-12-27"); // 31, 30, 27 Dec
  });

  it("counts weekdays correctly far from the table, in any century", () => {
    const wideArb = fc.integer({ min: dayOf("1000-01-01"), max: dayOf("9998-12-31") }).map(dateOf);
    fc.assert(
      fc.property(wideArb, fc.integer({ min: -30, max: 30 }), (d, n) => {
        if (d >= "2014-10" && d < "2029-03") return; // steps of up to 30 working days stay clear of the table
        const r = addWorkingDays(d, n);
        // Walk day by day to the same place: weekdays only, no holidays known.
        let x = dayOf(d);
        let left = Math.abs(n);
        while (left > 0) {
          x += Math.sign(n);
          const wd = new Date(x * MS).getUTCDay();
          if (wd !== 0 && wd !== 6) left--;
        }
        if (n !== 0) expect(r).toBe(dateOf(x));
        expect(workingDaysBetween(d, dateOf(x))).toBe(naiveCount(d, dateOf(x), "england-and-wales"));
      }),
    );
  });

  it("rejects fractional steps", () => {
    expect(() => addWorkingDays("2019-09-30", 1.5)).toThrow(CoreError);
  });

  it("moves exactly n working days forward from any date", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 600 }), divisionArb, (d, n, division) => {
        const o = { division };
        const r = addWorkingDays(d, n, o);
        expect(workingDaysBetween(d, r, o)).toBe(n);
        if (n > 0) expect(isWorkingDay(r, o)).toBe(true);
      }),
    );
  });

  it("moves exactly n working days backward from a working day, and undoes a forward move", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -600, max: 600 }), divisionArb, (d0, n, division) => {
        const o = { division };
        const d = addWorkingDays(d0, 1, o); // a working day
        const r = addWorkingDays(d, n, o);
        expect(workingDaysBetween(d, r, o)).toBe(n);
        expect(isWorkingDay(r, o)).toBe(true);
        expect(addWorkingDays(r, -n, o)).toBe(d);
      }),
    );
  });
});

describe("extra holidays and calendars", () => {
  it("adds local closure days, ignoring those at weekends", () => {
    const extraHolidays = ["2019-12-24", "2019-12-27", "2019-12-28"];
    expect(isWorkingDay("2019-12-24", { extraHolidays })).toBe(false);
    // After Fri 20 Dec: 23 Dec; 24, 25, 26, 27 Dec off; 30, 31 Dec; 1 Jan off; 2, 3 Jan = 5.
    expect(workingDaysBetween("2019-12-20", "2020-01-03", { extraHolidays })).toBe(5);
    expect(addWorkingDays("2019-12-23", 1, { extraHolidays })).toBe("2019-12-30");
    // The division still applies with extra days.
    expect(isWorkingDay("2020-01-02", { division: "scotland", extraHolidays })).toBe(false);
  });

  it("agrees with a day-by-day count with extra days, also outside the table's years", () => {
    const extra = ["2014-12-24", "2019-12-24", "2031-07-01", "2031-07-05"];
    const cal = createWorkingDayCalendar({ extraHolidays: extra });
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -800, max: 800 }), (a, span) => {
        const b = dateOf(dayOf(a) + span);
        expect(cal.workingDaysBetween(a, b)).toBe(naiveCount(a, b, "england-and-wales", extra));
        expect(workingDaysBetween(a, b, { extraHolidays: extra })).toBe(cal.workingDaysBetween(a, b));
      }),
      { numRuns: 200 },
    );
  });

  it("builds calendars that answer like the free functions", () => {
    const cal = createWorkingDayCalendar({ division: "northern-ireland" });
    expect(cal.division).toBe("northern-ireland");
    expect(cal.isWorkingDay("2025-07-14")).toBe(false); // Boyne substitute day
    expect(cal.workingDaysBetween("2019-07-01", "2019-09-03")).toBe(44);
    expect(cal.addWorkingDays("2019-07-01", 45)).toBe("2019-09-04");
  });

  it("rejects unknown divisions and invalid extra dates", () => {
    expect(() => createWorkingDayCalendar({ division: "wales" as Division })).toThrow(CoreError);
    expect(() => createWorkingDayCalendar({ extraHolidays: ["2019-12-32"] })).toThrow(CoreError);
  });
});
