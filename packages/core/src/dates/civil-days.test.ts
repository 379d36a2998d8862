import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { civilFromDayNumber, dayNumberFromCivil } from "./civil-days.js";

describe("civil days", () => {
  it("matches known dates", () => {
    expect(dayNumberFromCivil(1970, 1, 1)).toBe(0);
    expect(dayNumberFromCivil(1969, 12, 31)).toBe(-1);
    expect(dayNumberFromCivil(2000, 3, 1)).toBe(11017);
    expect(civilFromDayNumber(11016)).toEqual([2000, 2, 29]);
  });
  it("agrees with Date.UTC and round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: -300_000, max: 300_000 }), (n) => {
        const [y, m, d] = civilFromDayNumber(n);
        expect(Date.UTC(y, m - 1, d) / 86_400_000).toBe(n);
        expect(dayNumberFromCivil(y, m, d)).toBe(n);
      }),
    );
  });
});
