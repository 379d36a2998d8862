import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { chiSquaredCdf, chiSquaredQuantile } from "./chi-squared.js";

/** |actual − expected| ≤ tolerance × |expected|. */
function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// Reference quantiles: mpmath at 40 digits, solving P(df/2, x/2) = p, rounded to 17 digits.
// χ²(0.975, 2) = −2 ln 0.025 = 7.377758908227871 and χ²(0.95, 1) = 1.959963984540054² are also
// closed forms; χ²(0.998, 1) = 9.5495 is the trend test's threshold in methods.md.
const QUANTILES: ReadonlyArray<readonly [number, number, number]> = [
  [0.975, 2, 7.3777589082278725],
  [0.998, 1, 9.549535706083244],
  [0.95, 1, 3.841458820694126],
  [0.025, 2, 0.05063561596857975],
  [0.001, 2, 0.002001000667167067],
  [0.001, 1, 1.57079714926249e-6],
  [0.999, 20, 45.31474661812586],
  [0.025, 20, 9.590777392264867],
  [0.975, 18, 31.52637844038663],
  [0.5, 7, 6.3458111955215175],
  [0.0005, 2, 0.0010002500833645959],
  [0.9995, 20, 47.49845188547166],
];

const CDF: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 0.6826894921370859],
  [9.5495, 1, 0.9979999610945806],
  [2, 2, 0.6321205588285577],
  [10, 3, 0.9814338645369568],
  [30, 20, 0.9301463393005902],
  [0.01, 4, 1.245841135427508e-5],
  [100, 50, 0.9999654506861702],
];

describe("chiSquaredQuantile", () => {
  it("matches published and high-precision values to 1e-9 relative", () => {
    expect(chiSquaredQuantile(0.975, 2)).toBeCloseTo(7.377758908227871, 12);
    expect(chiSquaredQuantile(0.998, 1)).toBeCloseTo(9.5495, 4);
    for (const [p, df, expected] of QUANTILES) expectRelative(chiSquaredQuantile(p, df), expected, 1e-9);
  });
  it("is 0 at p = 0 and infinite at p = 1", () => {
    expect(chiSquaredQuantile(0, 3)).toBe(0);
    expect(chiSquaredQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
  });
  it("rejects bad probabilities and degrees of freedom", () => {
    expect(() => chiSquaredQuantile(1.5, 2)).toThrow(CoreError);
    expect(() => chiSquaredQuantile(0.5, 0)).toThrow(CoreError);
    expect(() => chiSquaredQuantile(0.5, Number.NaN)).toThrow(CoreError);
  });
  it("inverts the distribution function", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (p, df) => {
          expect(chiSquaredCdf(chiSquaredQuantile(p, df), df)).toBeCloseTo(p, 10);
        },
      ),
    );
  });
});

describe("chiSquaredCdf", () => {
  it("matches high-precision values to 1e-9 relative", () => {
    for (const [x, df, expected] of CDF) expectRelative(chiSquaredCdf(x, df), expected, 1e-9);
  });
  it("is 0 for x ≤ 0 and rejects NaN", () => {
    expect(chiSquaredCdf(0, 2)).toBe(0);
    expect(chiSquaredCdf(-3, 2)).toBe(0);
    expect(() => chiSquaredCdf(Number.NaN, 2)).toThrow(CoreError);
    expect(() => chiSquaredCdf(1, -2)).toThrow(CoreError);
  });
  it("increases with x", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (x, y, df) => {
          if (x <= y) expect(chiSquaredCdf(x, df)).toBeLessThanOrEqual(chiSquaredCdf(y, df) + 1e-15);
        },
      ),
    );
  });
});
