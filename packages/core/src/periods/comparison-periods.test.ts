import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import {
  previousPeriod,
  previousYearEnd,
  samePeriodLastYear,
  samePeriodYearsBack,
} from "./comparison-periods.js";
import { windowRange } from "./window.js";

const quarterIdArb = fc
  .tuple(fc.integer({ min: 1901, max: 2998 }), fc.integer({ min: 1, max: 4 }))
  .map(([y, q]) => `FY${y}-${String((y + 1) % 100).padStart(2, "0")}-Q${q}`);

describe("previousPeriod", () => {
  it("steps a quarter back, across the year boundary", () => {
    expect(previousPeriod("FY2019-20-Q2", "quarter")).toBe("FY2019-20-Q1");
    expect(previousPeriod("FY2019-20-Q1", "quarter")).toBe("FY2018-19-Q4");
  });

  it("compares YTD at Q2 with YTD at Q1, and YTD at Q1 with nothing", () => {
    expect(previousPeriod("FY2019-20-Q2", "ytd")).toBe("FY2019-20-Q1");
    expect(previousPeriod("FY2019-20-Q4", "ytd")).toBe("FY2019-20-Q3");
    expect(previousPeriod("FY2019-20-Q1", "ytd")).toBeNull();
  });

  it("steps rolling 12 months back by a quarter, even from Q1", () => {
    expect(previousPeriod("FY2019-20-Q1", "rolling12")).toBe("FY2018-19-Q4");
    expect(windowRange("FY2018-19-Q4", "rolling12")).toEqual({ start: "2018-04-01", end: "2019-03-31" });
  });

  it("steps months and years by one", () => {
    expect(previousPeriod("2020-01", "month")).toBe("2019-12");
    expect(previousPeriod("FY2019-20", "year")).toBe("FY2018-19");
  });

  it("refuses an id of the wrong kind for the window", () => {
    expect(() => previousPeriod("2019-08", "ytd")).toThrow(CoreError);
  });

  it("the previous window of a quarter-based window ends the day before the quarter starts", () => {
    fc.assert(
      fc.property(quarterIdArb, fc.constantFrom("quarter" as const, "rolling12" as const), (id, w) => {
        const prev = previousPeriod(id, w);
        if (prev === null) throw new Error("quarter windows always have a previous period");
        const dayAfter = new Date(`${windowRange(prev, w).end}T00:00:00Z`);
        dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
        expect(dayAfter.toISOString().slice(0, 10)).toBe(windowRange(id, "quarter").start);
      }),
    );
  });
});

describe("same period in earlier years", () => {
  it("shifts by whole financial years, keeping the quarter or month", () => {
    expect(samePeriodLastYear("FY2019-20-Q2")).toBe("FY2018-19-Q2");
    expect(samePeriodLastYear("FY2019-20-Q4")).toBe("FY2018-19-Q4");
    expect(samePeriodLastYear("2020-02")).toBe("2019-02");
    expect(samePeriodLastYear("FY2019-20")).toBe("FY2018-19");
    expect(samePeriodYearsBack("FY2019-20-Q2", 2)).toBe("FY2017-18-Q2");
    expect(samePeriodYearsBack("FY2019-20-Q2", 0)).toBe("FY2019-20-Q2");
  });

  it("gives the same YTD span a year earlier (the report's seasonal comparison)", () => {
    expect(windowRange(samePeriodLastYear("FY2019-20-Q2"), "ytd")).toEqual({
      start: "2018-04-01",
      end: "2018-09-30",
    });
  });

  it("refuses fractional years", () => {
    expect(() => samePeriodYearsBack("FY2019-20-Q2", 1.5)).toThrow(CoreError);
  });
});

describe("previousYearEnd", () => {
  it("is the last 31 March strictly before the window's end", () => {
    expect(previousYearEnd("FY2019-20-Q2", "quarter")).toBe("2019-03-31");
    expect(previousYearEnd("FY2019-20-Q1", "ytd")).toBe("2019-03-31");
    expect(previousYearEnd("FY2019-20-Q3", "rolling12")).toBe("2019-03-31");
    expect(previousYearEnd("FY2019-20-Q4", "quarter")).toBe("2019-03-31");
    expect(previousYearEnd("FY2019-20", "year")).toBe("2019-03-31");
    expect(previousYearEnd("2020-01", "month")).toBe("2019-03-31");
    expect(previousYearEnd("2020-03", "month")).toBe("2019-03-31");
    expect(previousYearEnd("2020-04", "month")).toBe("2020-03-31");
  });
});
