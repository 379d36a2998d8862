import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  ageOn,
  daysInMonth,
  formatDisplayDate,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  toDayNumber,
} from "./iso-date.js";

describe("iso dates", () => {
  it("knows the length of every month, leap years by the Gregorian rule", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2019, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
  it("agrees with the calendar: the day after a month's last day is the 1st of the next", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const last = `${y}-${String(m).padStart(2, "0")}-${String(daysInMonth(y, m)).padStart(2, "0")}`;
        expect(isIsoDate(last)).toBe(true);
        expect(addDays(last, 1).endsWith("-01")).toBe(true);
      }),
    );
  });
  it("accepts real dates only", () => {
    expect(isIsoDate("2019-09-30")).toBe(true);
    expect(isIsoDate("2020-02-29")).toBe(true);
    expect(isIsoDate("2019-02-29")).toBe(false);
    expect(isIsoDate("2019-9-30")).toBe(false);
    expect(isIsoDate("30/09/2019")).toBe(false);
    expect(isIsoDate(20190930)).toBe(false);
  });
  it("adds months the date-fns way, clamping to month end", () => {
    expect(addMonths("2019-08-31", 1)).toBe("2019-09-30");
    expect(addMonths("2020-02-29", 12)).toBe("2021-02-28");
    expect(addMonths("2019-10-27", -12)).toBe("2018-10-27");
    expect(addMonths("2019-03-31", -1)).toBe("2019-02-28");
  });
  it("knows weekdays", () => {
    expect(isoWeekday("2019-09-30")).toBe(1);
    expect(isoWeekday("2019-09-29")).toBe(7);
    expect(isoWeekday("1970-01-01")).toBe(4);
  });
  it("computes ages with 29 February on 1 March", () => {
    expect(ageOn("2004-02-29", "2022-02-28")).toBe(17);
    expect(ageOn("2004-02-29", "2022-03-01")).toBe(18);
    expect(ageOn("2004-02-29", "2024-02-29")).toBe(20);
    expect(ageOn("2001-09-30", "2019-09-30")).toBe(18);
  });
  it("displays dates as staff read them", () => {
    expect(formatDisplayDate("2019-09-30")).toBe("30 Sep 2019");
    expect(formatDisplayDate("2020-01-01")).toBe("1 Jan 2020");
  });
  it("round-trips day numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 40000 }), (n) => {
        const d = fromDayNumber(n);
        expect(isIsoDate(d)).toBe(true);
        expect(toDayNumber(d)).toBe(n);
        expect(addDays(d, 1) > d).toBe(true);
      }),
    );
  });
});
