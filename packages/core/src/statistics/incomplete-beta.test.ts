import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { regularisedBeta } from "./incomplete-beta.js";

describe("regularisedBeta", () => {
  it("matches closed forms", () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(2, 2) = 3x² − 2x³; I_x(1/2, 1/2) = (2/π) asin √x.
    expect(regularisedBeta(0.25, 1, 1)).toBeCloseTo(0.25, 14);
    expect(regularisedBeta(0.3, 3.5, 1)).toBeCloseTo(0.3 ** 3.5, 14);
    expect(regularisedBeta(0.8, 2, 2)).toBeCloseTo(3 * 0.64 - 2 * 0.512, 14);
    expect(regularisedBeta(0.2, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.2)), 14);
  });
  it("is 0 and 1 at the ends and rejects bad input", () => {
    expect(regularisedBeta(0, 2, 3)).toBe(0);
    expect(regularisedBeta(1, 2, 3)).toBe(1);
    expect(() => regularisedBeta(1.5, 2, 3)).toThrow(CoreError);
    expect(() => regularisedBeta(0.5, 0, 3)).toThrow(CoreError);
  });
  it("satisfies I_x(a, b) = 1 − I_{1−x}(b, a) (passing x itself as the complement of 1 − x)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (x, a, b) => {
          expect(regularisedBeta(x, a, b) + regularisedBeta(1 - x, b, a, x)).toBeCloseTo(1, 10);
        },
      ),
    );
  });
});
