import { describe, expect, it } from "vitest";
import { formatQuantity } from "./format-quantity.js";

describe("formatQuantity", () => {
  it("adds unit words for sentences", () => {
    expect(formatQuantity(43.96, "rate_per_10k", 1)).toBe("44.0 per 10,000");
    expect(formatQuantity(18.24, "per_fte", 1)).toBe("18.2 per FTE");
    expect(formatQuantity(47.45856, "percent", 2)).toBe("47.46%");
    expect(formatQuantity(1810, "count", 0)).toBe("1,810");
    expect(formatQuantity(412.5, "gbp", 0)).toBe("£413");
  });

  it("shows an en dash without a unit when there is no value", () => {
    expect(formatQuantity(null, "rate_per_10k", 1)).toBe("–");
  });
});
