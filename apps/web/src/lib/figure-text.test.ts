import { describe, expect, it } from "vitest";
import { benchmarkText, changeText, targetText } from "./figure-text";

describe("figure text", () => {
  it("writes a target as one figure or a range", () => {
    expect(targetText(60, "percent", 1)).toBe("60.0%");
    expect(targetText([80, 90], "percent", 1)).toBe("80.0%–90.0%");
    expect(targetText(null, "count", 0)).toBe("None");
  });

  it("writes a benchmark with its year and the comparison in words", () => {
    expect(
      benchmarkText(
        { comparator: "England", period: "FY2018-19", value: 45, result: "better" },
        "percent",
        1,
      ),
    ).toBe("England 2018-19: 45.0% (better)");
    expect(
      benchmarkText(
        { comparator: "Statistical neighbours", period: "FY2018-19", value: 41.25, result: "not_comparable" },
        "rate_per_10k",
        1,
      ),
    ).toBe("Statistical neighbours 2018-19: 41.3 (not comparable)");
  });

  it("writes changes signed, in percentage points for percentages", () => {
    expect(changeText(2.36, "percent", 1)).toBe("+2.4pp");
    expect(changeText(-1250, "count", 0)).toBe("−1,250");
  });
});
