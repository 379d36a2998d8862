import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { incompleteGamma } from "./incomplete-gamma.js";

describe("incompleteGamma", () => {
  it("matches the exponential distribution when a = 1 (both branches)", () => {
    for (const x of [0.1, 1, 1.9, 5, 30]) {
      const { lower, upper } = incompleteGamma(1, x);
      expect(upper).toBeCloseTo(Math.exp(-x), 14);
      expect(Math.abs(upper - Math.exp(-x)) / Math.exp(-x)).toBeLessThan(1e-13);
      expect(lower).toBeCloseTo(1 - Math.exp(-x), 14);
    }
  });
  it("keeps small upper tails precise", () => {
    // Q(1, 50) = e^−50 = 1.9287498479639178e-22.
    expect(incompleteGamma(1, 50).upper / 1.9287498479639178e-22).toBeCloseTo(1, 12);
  });
  it("is 0/1 at the ends and rejects bad shapes", () => {
    expect(incompleteGamma(3, 0)).toEqual({ lower: 0, upper: 1 });
    expect(incompleteGamma(3, Number.POSITIVE_INFINITY)).toEqual({ lower: 1, upper: 0 });
    expect(() => incompleteGamma(0, 1)).toThrow(CoreError);
    expect(() => incompleteGamma(1, -1)).toThrow(CoreError);
  });
  it("has tails that add to 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        (a, x) => {
          const { lower, upper } = incompleteGamma(a, x);
          expect(lower + upper).toBeCloseTo(1, 12);
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(upper).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
