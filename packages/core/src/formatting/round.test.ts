import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { roundHalfAwayFromZero } from "./round.js";

describe("roundHalfAwayFromZero", () => {
  it("rounds decimal halves up despite binary storage", () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(1.045, 2)).toBe(1.05);
    expect(roundHalfAwayFromZero(0.285, 2)).toBe(0.29);
    expect(roundHalfAwayFromZero(1.255, 2)).toBe(1.26);
    expect(roundHalfAwayFromZero(8.345, 2)).toBe(8.35);
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
    expect(roundHalfAwayFromZero(10.235, 2)).toBe(10.24);
  });

  it("rounds halves away from zero on both sides", () => {
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(0.5, 0)).toBe(1);
    expect(roundHalfAwayFromZero(-0.5, 0)).toBe(-1);
    expect(roundHalfAwayFromZero(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAwayFromZero(44.05, 1)).toBe(44.1);
  });

  it("rounds the reference report's figures as printed", () => {
    // 859 / 1810 = 47.458563…% prints as 47.46%.
    expect(roundHalfAwayFromZero((859 / 1810) * 100, 2)).toBe(47.46);
    expect(roundHalfAwayFromZero(45.1, 2)).toBe(45.1);
    expect(roundHalfAwayFromZero(43.96, 0)).toBe(44);
  });

  it("never returns negative zero", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.004, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 0), 0)).toBe(true);
  });

  it("leaves huge and non-finite values alone", () => {
    expect(roundHalfAwayFromZero(1e20, 2)).toBe(1e20);
    expect(roundHalfAwayFromZero(Number.POSITIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects impossible decimals as a programmer error", () => {
    expect(() => roundHalfAwayFromZero(1, -1)).toThrow(CoreError);
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(CoreError);
    expect(() => roundHalfAwayFromZero(1, 11)).toThrow(CoreError);
  });

  it("is symmetric about zero and within half a unit of the last place", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (value, decimals) => {
          const rounded = roundHalfAwayFromZero(value, decimals);
          expect(roundHalfAwayFromZero(-value, decimals)).toBe(rounded === 0 ? 0 : -rounded);
          expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
          const scaled = rounded * 10 ** decimals;
          expect(Math.abs(scaled - Math.round(scaled))).toBeLessThan(1e-6);
        },
      ),
    );
  });

  it("rounds every decimal written with one more digit ending in 5 away from zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -999_999, max: 999_999 }),
        fc.integer({ min: 0, max: 3 }),
        (n, decimals) => {
          // n·10 + 5 over 10^(decimals+1): e.g. n = 100, decimals 2 → 1.005 → 1.01.
          const text = `${n < 0 ? "-" : ""}${Math.abs(n) * 10 + 5}e-${decimals + 1}`;
          const expected = (n < 0 ? -(Math.abs(n) + 1) : n + 1) / 10 ** decimals;
          expect(roundHalfAwayFromZero(Number(text), decimals)).toBe(expected);
        },
      ),
    );
  });
});
