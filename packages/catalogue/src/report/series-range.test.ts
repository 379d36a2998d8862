import { describe, expect, it } from "vitest";
import { defaultPeriodFor, MAX_SERIES_PERIODS, seriesRange } from "./series-range.js";

describe("seriesRange", () => {
  it("lists the periods from one id to another, oldest first", () => {
    expect(seriesRange({ from: "FY2018-19-Q4", to: "FY2019-20-Q2", window: "quarter" }, null)).toEqual({
      ok: true,
      periods: ["FY2018-19-Q4", "FY2019-20-Q1", "FY2019-20-Q2"],
    });
  });

  it("defaults to the latest quarter with data, in the window's own kind", () => {
    expect(seriesRange({ window: "quarter" }, "FY2019-20-Q2")).toEqual({
      ok: true,
      periods: ["FY2019-20-Q2"],
    });
    expect(seriesRange({ window: "year" }, "FY2019-20-Q2")).toEqual({ ok: true, periods: ["FY2019-20"] });
    expect(seriesRange({ from: "2019-08", window: "month" }, "FY2019-20-Q2")).toEqual({
      ok: true,
      periods: ["2019-08", "2019-09"],
    });
    expect(seriesRange({ window: "ytd" }, null)).toEqual({ ok: true, periods: [] });
    expect(defaultPeriodFor("FY2019-20-Q4", "month")).toBe("2020-03");
  });

  it("names the field of a period of the wrong kind for the window", () => {
    const r = seriesRange({ from: "2019-08", to: "FY2019-20-Q2", window: "ytd" }, null);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field)).toEqual(["from"]);
    const bad = seriesRange({ to: "FY2019-21-Q1", window: "quarter" }, null);
    expect(bad.ok ? [] : bad.issues.map((i) => i.field)).toEqual(["to"]);
    // Periods whose comparisons would fall before the supported years are refused, not failed on.
    const early = seriesRange({ from: "FY1900-01-Q1", to: "FY1900-01-Q2", window: "quarter" }, null);
    expect(early.ok ? [] : early.issues.map((i) => i.field)).toEqual(["from", "to"]);
  });

  it("rejects a reversed or overlong range", () => {
    const reversed = seriesRange({ from: "FY2019-20-Q2", to: "FY2019-20-Q1", window: "quarter" }, null);
    expect(reversed.ok).toBe(false);
    const long = seriesRange({ from: "FY1980-81-Q1", to: "FY2019-20-Q2", window: "quarter" }, null);
    expect(long.ok ? 0 : long.issues[0]?.message).toContain(String(MAX_SERIES_PERIODS));
  });
});
