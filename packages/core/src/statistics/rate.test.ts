import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { countInterval, rateInterval } from "./rate.js";

// Expected count limits, worked out in mpmath at 40 digits from the formulas in methods.md (exact:
// χ² quantiles found by root-finding on the regularised incomplete gamma; Byar: the closed form).
// The 95% exact limits agree with printed Poisson tables (0: 0–3.689; 1: 0.0253–5.572; 3: 0.619–8.767;
// 9: 4.115–17.08). Byar inputs 65 and 1045 are those of PHEindicatormethods' testByars.R.
const EXACT: ReadonlyArray<readonly [number, number, number, number]> = [
  [0, 0.95, 0, 3.6888794541139363],
  [0, 0.998, 0, 6.907755278982137],
  [1, 0.95, 0.025317807984289876, 5.571643390938899],
  [1, 0.998, 0.0010005003335835335, 9.233413476451586],
  [3, 0.95, 0.6186721228956013, 8.767273069742325],
  [3, 0.998, 0.1905333775684032, 13.062240779188071],
  [9, 0.95, 4.115373097378332, 17.08480345141917],
  [9, 0.998, 2.452424404363775, 22.65737330906293],
];
const BYAR: ReadonlyArray<readonly [number, number, number, number]> = [
  [10, 0.95, 4.787449913967562, 18.391458605756476],
  [10, 0.998, 2.916318374695685, 24.193724927880538],
  [65, 0.95, 50.16318771045944, 82.84913854593987],
  [65, 0.998, 42.880261471480196, 94.000290844318],
  [1045, 0.95, 982.5932018073327, 1110.3312129856497],
  [1045, 0.998, 947.9407035610375, 1148.8061609880326],
];

function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe("countInterval", () => {
  it("uses exact Poisson limits below 10", () => {
    for (const [count, confidence, lower, upper] of EXACT) {
      const interval = countInterval(count, { confidence });
      expect(interval.method).toBe("poisson_exact");
      expect(interval.value).toBe(count);
      expectRelative(interval.lower, lower);
      expectRelative(interval.upper, upper);
    }
  });
  it("gives a lower limit of exactly 0 for a zero count", () => {
    expect(countInterval(0).lower).toBe(0);
  });
  it("uses Byar's approximation from 10 upwards", () => {
    for (const [count, confidence, lower, upper] of BYAR) {
      const interval = countInterval(count, { confidence });
      expect(interval.method).toBe("byar");
      expectRelative(interval.lower, lower);
      expectRelative(interval.upper, upper);
    }
  });
  it("rejects negative or non-finite counts", () => {
    expect(() => countInterval(-1)).toThrow(CoreError);
    expect(() => countInterval(Number.NaN)).toThrow(CoreError);
    expect(() => countInterval(3, { confidence: 1 })).toThrow(CoreError);
  });
});

describe("rateInterval", () => {
  it("divides the count limits by the population and applies the multiplier (per 10,000 by default)", () => {
    // 9 children in a population of 104,000: 0.8654 per 10,000, limits 4.1154/10.4 and 17.0848/10.4.
    const small = rateInterval(9, 104_000);
    expect(small.method).toBe("poisson_exact");
    expect(small.value).toBeCloseTo(9 / 10.4, 12);
    expectRelative(small.lower, 4.115373097378332 / 10.4);
    expectRelative(small.upper, 17.08480345141917 / 10.4);
    // 65 per 100 per 100 (PHE's testdata_Rate_100 style): 65, limits 50.1632 and 82.8491.
    const large = rateInterval(65, 100, { multiplier: 100, confidence: 0.95 });
    expect(large.method).toBe("byar");
    expect(large.value).toBe(65);
    expectRelative(large.lower, 50.16318771045944);
    expectRelative(large.upper, 82.84913854593987);
    const strict = rateInterval(1045, 100_000, { multiplier: 100_000, confidence: 0.998 });
    expectRelative(strict.lower, 947.9407035610375);
    expectRelative(strict.upper, 1148.8061609880326);
    expect(strict.confidence).toBe(0.998);
  });
  it("switches method exactly at 10", () => {
    expect(rateInterval(9.99, 1000).method).toBe("poisson_exact");
    expect(rateInterval(10, 1000).method).toBe("byar");
  });
  it("rejects a zero or negative population and a bad multiplier", () => {
    expect(() => rateInterval(3, 0)).toThrow(CoreError);
    expect(() => rateInterval(3, -5)).toThrow(CoreError);
    expect(() => rateInterval(3, 100, { multiplier: 0 })).toThrow(CoreError);
  });
  it("always contains the rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(0.95, 0.998),
        (count, population, confidence) => {
          const interval = rateInterval(count, population, { confidence });
          expect(interval.lower).toBeGreaterThanOrEqual(0);
          expect(interval.lower).toBeLessThanOrEqual(interval.value);
          expect(interval.upper).toBeGreaterThan(interval.value);
        },
      ),
    );
  });
});
