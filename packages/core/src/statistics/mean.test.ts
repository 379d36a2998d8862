import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { meanInterval } from "./mean.js";

describe("meanInterval", () => {
  it("uses the t distribution with n − 1 degrees of freedom", () => {
    // [2, 4, 6]: mean 4, s = 2, t(0.975, 2) = 4.302652729749464, half-width 4.3027 × 2/√3 = 4.9682754235.
    const small = meanInterval([2, 4, 6]);
    expect(small.value).toBe(4);
    expect(small.lower).toBeCloseTo(-0.9682754235006621, 9);
    expect(small.upper).toBeCloseTo(8.968275423500662, 9);
    expect(small.method).toBe("t");
    // t(0.999, 2) = 22.327124770119877: half-width 25.781142992518143.
    const strict = meanInterval([2, 4, 6], { confidence: 0.998 });
    expect(strict.lower).toBeCloseTo(-21.78114299251814, 9);
    expect(strict.upper).toBeCloseTo(29.78114299251814, 9);
  });
  it("matches a worked example of caseload days (mpmath, 40 digits)", () => {
    const days = [12.5, 14, 9.75, 20, 16.25, 11, 13.5];
    const i95 = meanInterval(days);
    expect(i95.value).toBeCloseTo(13.857142857142858, 12);
    expect(i95.lower).toBeCloseTo(10.68733287389569, 9);
    expect(i95.upper).toBeCloseTo(17.026952840390024, 9);
    const i998 = meanInterval(days, { confidence: 0.998 });
    expect(i998.lower).toBeCloseTo(7.111012777791023, 9);
    expect(i998.upper).toBeCloseTo(20.60327293649469, 9);
  });
  it("needs at least two finite values", () => {
    expect(() => meanInterval([])).toThrow(CoreError);
    expect(() => meanInterval([3])).toThrow(CoreError);
    expect(() => meanInterval([3, Number.NaN])).toThrow(CoreError);
    expect(() => meanInterval([3, 4], { confidence: 95 })).toThrow(CoreError);
  });
  it("has zero width when every value is the same", () => {
    expect(meanInterval([7, 7, 7])).toEqual({ value: 7, lower: 7, upper: 7, method: "t", confidence: 0.95 });
  });
  it("is centred on the mean and moves with a shift of the data", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 50 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (values, shift) => {
          const base = meanInterval(values);
          const moved = meanInterval(values.map((v) => v + shift));
          expect(base.upper - base.value).toBeCloseTo(base.value - base.lower, 6);
          expect(moved.value).toBeCloseTo(base.value + shift, 6);
          expect(moved.upper - moved.lower).toBeCloseTo(base.upper - base.lower, 6);
        },
      ),
    );
  });
});
