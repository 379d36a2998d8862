import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { type QuartileBand, quartileBand } from "./quartile.js";

const five = [50, 10, 40, 20, 30];

describe("quartileBand", () => {
  it("bands a higher-is-better value, cut points going to the better band", () => {
    // Type 7 quartiles of 10…50: Q1 20, median 30, Q3 40.
    expect(quartileBand(45, five, "high")).toEqual({ band: "A", reason: null, quartiles: [20, 30, 40] });
    expect(quartileBand(40, five, "high").band).toBe("A");
    expect(quartileBand(35, five, "high").band).toBe("B");
    expect(quartileBand(30, five, "high").band).toBe("B");
    expect(quartileBand(25, five, "high").band).toBe("C");
    expect(quartileBand(20, five, "high").band).toBe("C");
    expect(quartileBand(15, five, "high").band).toBe("D");
  });

  it("mirrors the bands when lower is better", () => {
    expect(quartileBand(15, five, "low").band).toBe("A");
    expect(quartileBand(20, five, "low").band).toBe("A");
    expect(quartileBand(25, five, "low").band).toBe("B");
    expect(quartileBand(30, five, "low").band).toBe("B");
    expect(quartileBand(35, five, "low").band).toBe("C");
    expect(quartileBand(40, five, "low").band).toBe("C");
    expect(quartileBand(45, five, "low").band).toBe("D");
  });

  it("puts the highest values in A when there is no polarity", () => {
    expect(quartileBand(45, five, "none").band).toBe("A");
    expect(quartileBand(15, five, "none").band).toBe("D");
  });

  it("interpolates between members", () => {
    // 1…6: positions 1.25, 2.5 and 3.75 (0-based) give 2.25, 3.5 and 4.75.
    const result = quartileBand(4.8, [6, 5, 4, 3, 2, 1], "high");
    expect(result.quartiles).toEqual([2.25, 3.5, 4.75]);
    expect(result.band).toBe("A");
    expect(quartileBand(4.7, [6, 5, 4, 3, 2, 1], "high").band).toBe("B");
  });

  it("gives no band against fewer than five members", () => {
    expect(quartileBand(45, [10, 20, 30, 40], "high")).toEqual({
      band: null,
      reason: "No quartile band: the comparator group has 4 member values and at least 5 are needed.",
      quartiles: null,
    });
  });

  it("rejects non-finite inputs", () => {
    expect(() => quartileBand(Number.NaN, five, "high")).toThrow(CoreError);
    expect(() => quartileBand(1, [1, 2, 3, 4, Number.POSITIVE_INFINITY], "high")).toThrow(CoreError);
  });

  it("never gives a worse band to a better value", () => {
    const order: Record<QuartileBand, number> = { A: 3, B: 2, C: 1, D: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 5, maxLength: 30 }),
        fc.integer({ min: -1200, max: 1200 }),
        fc.integer({ min: 0, max: 500 }),
        fc.constantFrom("high" as const, "low" as const),
        (members, value, step, polarity) => {
          const better = polarity === "high" ? value + step : value - step;
          const a = quartileBand(value, members, polarity).band!;
          const b = quartileBand(better, members, polarity).band!;
          expect(order[b]).toBeGreaterThanOrEqual(order[a]);
        },
      ),
    );
  });
});
