import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { normalQuantile, zForConfidence } from "./normal-quantile.js";

// Reference values: mpmath at 40 significant digits, Φ⁻¹(p) = √2·erfinv(2p − 1), rounded to 17 digits.
const REFERENCE: ReadonlyArray<readonly [number, number]> = [
  [0.975, 1.9599639845400543],
  [0.999, 3.0902323061678136],
  [0.001, -3.0902323061678136],
  [1e-10, -6.361340902404057],
  [0.9, 1.2815515655446006],
  [0.3, -0.5244005127080408],
  [0.99999, 4.264890793922825],
];

describe("normalQuantile", () => {
  it("matches published values to 1e-12", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    for (const [p, expected] of REFERENCE) {
      expect(Math.abs(normalQuantile(p) - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
    }
  });
  it("is 0 at one half and infinite at the ends", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });
  it("rejects probabilities outside [0, 1]", () => {
    expect(() => normalQuantile(1.2)).toThrow(CoreError);
    expect(() => normalQuantile(-0.1)).toThrow(CoreError);
    expect(() => normalQuantile(Number.NaN)).toThrow(CoreError);
  });
  it("is antisymmetric about one half and increasing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        (p, q) => {
          // 1 − p is rounded to double precision, so the check is to 1e-9, not exact.
          expect(normalQuantile(1 - p) + normalQuantile(p)).toBeCloseTo(0, 9);
          if (p < q) expect(normalQuantile(p)).toBeLessThanOrEqual(normalQuantile(q));
        },
      ),
    );
  });
});

describe("zForConfidence", () => {
  it("gives the two-sided critical values used for 95% and 99.8% intervals", () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.9599639845400543, 12);
    expect(zForConfidence(0.998)).toBeCloseTo(3.0902323061678136, 12);
    expect(zForConfidence(0.9)).toBeCloseTo(1.6448536269514726, 12);
  });
  it("rejects a percentage given instead of a proportion", () => {
    expect(() => zForConfidence(95)).toThrow(CoreError);
  });
});
