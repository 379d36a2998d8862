import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { estimateSchema } from "../values/units.js";
import {
  countEstimate,
  MISSING_POPULATION_NOTE,
  meanEstimate,
  NO_VALUES_NOTE,
  noValueEstimate,
  proportionEstimate,
  rateEstimate,
  ratioEstimate,
  withNote,
  ZERO_DENOMINATOR_NOTE,
  ZERO_POPULATION_NOTE,
} from "./estimate.js";

describe("proportionEstimate", () => {
  it("gives a percentage with its Wilson interval on the 0–100 scale", () => {
    // Wilson 65/100 at 95% (mpmath): 0.5525444329688796 – 0.73635751756902469.
    const estimate = proportionEstimate(65, 100);
    expect(estimate.value).toBe(65);
    expect(estimate.lower).toBeCloseTo(55.25444329688796, 8);
    expect(estimate.upper).toBeCloseTo(73.63575175690247, 8);
    expect(estimate).toMatchObject({
      numerator: 65,
      denominator: 100,
      method: "wilson",
      confidence: 0.95,
      note: null,
    });
    expect(estimateSchema.parse(estimate)).toEqual(estimate);
  });
  it("honours another scale and confidence", () => {
    const estimate = proportionEstimate(65, 100, { scale: 1, confidence: 0.998 });
    expect(estimate.value).toBe(0.65);
    expect(estimate.lower).toBeCloseTo(0.49549465740704474, 10);
    expect(estimate.confidence).toBe(0.998);
  });
  it("returns no value, with the reason, for a zero denominator", () => {
    expect(proportionEstimate(0, 0)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      lower: null,
      upper: null,
      method: "none",
      confidence: 0.95,
      note: ZERO_DENOMINATOR_NOTE,
    });
    expect(ZERO_DENOMINATOR_NOTE).toBe("No value: the denominator is zero.");
  });
  it("still rejects impossible proportions", () => {
    expect(() => proportionEstimate(3, 0)).toThrow(CoreError);
    expect(() => proportionEstimate(11, 10)).toThrow(CoreError);
    expect(() => proportionEstimate(-1, 10)).toThrow(CoreError);
  });
});

describe("countEstimate", () => {
  it("keeps the count as numerator with no denominator", () => {
    // Exact Poisson 95% limits for 3: 0.6186721228956013 – 8.767273069742325.
    const estimate = countEstimate(3);
    expect(estimate).toMatchObject({ value: 3, numerator: 3, denominator: null, method: "poisson_exact" });
    expect(estimate.lower).toBeCloseTo(0.6186721228956013, 9);
    expect(estimate.upper).toBeCloseTo(8.767273069742325, 9);
    expect(countEstimate(65).method).toBe("byar");
  });
  it("gives a zero count a real value, not a missing one", () => {
    const estimate = countEstimate(0);
    expect(estimate.value).toBe(0);
    expect(estimate.lower).toBe(0);
    expect(estimate.note).toBeNull();
  });
});

describe("rateEstimate", () => {
  it("gives a rate per 10,000 with the count and population", () => {
    // 440 children looked after in 104,000 aged 0–17: 42.307692 per 10,000.
    const estimate = rateEstimate(440, 104_000);
    expect(estimate.value).toBeCloseTo(42.307692307692, 9);
    expect(estimate).toMatchObject({ numerator: 440, denominator: 104_000, method: "byar", note: null });
    expect(estimate.lower).toBeLessThan(42.3);
    expect(estimate.upper).toBeGreaterThan(42.31);
  });
  it("accepts another multiplier", () => {
    // Byar for 65 at 95%: 50.16318771045944 – 82.84913854593987 per 100 of 100.
    const estimate = rateEstimate(65, 100, { multiplier: 100 });
    expect(estimate.lower).toBeCloseTo(50.16318771045944, 9);
    expect(estimate.upper).toBeCloseTo(82.84913854593987, 9);
  });
  it("returns no value when the population is missing or zero, saying which", () => {
    expect(rateEstimate(12, null)).toMatchObject({
      value: null,
      numerator: 12,
      denominator: null,
      note: MISSING_POPULATION_NOTE,
    });
    expect(rateEstimate(12, 0)).toMatchObject({
      value: null,
      numerator: 12,
      denominator: 0,
      note: ZERO_POPULATION_NOTE,
    });
  });
  it("rejects negative counts", () => {
    expect(() => rateEstimate(-1, 100)).toThrow(CoreError);
    expect(() => rateEstimate(-1, null)).toThrow(CoreError);
  });
});

