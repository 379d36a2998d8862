import { describe, expect, it } from "vitest";
import { targetOutsideUnit } from "./target.js";

describe("targetOutsideUnit", () => {
  it("refuses a percentage target above 100 or below 0, as a value or a range end", () => {
    expect(targetOutsideUnit({ value: 150 }, "percent")).toEqual({
      field: "value",
      message: "The target must be a percentage, between 0 and 100",
    });
    expect(targetOutsideUnit({ range: [90, 100.5] }, "percent")?.field).toBe("range");
    expect(targetOutsideUnit({ range: [-1, 10] }, "percent")?.field).toBe("range");
  });

  it("accepts the ends of the scale and anything between", () => {
    expect(targetOutsideUnit({ value: 0 }, "percent")).toBeNull();
    expect(targetOutsideUnit({ value: 100, tolerance: 5 }, "percent")).toBeNull();
    expect(targetOutsideUnit({ range: [60, 65] }, "percent")).toBeNull();
    expect(targetOutsideUnit({ value: 1_000_000 }, "count")).toBeNull();
  });

  it("refuses negative counts, rates, money and caseloads, and bounds no plain number", () => {
    for (const unit of ["count", "rate_per_10k", "gbp", "per_fte"] as const)
      expect(targetOutsideUnit({ value: -0.5 }, unit)?.field, unit).toBe("value");
    expect(targetOutsideUnit({ value: -3 }, "number")).toBeNull();
  });
});
