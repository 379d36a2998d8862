import { fromDayNumber, toDayNumber } from "@kpi/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DemoCalendar } from "./calendar.js";

const cal = new DemoCalendar("FY2016-17", "FY2019-20-Q2");

describe("DemoCalendar", () => {
  it("spans the financial quarters from April 2016 to September 2019", () => {
    expect(cal.quarters).toHaveLength(14);
    expect(cal.date(cal.first)).toBe("2016-04-01");
    expect(cal.date(cal.last)).toBe("2019-09-30");
    const q4 = cal.quarters[3];
    expect(q4?.id).toBe("FY2016-17-Q4");
    expect(q4 && cal.date(q4.start)).toBe("2017-01-01");
    expect(q4 && cal.date(q4.end)).toBe("2017-03-31");
  });

  it("rejects malformed period ids", () => {
    expect(() => new DemoCalendar("2016-17", "FY2019-20-Q2")).toThrow(/financial year/);
    expect(() => new DemoCalendar("FY2016-17", "FY2019-21-Q2")).toThrow(/quarter id/);
    expect(() => new DemoCalendar("FY2019-20", "FY2016-17-Q1")).toThrow(/before it starts/);
  });

  it("skips weekends and England and Wales bank holidays when adding working days", () => {
    // Friday 23 August 2019; Monday 26 August 2019 was the summer bank holiday.
    expect(cal.date(cal.addWorkingDays(toDayNumber("2019-08-23"), 1))).toBe("2019-08-27");
    expect(cal.date(cal.addWorkingDays(toDayNumber("2019-08-27"), -1))).toBe("2019-08-23");
    expect(cal.isWorkingDay(toDayNumber("2019-12-25"))).toBe(false);
    expect(cal.isWorkingDay(toDayNumber("2019-09-28"))).toBe(false);
    expect(cal.isWorkingDay(toDayNumber("2019-09-30"))).toBe(true);
  });

  it("finds birthdays, with 29 February falling on 1 March in other years", () => {
    expect(cal.date(cal.addYears(toDayNumber("2000-02-29"), 18))).toBe("2018-03-01");
    expect(cal.date(cal.addYears(toDayNumber("2000-02-29"), 4))).toBe("2004-02-29");
    expect(cal.date(cal.addYears(toDayNumber("2001-09-30"), 18))).toBe("2019-09-30");
  });

  it("names the financial year of a day", () => {
    expect(cal.fyStartOf(toDayNumber("2019-03-31"))).toBe(2018);
    expect(cal.fyStartOf(toDayNumber("2019-04-01"))).toBe(2019);
  });

  it("writes the same dates as the core library for any day", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (day) => cal.date(day) === fromDayNumber(day)),
    );
  });
});

describe("DemoCalendar year and month-day lookups", () => {
  it("agree with the ISO date for any day", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (day) => {
        const iso = fromDayNumber(day);
        return (
          cal.yearOf(day) === Number(iso.slice(0, 4)) &&
          cal.monthDayOf(day) === Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10))
        );
      }),
    );
  });
});
