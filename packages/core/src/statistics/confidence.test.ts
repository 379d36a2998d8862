import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { assertConfidenceLevel, DEFAULT_CONFIDENCE } from "./confidence.js";

describe("confidence levels", () => {
  it("defaults to 95%", () => {
    expect(DEFAULT_CONFIDENCE).toBe(0.95);
  });
  it("accepts levels strictly between 0 and 1", () => {
    expect(assertConfidenceLevel(0.95)).toBe(0.95);
    expect(assertConfidenceLevel(0.998)).toBe(0.998);
  });
  it("rejects percentages and the ends of the range rather than guessing", () => {
    for (const bad of [95, 99.8, 0, 1, -0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => assertConfidenceLevel(bad)).toThrow(CoreError);
    }
  });
});
