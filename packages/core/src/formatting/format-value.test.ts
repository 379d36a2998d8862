import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { formatChange, formatChangeShort, formatValue } from "./format-value.js";

describe("formatValue", () => {
  it("formats each unit as staff read it", () => {
    expect(formatValue(47.45856, "percent", 2)).toBe("47.46%");
    expect(formatValue(43.96, "rate_per_10k", 1)).toBe("44.0");
    expect(formatValue(1810, "count", 0)).toBe("1,810");
    expect(formatValue(1234.4, "gbp", 0)).toBe("£1,234");
    expect(formatValue(18.24, "per_fte", 1)).toBe("18.2");
    expect(formatValue(1234567.891, "number", 2)).toBe("1,234,567.89");
  });

  it("keeps trailing zeros to the indicator's decimals", () => {
    expect(formatValue(45.1, "percent", 2)).toBe("45.10%");
    expect(formatValue(59, "percent", 0)).toBe("59%");
    expect(formatValue(0, "percent", 1)).toBe("0.0%");
  });

  it("rounds half away from zero, not half to even", () => {
    expect(formatValue(1.005, "percent", 2)).toBe("1.01%");
    expect(formatValue(2.5, "count", 0)).toBe("3");
    expect(formatValue(999.5, "count", 0)).toBe("1,000");
  });

  it("writes negative values with a minus sign", () => {
    expect(formatValue(-1250, "gbp", 0)).toBe("−£1,250");
    expect(formatValue(-2.5, "number", 0)).toBe("−3");
    expect(formatValue(-0.004, "percent", 2)).toBe("0.00%");
  });

  it("shows an en dash where there is no value", () => {
    expect(formatValue(null, "percent", 1)).toBe("–");
  });

  it("refuses non-finite values", () => {
    expect(() => formatValue(Number.NaN, "count", 0)).toThrow(CoreError);
  });
});

describe("formatChange", () => {
  it("writes percentage changes in percentage points", () => {
    expect(formatChange(2.36, "percent", 1)).toBe("+2.4 percentage points");
    expect(formatChange(-6.455, "percent", 2)).toBe("−6.46 percentage points");
    expect(formatChange(1, "percent", 0)).toBe("+1 percentage point");
    expect(formatChange(1, "percent", 1)).toBe("+1.0 percentage points");
  });

  it("signs other units and names their unit", () => {
    expect(formatChange(-3, "count", 0)).toBe("−3");
    expect(formatChange(1250, "count", 0)).toBe("+1,250");
    expect(formatChange(2, "rate_per_10k", 1)).toBe("+2.0 per 10,000");
    expect(formatChange(-0.45, "per_fte", 1)).toBe("−0.5 per FTE");
    expect(formatChange(-12, "gbp", 0)).toBe("−£12");
  });

  it("gives no sign to a change that rounds to zero", () => {
    expect(formatChange(0.04, "percent", 1)).toBe("0.0 percentage points");
    expect(formatChange(-0.04, "count", 0)).toBe("0");
  });

  it("shows an en dash for a missing change", () => {
    expect(formatChange(null, "count", 0)).toBe("–");
  });
});

describe("formatChangeShort", () => {
  it("writes percentage points as pp", () => {
    expect(formatChangeShort(2.36, "percent", 1)).toBe("+2.4pp");
    expect(formatChangeShort(-0.25, "percent", 1)).toBe("−0.3pp");
  });

  it("signs other units without words", () => {
    expect(formatChangeShort(-1250, "count", 0)).toBe("−1,250");
    expect(formatChangeShort(2, "rate_per_10k", 1)).toBe("+2.0");
    expect(formatChangeShort(40, "gbp", 0)).toBe("+£40");
    expect(formatChangeShort(null, "gbp", 0)).toBe("–");
  });
});
