import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countEstimate, proportionEstimate, rateEstimate, ratioEstimate } from "../indicators/estimate.js";
import type { Estimate } from "../values/units.js";
import { testChange } from "./change-test.js";
import { compareChange } from "./compare-change.js";

// Reference p-values from scipy 1.10.1, independent of this code:
//   /usr/bin/python3 -c "from scipy.stats import chi2_contingency, binomtest, ttest_ind_from_stats; import numpy as np; ..."
//   chi2_contingency(np.array([[859, 951], [816, 993]]), correction=False)[1]  → 0.15616113605647672
//   chi2_contingency(np.array([[859, 951], [742, 1068]]), correction=False)[1] → 9.025382373377091e-05
//   binomtest(35, 93, 0.5).pvalue                                            → 0.022018588373923325
//   binomtest(515, 982, 120852 / (120852 + 118000)).pvalue                   → 0.2507186384574354
//   ttest_ind_from_stats(20, 5, 40, 17, 6, 35, equal_var=False)              → t 2.3329733343597594, p 0.022684984111286464
// (the t intervals below are mean ± t.ppf(0.975, n − 1) × sd / √n for those two samples).
const q2 = proportionEstimate(859, 1810);
const q1 = proportionEstimate(816, 1809);
const q2LastYear = proportionEstimate(742, 1810);

const mean = (value: number, lower: number, upper: number, n: number): Estimate => ({
  value,
  numerator: value * n,
  denominator: n,
  lower,
  upper,
  method: "t",
  confidence: 0.95,
  note: null,
});

describe("testChange", () => {
  it("tests proportions with the two-sample z-test", () => {
    const r = testChange(q2, q1);
    expect(r.test).toBe("two_proportions");
    expect(r.pValue).toBeCloseTo(0.15616113605647672, 10);
    expect(testChange(q2, q2LastYear).pValue).toBeCloseTo(9.025382373377091e-5, 12);
  });

  it("tests counts with the exact conditional Poisson test: 58 → 35 children missing is p ≈ 0.02", () => {
    const r = testChange(countEstimate(35), countEstimate(58));
    expect(r).toMatchObject({ test: "poisson_counts", reason: null });
    expect(r.pValue).toBeCloseTo(0.022018588373923325, 10);
  });

  it("tests rates with their populations as exposures", () => {
    const r = testChange(rateEstimate(515, 120_852), rateEstimate(467, 118_000));
    expect(r.test).toBe("poisson_rates");
    expect(r.pValue).toBeCloseTo(0.2507186384574354, 10);
  });

  it("tests means with Welch's t-test, each spread recovered from its interval", () => {
    const r = testChange(
      mean(20, 18.400922429098916, 21.599077570901084, 40),
      mean(17, 14.938927887561757, 19.061072112438243, 35),
    );
    expect(r.test).toBe("welch_t");
    expect(r.statistic).toBeCloseTo(2.3329733343597594, 7);
    expect(r.pValue).toBeCloseTo(0.022684984111286464, 8);
  });

  it("says why a change cannot be tested", () => {
    expect(testChange(ratioEstimate(820, 1), ratioEstimate(700, 1)).reason).toBe(
      "Significance cannot be tested: a value has no confidence interval.",
    );
    expect(testChange(q2, countEstimate(35)).reason).toBe(
      "Significance cannot be tested: the two values are of different kinds.",
    );
    expect(testChange(proportionEstimate(0, 0), q1).reason).toBe("There is no value for this period.");
    expect(testChange(rateEstimate(5, 1000), countEstimate(4)).test).toBeNull();
  });
});

describe("compareChange", () => {
  it("finds no significant change when the test does not reject it, however the intervals look", () => {
    const result = compareChange(q2, q1, "high");
    expect(result).toMatchObject({ significant: false, assessment: "no_significant_change", reason: null });
    expect(result.change).toBeCloseTo(100 * (859 / 1810 - 816 / 1809), 10);
    // 58 → 35: the 95% intervals (44.0–75.0 and 24.4–48.7) overlap, yet the change is significant.
    const missing = compareChange(countEstimate(35), countEstimate(58), "low");
    expect(missing).toMatchObject({ significant: true, assessment: "improving", test: "poisson_counts" });
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

  it("never calls values without intervals significant", () => {
    expect(compareChange(ratioEstimate(820, 1), ratioEstimate(700, 1), "low")).toEqual({
      change: 120,
      significant: null,
      assessment: "not_comparable",
      reason: "Significance cannot be tested: a value has no confidence interval.",
      test: null,
      pValue: null,
    });
  });

  it("says which value is missing", () => {
    const none = proportionEstimate(0, 0);
    expect(compareChange(none, q1, "high")).toMatchObject({
      change: null,
      significant: null,
      assessment: "not_comparable",
      reason: "There is no value for this period.",
    });
    expect(compareChange(q2, none, "high").reason).toBe("There is no value for the period compared with.");
  });

  it("reads the same pair the opposite way round", () => {
    const share = fc
      .tuple(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([n, u]) => proportionEstimate(Math.floor(u * n), n));
    fc.assert(
      fc.property(share, share, (a, b) => {
        const forward = compareChange(a, b, "high");
        const backward = compareChange(b, a, "high");
        expect(forward.significant).toBe(backward.significant);
        expect(forward.pValue).toBeCloseTo(backward.pValue ?? Number.NaN, 12);
        expect(forward.change).toBeCloseTo(-(backward.change ?? 0), 9);
        const flip = { improving: "worsening", worsening: "improving" } as Record<string, string>;
        expect(backward.assessment).toBe(flip[forward.assessment] ?? forward.assessment);
      }),
    );
  });
});
