import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import {
  financialYearId,
  financialYearOfDate,
  latestQuarterWithData,
  monthId,
  monthOfDate,
  nextPeriod,
  type Period,
  parsePeriod,
  parsePeriodOrThrow,
  periodIdSchema,
  periodLabel,
  periodsInRange,
  previousPeriodOf,
  quarterId,
  quarterOfDate,
  shiftPeriod,
} from "./period.js";

const fyStart = fc.integer({ min: 1901, max: 2998 });
const quarterIdArb = fc
  .tuple(fyStart, fc.integer({ min: 1, max: 4 }))
  .map(([y, q]) => `FY${y}-${String((y + 1) % 100).padStart(2, "0")}-Q${q}`);
const yearIdArb = fyStart.map((y) => `FY${y}-${String((y + 1) % 100).padStart(2, "0")}`);
const monthIdArb = fc
  .tuple(fyStart, fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
const anyIdArb = fc.oneof(quarterIdArb, yearIdArb, monthIdArb);
const dateArb = fc
  .integer({ min: Date.UTC(1901, 0, 1) / 86_400_000, max: Date.UTC(2998, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

function ok(id: string): Period {
  const r = parsePeriod(id);
  if (!r.ok) throw new Error(`expected ${id} to parse: ${r.error}`);
  return r.period;
}

describe("parsePeriod", () => {
  it("parses a financial year as 1 April to 31 March", () => {
    expect(ok("FY2019-20")).toEqual({
      id: "FY2019-20",
      kind: "year",
      fyStartYear: 2019,
      quarter: null,
      month: null,
      year: null,
      start: "2019-04-01",
      end: "2020-03-31",
    });
  });

  it("parses quarters Q1 Apr–Jun to Q4 Jan–Mar, Q4 in the next calendar year", () => {
    expect([1, 2, 3, 4].map((q) => ok(`FY2019-20-Q${q}`)).map((p) => [p.start, p.end, p.quarter])).toEqual([
      ["2019-04-01", "2019-06-30", 1],
      ["2019-07-01", "2019-09-30", 2],
      ["2019-10-01", "2019-12-31", 3],
      ["2020-01-01", "2020-03-31", 4],
    ]);
  });

  it("handles the century turn: FY1999-00 and its Q4 in 2000", () => {
    expect(ok("FY1999-00-Q4")).toMatchObject({ fyStartYear: 1999, start: "2000-01-01", end: "2000-03-31" });
  });

  it("puts months January to March in the financial year that began the April before", () => {
    expect(ok("2020-01")).toMatchObject({
      kind: "month",
      fyStartYear: 2019,
      month: 1,
      year: 2020,
      quarter: null,
    });
    expect(ok("2020-03")).toMatchObject({ fyStartYear: 2019, start: "2020-03-01", end: "2020-03-31" });
    expect(ok("2020-04")).toMatchObject({ fyStartYear: 2020, start: "2020-04-01", end: "2020-04-30" });
    expect(ok("2020-02").end).toBe("2020-02-29");
    expect(ok("2019-02").end).toBe("2019-02-28");
  });

  it.each([
    ["FY2019-21", "FY2019-20"],
    ["FY2019", "FY2019-20"],
    ["FY2019-20-Q5", "Q1 to Q4"],
    ["FY2019-20-Q0", "Q1 to Q4"],
    ["2019-13", "01 to 12"],
    ["2019-00", "01 to 12"],
    ["2019-8", "2019-08"],
    ["fy2019-20", "FY2019-20"],
    [" FY2019-20", "FY2019-20"],
    ["FY2019-20 ", "FY2019-20"],
    ["2019/20", "FY2019-20"],
    ["Q2 2019-20", "FY2019-20-Q2"],
    ["FY2019-2020", "FY2019-20"],
    ["", "FY2019-20"],
    ["1899-12", "between 1900 and 2999"],
  ])("rejects %j with a message naming the accepted forms", (id, hint) => {
    const r = parsePeriod(id);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(hint);
      expect(r.error).toContain("FY2019-20-Q2");
      expect(r.error).toContain("2019-08");
    }
  });

  it("throws CoreError invalid_period from the OrThrow form", () => {
    expect(() => parsePeriodOrThrow("FY2019-21")).toThrow(CoreError);
    try {
      parsePeriodOrThrow("nope");
    } catch (e) {
      expect((e as CoreError).code).toBe("invalid_period");
    }
  });

  it("offers a zod schema with the same message", () => {
    expect(periodIdSchema.safeParse("FY2019-20-Q2").success).toBe(true);
    const r = periodIdSchema.safeParse("FY2019-21");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain("FY2019-20");
  });

  it("round-trips every valid id", () => {
    fc.assert(
      fc.property(anyIdArb, (id) => {
        const r = parsePeriod(id);
        expect(r.ok && r.period.id).toBe(id);
      }),
    );
  });
});

describe("building ids", () => {
  it("writes financial years, quarters and months", () => {
    expect(financialYearId(2019)).toBe("FY2019-20");
    expect(financialYearId(2009)).toBe("FY2009-10");
    expect(quarterId(2019, 4)).toBe("FY2019-20-Q4");
    expect(monthId(2019, 8)).toBe("2019-08");
  });

  it("rejects impossible parts as programmer errors", () => {
    expect(() => quarterId(2019, 5)).toThrow(CoreError);
    expect(() => monthId(2019, 13)).toThrow(CoreError);
    expect(() => financialYearId(2019.5)).toThrow(CoreError);
  });
});

describe("periods of a date", () => {
  it("puts 31 March and 1 April in different financial years", () => {
    expect(financialYearOfDate("2020-03-31").id).toBe("FY2019-20");
    expect(financialYearOfDate("2020-04-01").id).toBe("FY2020-21");
    expect(quarterOfDate("2020-03-31").id).toBe("FY2019-20-Q4");
    expect(quarterOfDate("2020-04-01").id).toBe("FY2020-21-Q1");
  });

  it("finds the quarter at each quarter boundary", () => {
    expect(quarterOfDate("2019-06-30").id).toBe("FY2019-20-Q1");
    expect(quarterOfDate("2019-07-01").id).toBe("FY2019-20-Q2");
    expect(quarterOfDate("2019-12-31").id).toBe("FY2019-20-Q3");
    expect(quarterOfDate("2020-01-01").id).toBe("FY2019-20-Q4");
  });

  it("finds the month", () => {
    expect(monthOfDate("2020-02-29").id).toBe("2020-02");
  });

  it("rejects invalid dates", () => {
    expect(() => quarterOfDate("2019-02-29")).toThrow(CoreError);
  });

  it("the quarter, month and year of any date contain it", () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        for (const p of [quarterOfDate(d), monthOfDate(d), financialYearOfDate(d)]) {
          expect(p.start <= d && d <= p.end).toBe(true);
        }
        expect(quarterOfDate(d).fyStartYear).toBe(financialYearOfDate(d).fyStartYear);
        expect(monthOfDate(d).fyStartYear).toBe(financialYearOfDate(d).fyStartYear);
      }),
    );
  });
});

