import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { normalQuantile } from "./normal-quantile.js";
import { tQuantile } from "./t-quantile.js";

// Reference values: mpmath at 40 digits, solving 1 − I_{ν/(ν+t²)}(ν/2, 1/2)/2 = p, rounded to 17 digits.
// They agree with printed t tables (e.g. t(0.975, 10) = 2.228, t(0.999, 1) = 318.31).
const REFERENCE: ReadonlyArray<readonly [number, number, number]> = [
  [0.975, 10, 2.228138851986275],
  [0.975, 1, 12.706204736174705],
  [0.999, 1, 318.30883898555044],
  [0.975, 2, 4.302652729749464],
  [0.999, 2, 22.327124770119877],
  [0.975, 3, 3.1824463052837095],
  [0.999, 3, 10.214531852407386],
  [0.995, 5, 4.032142983555228],
  [0.975, 29, 2.0452296421327043],
  [0.999, 99, 3.1746038497557523],
  [0.025, 4, -2.7764451051977943],
  [0.6, 7, 0.26316686135202283],
  [0.975, 2.5, 3.574654842003683],
  [0.999, 1000, 3.098402163912923],
];

describe("tQuantile", () => {
  it("matches published and high-precision values to 1e-8", () => {
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 10);
    for (const [p, df, expected] of REFERENCE) {
      expect(Math.abs(tQuantile(p, df) - expected)).toBeLessThan(1e-8 * Math.max(1, Math.abs(expected)));
    }
  });
  it("is 0 at one half, infinite at the ends, and the normal quantile for infinite df", () => {
    expect(tQuantile(0.5, 4)).toBe(0);
    expect(tQuantile(0, 4)).toBe(Number.NEGATIVE_INFINITY);
    expect(tQuantile(1, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(tQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
    // Very many degrees of freedom (mpmath, 40 digits): 1.959966356814107, just above z = 1.959963984540054.
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959966356814107, 12);
  });
  it("rejects bad arguments", () => {
    expect(() => tQuantile(2, 5)).toThrow(CoreError);
    expect(() => tQuantile(0.9, 0)).toThrow(CoreError);
    expect(() => tQuantile(0.9, Number.NaN)).toThrow(CoreError);
  });
  it("is antisymmetric, and shrinks towards the normal quantile as df grows", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5001, max: 0.9999, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (p, df) => {
          const t = tQuantile(p, df);
          expect(tQuantile(1 - p, df)).toBeCloseTo(-t, 7);
          expect(t).toBeGreaterThanOrEqual(tQuantile(p, df + 1) - 1e-12);
          expect(t).toBeGreaterThanOrEqual(normalQuantile(p) - 1e-12);
        },
      ),
    );
  });
});
