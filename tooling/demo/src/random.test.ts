import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Random } from "./random.js";

const draws = (rng: Random, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe("Random", () => {
  it("repeats the same sequence for the same seed and differs for another seed", () => {
    expect(draws(new Random(42), 50)).toEqual(draws(new Random(42), 50));
    expect(draws(new Random(42), 50)).not.toEqual(draws(new Random(43), 50));
  });

  it("draws uniform numbers in [0, 1) whose mean is near one half", () => {
    const xs = draws(new Random(7), 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });

  it("keeps integers within their inclusive bounds", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, width) => {
        const rng = new Random(seed);
        for (let i = 0; i < 20; i++) {
          const v = rng.int(min, min + width);
          if (!Number.isInteger(v) || v < min || v > min + width) return false;
        }
        return true;
      }),
    );
  });

  it("shuffles into a permutation of the same items", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 50 }), (seed, items) => {
        const shuffled = new Random(seed).shuffle([...items]);
        return (
          JSON.stringify([...shuffled].sort((a, b) => a - b)) ===
          JSON.stringify([...items].sort((a, b) => a - b))
        );
      }),
    );
  });

  it("draws by weight: a value with no weight is never chosen", () => {
    const rng = new Random(3);
    const picks = Array.from({ length: 2000 }, () =>
      rng.weighted([
        ["a", 3],
        ["b", 0],
        ["c", 1],
      ] as const),
    );
    expect(picks).not.toContain("b");
    const shareA = picks.filter((p) => p === "a").length / picks.length;
    expect(shareA).toBeGreaterThan(0.7);
    expect(shareA).toBeLessThan(0.8);
  });

  it("forks sub-streams that do not depend on how much the parent has drawn", () => {
    const a = new Random(9);
    const b = new Random(9);
    draws(b, 100);
    expect(draws(a.fork("care"), 10)).toEqual(draws(b.fork("care"), 10));
    expect(draws(a.fork("care"), 10)).not.toEqual(draws(a.fork("contacts"), 10));
  });
});
