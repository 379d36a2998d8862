import { describe, expect, it } from "vitest";
import { targetForPeriod } from "./target-for-period.js";

describe("targetForPeriod", () => {
  const withDefault = { target: { value: 60 } };

  it("uses the target set for the period's financial year", () => {
    expect(
      targetForPeriod(withDefault, "FY2019-20-Q2", { "FY2019-20": { value: 65, tolerance: 2 } }),
    ).toEqual({
      target: { value: 65, tolerance: 2 },
      financialYear: "FY2019-20",
      source: "financial_year",
    });
  });

  it("places a January month in the financial year that started the April before", () => {
    const history = { "FY2018-19": { value: 50 }, "FY2019-20": { value: 70 } };
    expect(targetForPeriod(withDefault, "2020-01", history).target).toEqual({ value: 70 });
    expect(targetForPeriod(withDefault, "FY2018-19", history).target).toEqual({ value: 50 });
  });

  it("falls back to the definition's default target for a year without one", () => {
    expect(targetForPeriod(withDefault, "FY2019-20-Q2", { "FY2018-19": { value: 50 } })).toEqual({
      target: { value: 60 },
      financialYear: "FY2019-20",
      source: "default",
    });
  });

  it("has no target when neither a year nor the definition sets one, or the year's was withdrawn", () => {
    expect(targetForPeriod({}, "FY2019-20-Q2", undefined).source).toBe("none");
    expect(targetForPeriod(withDefault, "FY2019-20-Q2", { "FY2019-20": null })).toEqual({
      target: null,
      financialYear: "FY2019-20",
      source: "none",
    });
  });
});