describe("meanEstimate", () => {
  it("records the sum and the number of values", () => {
    const estimate = meanEstimate([2, 4, 6]);
    expect(estimate).toMatchObject({ value: 4, numerator: 12, denominator: 3, method: "t" });
    expect(estimate.lower).toBeCloseTo(-0.9682754235006621, 9);
  });
  it("has no value for no values, and no interval for one value", () => {
    expect(meanEstimate([])).toMatchObject({ value: null, denominator: 0, note: NO_VALUES_NOTE });
    expect(meanEstimate([17])).toEqual({
      value: 17,
      numerator: 17,
      denominator: 1,
      lower: null,
      upper: null,
      method: "none",
      confidence: 0.95,
      note: null,
    });
  });
});

describe("ratioEstimate", () => {
  it("has no interval", () => {
    const estimate = ratioEstimate(18.5, 21.6, { scale: 100 });
    expect(estimate.value).toBeCloseTo(85.648148148, 8);
    expect(estimate).toMatchObject({
      lower: null,
      upper: null,
      method: "none",
      numerator: 18.5,
      denominator: 21.6,
    });
    expect(ratioEstimate(3, 4).value).toBe(0.75);
  });
  it("returns no value for a zero denominator", () => {
    expect(ratioEstimate(5, 0)).toMatchObject({ value: null, note: ZERO_DENOMINATOR_NOTE });
  });
  it("rejects non-finite inputs", () => {
    expect(() => ratioEstimate(Number.NaN, 3)).toThrow(CoreError);
  });
});

describe("noValueEstimate and withNote", () => {
  it("records what is known about a missing value", () => {
    const estimate = noValueEstimate("No value: no decided contacts in this period.", {
      numerator: 0,
      denominator: 0,
      confidence: 0.998,
    });
    expect(estimate).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      lower: null,
      upper: null,
      method: "none",
      confidence: 0.998,
      note: "No value: no decided contacts in this period.",
    });
    expect(noValueEstimate("No data.")).toMatchObject({
      numerator: null,
      denominator: null,
      confidence: 0.95,
    });
  });
  it("appends notes as sentences without losing the first", () => {
    const first = withNote(proportionEstimate(3, 10), "3 children without a date of birth were left out");
    expect(first.note).toBe("3 children without a date of birth were left out.");
    const second = withNote(first, "Figures are provisional.");
    expect(second.note).toBe("3 children without a date of birth were left out. Figures are provisional.");
    expect(withNote(proportionEstimate(0, 0), "2 records were excluded").note).toBe(
      "No value: the denominator is zero. 2 records were excluded.",
    );
  });
  it("does not change the estimate it is given", () => {
    const original = proportionEstimate(3, 10);
    withNote(original, "Provisional");
    expect(original.note).toBeNull();
  });
});

describe("every estimate", () => {
  it("satisfies the Estimate schema and contains its value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (a, b) => {
        const x = Math.min(a, b);
        const n = Math.max(a, b);
        for (const estimate of [proportionEstimate(x, n), rateEstimate(x, n), countEstimate(x)]) {
          expect(estimateSchema.safeParse(estimate).success).toBe(true);
          if (estimate.value !== null && estimate.lower !== null && estimate.upper !== null) {
            expect(estimate.lower).toBeLessThanOrEqual(estimate.value + 1e-9);
            expect(estimate.upper).toBeGreaterThanOrEqual(estimate.value - 1e-9);
          } else {
            expect(estimate.note).not.toBeNull();
          }
        }
      }),
    );
  });
});