describe("labels", () => {
  it("writes periods as the report does", () => {
    expect(periodLabel("FY2019-20-Q2")).toBe("Q2 2019-20");
    expect(periodLabel("FY2019-20")).toBe("2019-20");
    expect(periodLabel("2019-08")).toBe("Aug 2019");
    expect(periodLabel("2020-01")).toBe("Jan 2020");
    expect(periodLabel("FY1999-00-Q4")).toBe("Q4 1999-00");
  });
});

describe("shifting", () => {
  it("steps quarters across the financial-year boundary", () => {
    expect(shiftPeriod("FY2019-20-Q4", 1)).toBe("FY2020-21-Q1");
    expect(shiftPeriod("FY2019-20-Q1", -1)).toBe("FY2018-19-Q4");
    expect(shiftPeriod("FY2019-20-Q2", -4)).toBe("FY2018-19-Q2");
    expect(shiftPeriod("FY2019-20-Q2", 0)).toBe("FY2019-20-Q2");
  });

  it("steps months across the calendar-year boundary and years by one", () => {
    expect(nextPeriod("2019-12")).toBe("2020-01");
    expect(previousPeriodOf("2020-01")).toBe("2019-12");
    expect(shiftPeriod("2019-08", -12)).toBe("2018-08");
    expect(nextPeriod("FY2019-20")).toBe("FY2020-21");
    expect(previousPeriodOf("FY2000-01")).toBe("FY1999-00");
  });

  it("rejects fractional steps and results outside the supported years", () => {
    expect(() => shiftPeriod("FY2019-20", 0.5)).toThrow(CoreError);
    expect(() => shiftPeriod("FY2999-00", 1)).toThrow(CoreError);
  });

  it("undoes itself", () => {
    fc.assert(
      fc.property(anyIdArb, fc.integer({ min: -200, max: 200 }), (id, n) => {
        const kind = parsePeriodOrThrow(id).kind;
        const shifted = (() => {
          try {
            return shiftPeriod(id, n);
          } catch {
            return null; // outside the supported years
          }
        })();
        if (shifted === null) return;
        expect(parsePeriodOrThrow(shifted).kind).toBe(kind);
        expect(shiftPeriod(shifted, -n)).toBe(id);
      }),
    );
  });

  it("moves to the adjacent period: next starts the day after this ends", () => {
    fc.assert(
      fc.property(anyIdArb, (id) => {
        const p = parsePeriodOrThrow(id);
        const n = parsePeriodOrThrow(nextPeriod(id));
        const end = new Date(`${p.end}T00:00:00Z`);
        end.setUTCDate(end.getUTCDate() + 1);
        expect(n.start).toBe(end.toISOString().slice(0, 10));
      }),
    );
  });
});

describe("periodsInRange", () => {
  it("lists quarters inclusively across a year boundary", () => {
    expect(periodsInRange("FY2018-19-Q3", "FY2019-20-Q2")).toEqual([
      "FY2018-19-Q3",
      "FY2018-19-Q4",
      "FY2019-20-Q1",
      "FY2019-20-Q2",
    ]);
  });

  it("lists months and years, one period when from = to, none when reversed", () => {
    expect(periodsInRange("2019-11", "2020-02")).toEqual(["2019-11", "2019-12", "2020-01", "2020-02"]);
    expect(periodsInRange("FY2017-18", "FY2019-20")).toEqual(["FY2017-18", "FY2018-19", "FY2019-20"]);
    expect(periodsInRange("2019-08", "2019-08")).toEqual(["2019-08"]);
    expect(periodsInRange("2019-09", "2019-08")).toEqual([]);
  });

  it("refuses ranges mixing kinds", () => {
    expect(() => periodsInRange("FY2019-20-Q1", "2019-08")).toThrow(CoreError);
  });
});

describe("latestQuarterWithData", () => {
  it("returns the quarter of the latest date", () => {
    expect(latestQuarterWithData(["2019-09-30", "2020-01-01", "2019-04-01"])).toBe("FY2019-20-Q4");
    expect(latestQuarterWithData(new Set(["2020-03-31"]))).toBe("FY2019-20-Q4");
    expect(latestQuarterWithData(["2020-04-01"])).toBe("FY2020-21-Q1");
  });

  it("returns null with no dates, and refuses invalid ones", () => {
    expect(latestQuarterWithData([])).toBeNull();
    expect(() => latestQuarterWithData(["2019-09-31"])).toThrow(CoreError);
  });
});
