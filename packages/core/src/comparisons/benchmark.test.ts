import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import type { Estimate } from "../values/units.js";
import { compareWithBenchmark } from "./benchmark.js";

// Care leavers in EET: 59% (118 of 200); 95% Wilson interval worked by hand: 52.08% to 65.58%.
const eet: Estimate = {
  value: 59,
  numerator: 118,
  denominator: 200,
  lower: 52.08,
  upper: 65.58,
  method: "wilson",
  confidence: 0.95,
  note: null,
};

describe("compareWithBenchmark", () => {
  it("calls a benchmark inside the interval similar, ends included", () => {
    expect(compareWithBenchmark(eet, 53.7, "high")).toEqual({ result: "similar", reason: null });
    expect(compareWithBenchmark(eet, 52.08, "high").result).toBe("similar");
    expect(compareWithBenchmark(eet, 65.58, "low").result).toBe("similar");
  });

  it("reads a benchmark outside the interval by polarity", () => {
    expect(compareWithBenchmark(eet, 50, "high").result).toBe("better");
    expect(compareWithBenchmark(eet, 70, "high").result).toBe("worse");
    expect(compareWithBenchmark(eet, 50, "low").result).toBe("worse");
    expect(compareWithBenchmark(eet, 70, "low").result).toBe("better");
    expect(compareWithBenchmark(eet, 50, "none").result).toBe("higher");
    expect(compareWithBenchmark(eet, 70, "none").result).toBe("lower");
  });

  it("cannot test a value without an interval or without a value", () => {
    const cost: Estimate = { ...eet, lower: null, upper: null, method: "none" };
    expect(compareWithBenchmark(cost, 50, "low")).toEqual({
      result: "not_comparable",
      reason: "The value has no confidence interval, so it cannot be tested against the benchmark.",
    });
    expect(compareWithBenchmark({ ...eet, value: null }, 50, "low")).toEqual({
      result: "not_comparable",
      reason: "There is no value to compare with the benchmark.",
    });
  });

  it("rejects a non-finite benchmark", () => {
    expect(() => compareWithBenchmark(eet, Number.NaN, "high")).toThrow(CoreError);
  });
});
