import { describe, expect, it } from "vitest";
import { seriesQuerySchema, seriesSetSchema } from "./series.js";

describe("series query", () => {
  it("defaults to quarters and takes a range, but no breakdown", () => {
    expect(seriesQuerySchema.parse({})).toEqual({ window: "quarter" });
    expect(seriesQuerySchema.parse({ from: "FY2017-18-Q3", to: "FY2019-20-Q2", window: "ytd" })).toEqual({
      from: "FY2017-18-Q3",
      to: "FY2019-20-Q2",
      window: "ytd",
    });
    expect(seriesQuerySchema.parse({ by: "source" })).toEqual({ window: "quarter" });
  });

  it("refuses a window the engine does not know", () => {
    expect(seriesQuerySchema.safeParse({ window: "fortnight" }).success).toBe(false);
  });
});

describe("series set", () => {
  it("holds each indicator's entries and refuses an entry without its figures", () => {
    const entry = {
      period: "FY2019-20-Q2",
      label: "Q2 2019-20",
      value: 45,
      numerator: 9,
      denominator: 20,
      unit: "percent",
      ci: { lower: 25.8, upper: 65.8, level: 0.95, method: "wilson" },
      target: 60,
      status: "red",
      comparisons: { previous_period: null, same_period_last_year: null },
      benchmarks: [],
      quartile: null,
      note: null,
      extras: {},
      sources: ["s1"],
    };
    const set = {
      window: "quarter",
      indicators: [{ indicator: "ffd.contacts_swa_pct", values: [entry] }],
      sources: [],
    };
    expect(seriesSetSchema.parse(set).indicators[0]?.values[0]?.value).toBe(45);
    const { value: _dropped, ...withoutValue } = entry;
    expect(
      seriesSetSchema.safeParse({ ...set, indicators: [{ indicator: "x", values: [withoutValue] }] }).success,
    ).toBe(false);
  });
});
