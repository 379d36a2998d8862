import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { checkPeriodForWindow, windowLabel, windowPeriodKind, windowRange, windowSchema } from "./window.js";

const quarterIdArb = fc
  .tuple(fc.integer({ min: 1901, max: 2998 }), fc.integer({ min: 1, max: 4 }))
  .map(([y, q]) => `FY${y}-${String((y + 1) % 100).padStart(2, "0")}-Q${q}`);

describe("windows", () => {
  it("lists the five windows", () => {
    expect(windowSchema.options).toEqual(["quarter", "month", "ytd", "year", "rolling12"]);
    expect(windowSchema.safeParse("week").success).toBe(false);
  });

  it("asks for quarter ids for quarter, ytd and rolling12; month ids for month; year ids for year", () => {
    expect(windowPeriodKind("quarter")).toBe("quarter");
    expect(windowPeriodKind("ytd")).toBe("quarter");
    expect(windowPeriodKind("rolling12")).toBe("quarter");
    expect(windowPeriodKind("month")).toBe("month");
    expect(windowPeriodKind("year")).toBe("year");
  });

  it("explains a period of the wrong kind", () => {
    const r = checkPeriodForWindow("2019-08", "ytd");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toBe("The ytd window takes a quarter id such as FY2019-20-Q2; '2019-08' is a month.");
    const y = checkPeriodForWindow("FY2019-20-Q2", "year");
    expect(y.ok).toBe(false);
    if (!y.ok) expect(y.error).toContain("a financial-year id such as FY2019-20");
    const bad = checkPeriodForWindow("FY2019-21", "year");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain("FY2019-20");
    expect(checkPeriodForWindow("FY2019-20", "year").ok).toBe(true);
  });
});

describe("windowRange", () => {
  it("gives every window's closed range at Q2 2019-20 / Aug 2019 / 2019-20", () => {
    expect(windowRange("FY2019-20-Q2", "quarter")).toEqual({ start: "2019-07-01", end: "2019-09-30" });
    expect(windowRange("FY2019-20-Q2", "ytd")).toEqual({ start: "2019-04-01", end: "2019-09-30" });
    expect(windowRange("FY2019-20-Q2", "rolling12")).toEqual({ start: "2018-10-01", end: "2019-09-30" });
    expect(windowRange("2019-08", "month")).toEqual({ start: "2019-08-01", end: "2019-08-31" });
    expect(windowRange("FY2019-20", "year")).toEqual({ start: "2019-04-01", end: "2020-03-31" });
  });

  it("handles Q4, whose quarter lies in the next calendar year", () => {
    expect(windowRange("FY2019-20-Q4", "ytd")).toEqual({ start: "2019-04-01", end: "2020-03-31" });
    expect(windowRange("FY2019-20-Q4", "rolling12")).toEqual({ start: "2019-04-01", end: "2020-03-31" });
    expect(windowRange("FY2019-20-Q3", "rolling12")).toEqual({ start: "2019-01-01", end: "2019-12-31" });
    expect(windowRange("FY2019-20-Q1", "ytd")).toEqual({ start: "2019-04-01", end: "2019-06-30" });
  });

  it("throws for an id of the wrong kind", () => {
    expect(() => windowRange("2019-08", "quarter")).toThrow(CoreError);
    expect(() => windowRange("FY2019-20", "ytd")).toThrow(CoreError);
  });

  it("ytd and rolling12 contain the quarter and end with it; rolling12 spans a year", () => {
    fc.assert(
      fc.property(quarterIdArb, (id) => {
        const q = windowRange(id, "quarter");
        for (const w of ["ytd", "rolling12"] as const) {
          const r = windowRange(id, w);
          expect(r.start <= q.start).toBe(true);
          expect(r.end).toBe(q.end);
        }
        const r12 = windowRange(id, "rolling12");
        const days = (Date.parse(r12.end) - Date.parse(r12.start)) / 86_400_000 + 1;
        expect([365, 366]).toContain(days);
      }),
    );
  });
});

describe("windowLabel", () => {
  it("writes each window as the report does", () => {
    expect(windowLabel("FY2019-20-Q2", "quarter")).toBe("Q2 2019-20");
    expect(windowLabel("FY2019-20-Q2", "ytd")).toBe("Q1–Q2 2019-20 (year to date)");
    expect(windowLabel("FY2019-20-Q1", "ytd")).toBe("Q1 2019-20 (year to date)");
    expect(windowLabel("FY2019-20-Q4", "ytd")).toBe("Q1–Q4 2019-20 (year to date)");
    expect(windowLabel("FY2019-20-Q2", "rolling12")).toBe("12 months to Sep 2019");
    expect(windowLabel("FY2019-20-Q4", "rolling12")).toBe("12 months to Mar 2020");
    expect(windowLabel("2019-08", "month")).toBe("Aug 2019");
    expect(windowLabel("FY2019-20", "year")).toBe("2019-20");
  });
});
