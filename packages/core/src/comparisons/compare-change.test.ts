import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Estimate } from "../values/units.js";
import { compareChange } from "./compare-change.js";

const estimate = (value: number | null, lower: number | null, upper: number | null): Estimate => ({
  value,
  numerator: null,
  denominator: null,
  lower,
  upper,
  method: lower === null ? "none" : "wilson",
  confidence: 0.95,
  note: null,
});

// The API example: Q2 2019-20 859/1810 with its Wilson interval, against Q1 and Q2 of the year before.
const q2 = estimate(47.45856, 45.1659, 49.762);
const q1 = estimate(45.1, 42.8, 47.4);
const q2LastYear = estimate(41.0, 38.8, 43.2);

describe("compareChange", () => {
  it("finds no significant change when the intervals overlap", () => {
    const result = compareChange(q2, q1, "high");
    expect(result.significant).toBe(false);
    expect(result.assessment).toBe("no_significant_change");
    expect(result.reason).toBeNull();
    expect(result.change).toBeCloseTo(2.35856, 10);
  });

  it("reads a significant rise by polarity", () => {
    expect(compareChange(q2, q2LastYear, "high")).toMatchObject({
      significant: true,
      assessment: "improving",
    });
    expect(compareChange(q2, q2LastYear, "low")).toMatchObject({
      significant: true,
      assessment: "worsening",
    });
    expect(compareChange(q2, q2LastYear, "none")).toMatchObject({ significant: true, assessment: "higher" });
    expect(compareChange(q2LastYear, q2, "none").assessment).toBe("lower");
    expect(compareChange(q2LastYear, q2, "low").assessment).toBe("improving");
  });

  it("treats touching intervals as overlapping", () => {
    const touching = estimate(40, 35, 45.1659);
    expect(compareChange(q2, touching, "high").assessment).toBe("no_significant_change");
  });

  it("never calls values without intervals significant", () => {
    const money = estimate(820, null, null);
    const result = compareChange(money, estimate(700, null, null), "low");
    expect(result).toEqual({
      change: 120,
      significant: null,
      assessment: "not_comparable",
      reason: "Significance cannot be tested: a value has no confidence interval.",
    });
  });

  it("says which value is missing", () => {
    expect(compareChange(estimate(null, null, null), q1, "high")).toEqual({
      change: null,
      significant: null,
      assessment: "not_comparable",
      reason: "There is no value for this period.",
    });
    expect(compareChange(q2, estimate(null, null, null), "high").reason).toBe(
      "There is no value for the period compared with.",
    );
  });

  it("will not compare intervals at different confidence levels", () => {
    const wide = { ...q2LastYear, confidence: 0.998 };
    expect(compareChange(q2, wide, "high")).toMatchObject({
      significant: null,
      assessment: "not_comparable",
    });
  });

  it("reads the same pair the opposite way round", () => {
    const interval = fc
      .tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }))
      .map(([v, w]) => estimate(v, v - w, v + w));
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        const forward = compareChange(a, b, "high");
        const backward = compareChange(b, a, "high");
        expect(forward.significant).toBe(backward.significant);
        expect(forward.change).toBeCloseTo(-(backward.change ?? 0), 9);
        const flip = { improving: "worsening", worsening: "improving" } as Record<string, string>;
        expect(backward.assessment).toBe(flip[forward.assessment] ?? forward.assessment);
      }),
    );
  });
});
