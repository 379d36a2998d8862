import { describe, expect, it } from "vitest";
import { formatFigure } from "./format-figure.js";

describe("formatFigure", () => {
  it("prints each unit the way the report does", () => {
    expect(formatFigure(47.45856, "percent")).toBe("47.5%");
    expect(formatFigure(1810, "count")).toBe("1,810");
    expect(formatFigure(44.04, "rate_per_10k")).toBe("44.0");
    expect(formatFigure(1234.4, "gbp")).toBe("£1,234");
    expect(formatFigure(17.25, "per_fte")).toBe("17.3");
  });

  it("prints a missing value as a dash", () => {
    expect(formatFigure(null, "count")).toBe("—");
  });
});
