import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { logGamma } from "./log-gamma.js";

describe("logGamma", () => {
  it("matches factorials and Γ(1/2) = √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 13);
  });
  it("handles small and large arguments", () => {
    // Γ(0.1) = 9.513507698668732 (A&S table), ln Γ(100) = ln 99! = 359.13420536957540.
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 13);
    expect(Math.abs(logGamma(100) - 359.1342053695754) / 359.1342053695754).toBeLessThan(1e-14);
  });
  it("rejects non-positive arguments", () => {
    expect(() => logGamma(0)).toThrow(CoreError);
    expect(() => logGamma(-1)).toThrow(CoreError);
  });
});
