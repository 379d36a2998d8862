import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { proportionInterval } from "./wilson.js";

// Expected limits: the Wilson formula of methods.md evaluated in mpmath at 40 digits (the inputs are those
// of PHEindicatormethods' testWilson.R: 65/100, 1045/5000, 0.445/1 at 95% and 99.8%), rounded to 17 digits.
const REFERENCE: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [65, 100, 0.95, 0.5525444329688796, 0.7363575175690247],
  [65, 100, 0.998, 0.49549465740704474, 0.7783540614089686],
  [1045, 5000, 0.95, 0.19795549880013297, 0.22049130373189027],
  [1045, 5000, 0.998, 0.1917938179901526, 0.22731562902525795],
  [0.445, 1, 0.95, 0.04381744772058818, 0.9334621276979157],
  [0.445, 1, 0.998, 0.01934700613290133, 0.9702259947019534],
  [1, 3, 0.95, 0.06149194472039623, 0.7923403991979523],
  [1, 3, 0.998, 0.02982792819889147, 0.8904878489405559],
  [399, 400, 0.95, 0.9859767149241766, 0.9995585522131983],
  [399, 400, 0.998, 0.9720175633176823, 0.9997818536046901],
];

describe("proportionInterval (Wilson score)", () => {
  it("reproduces reference limits to 1e-9 at 95% and 99.8%", () => {
    for (const [x, n, confidence, lower, upper] of REFERENCE) {
      const interval = proportionInterval(x, n, { confidence });
      expect(interval.value).toBe(x / n);
      expect(interval.lower).toBeCloseTo(lower, 9);
      expect(interval.upper).toBeCloseTo(upper, 9);
      expect(interval.method).toBe("wilson");
      expect(interval.confidence).toBe(confidence);
    }
  });
  it("defaults to 95%", () => {
    expect(proportionInterval(65, 100)).toEqual(proportionInterval(65, 100, { confidence: 0.95 }));
    expect(proportionInterval(65, 100).confidence).toBe(0.95);
  });
  it("gives exactly 0 as the lower limit when none of the group has the property", () => {
    const interval = proportionInterval(0, 25);
    expect(interval.value).toBe(0);
    expect(interval.lower).toBe(0);
    // z²/(n + z²) for x = 0: 3.8414588206941/(25 + 3.8414588206941) = 0.13319225093904850.
    expect(interval.upper).toBeCloseTo(0.1331922509390485, 12);
    expect(proportionInterval(0, 25, { confidence: 0.998 }).upper).toBeCloseTo(0.2764012746024204, 12);
  });
  it("gives exactly 1 as the upper limit when all of the group has the property", () => {
    const interval = proportionInterval(25, 25);
    expect(interval.value).toBe(1);
    expect(interval.upper).toBe(1);
    expect(interval.lower).toBeCloseTo(0.8668077490609515, 12);
    expect(proportionInterval(25, 25, { confidence: 0.998 }).lower).toBeCloseTo(0.7235987253975796, 12);
  });
  it("rejects impossible proportions as programmer errors", () => {
    const bad: ReadonlyArray<readonly [number, number]> = [
      [-1, 10],
      [5, 0],
      [5, -10],
      [11, 10],
      [Number.NaN, 10],
      [1, Number.POSITIVE_INFINITY],
    ];
    for (const [x, n] of bad) {
      expect(() => proportionInterval(x, n)).toThrow(CoreError);
      try {
        proportionInterval(x, n);
      } catch (error) {
        expect((error as CoreError).code).toBe("invalid_argument");
      }
    }
    expect(() => proportionInterval(5, 10, { confidence: 95 })).toThrow(CoreError);
  });
  it("always contains the proportion inside [0, 1], and widens at 99.8%", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.round(share * n);
          const i95 = proportionInterval(x, n);
          const i998 = proportionInterval(x, n, { confidence: 0.998 });
          expect(i95.lower).toBeGreaterThanOrEqual(0);
          expect(i95.upper).toBeLessThanOrEqual(1);
          expect(i95.lower).toBeLessThanOrEqual(i95.value + 1e-15);
          expect(i95.upper).toBeGreaterThanOrEqual(i95.value - 1e-15);
          expect(i998.lower).toBeLessThanOrEqual(i95.lower + 1e-15);
          expect(i998.upper).toBeGreaterThanOrEqual(i95.upper - 1e-15);
        },
      ),
    );
  });
});
