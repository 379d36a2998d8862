import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { binomialTest } from "./binomial-test.js";
import { poissonComparisonTest } from "./poisson-comparison-test.js";
import { normalTwoSidedP, twoProportionsTest } from "./two-proportions-test.js";
import { welchTest } from "./welch-test.js";

/** |actual − expected| ≤ tolerance × |expected|. */
function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// Reference values from scipy 1.10.1 (Debian's python3-scipy), computed independently of this code:
//   /usr/bin/python3 ref.py, where ref.py is
//     from scipy.stats import binomtest, chi2_contingency, ttest_ind_from_stats
//     import numpy as np
//     binomtest(x, n, p).pvalue                                          # BINOMIAL rows
//     chi2_contingency(np.array([[x1, n1-x1], [x2, n2-x2]]), correction=False)[1]   # PROPORTIONS
//     binomtest(x1, x1 + x2, e1 / (e1 + e2)).pvalue                        # POISSON (R's poisson.test)
//     ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False)        # WELCH
// and its output pasted below.
const BINOMIAL: ReadonlyArray<readonly [number, number, number, number]> = [
  [35, 93, 0.5, 0.022018588373923325],
  [0, 10, 0.5, 0.001953125],
  [10, 10, 0.5, 0.001953125],
  [3, 20, 0.3, 0.22041826738070913],
  [7, 20, 0.3, 0.6294979666766769],
  [120, 1000, 0.1, 0.039607719641630526],
  [5000, 10000, 0.49, 0.04654168501674098],
  [1, 2, 0.5, 1.0],
  [17, 40, 0.6, 0.0344833769828986],
  [2, 1000, 0.001, 0.2642410869698125],
  [96, 175, 0.5, 0.22637499879272135],
];
const PROPORTIONS: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [239, 303, 260, 308, 0.07692152934330902],
  [684, 767, 618, 668, 0.029707810241057536],
  [1424, 1775, 1555, 1800, 7.668518255137797e-7],
  [97, 814, 139, 838, 0.0066829133079590606],
  [0, 10, 3, 12, 0.08886928647264535],
  [165, 210, 173, 205, 0.12737153819146171],
  [10, 10, 9, 10, 0.30490178817878544],
];
const POISSON: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [35, 1, 58, 1, 0.022018588373923325],
  [96, 1, 79, 1, 0.22637499879272135],
  [58, 1, 36, 1, 0.029766410087911824],
  [85, 1, 139, 1, 0.00037550063972753496],
  [515, 120852, 467, 120000, 0.1603011099642268],
  [0, 1, 5, 1, 0.0625],
  [3, 2, 1, 1, 1.0],
  [21, 1, 18, 1, 0.7492586247608418],
];
const WELCH: ReadonlyArray<
  readonly [readonly [number, number, number], readonly [number, number, number], number, number]
> = [
  [[12, 4, 30], [10, 3, 25], 2.1160368475757947, 0.0391044516394305],
  [[5.2, 1.1, 12], [5.0, 2.5, 8], 0.21294879529828106, 0.8362019088736717],
  [[100, 15, 200], [103, 20, 150], -1.5406577730392865, 0.12458966798116838],
];

describe("binomialTest", () => {
  it("matches scipy's exact two-sided test (minimum likelihood) to 1e-9 relative", () => {
    for (const [x, n, p, expected] of BINOMIAL) expectRelative(binomialTest(x, n, p), expected, 1e-9);
  });

  it("is symmetric for p = 1/2 and never above 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const x = Math.floor(u * n);
        const pv = binomialTest(x, n, 0.5);
        expect(pv).toBeLessThanOrEqual(1);
        expect(pv).toBeGreaterThan(0);
        expectRelative(pv, binomialTest(n - x, n, 0.5), 1e-9);
      }),
    );
  });

  it("refuses counts that cannot be", () => {
    expect(() => binomialTest(11, 10, 0.5)).toThrow(CoreError);
    expect(() => binomialTest(1.5, 10, 0.5)).toThrow(CoreError);
    expect(() => binomialTest(1, 10, 1.5)).toThrow(CoreError);
  });
});

describe("twoProportionsTest", () => {
  it("matches scipy's 2 × 2 χ² test without continuity correction to 1e-9 relative", () => {
    for (const [x1, n1, x2, n2, expected] of PROPORTIONS)
      expectRelative(twoProportionsTest(x1, n1, x2, n2).pValue, expected, 1e-9);
  });

  it("signs z by which proportion is larger, and calls equal proportions p = 1", () => {
    expect(twoProportionsTest(239, 303, 260, 308).statistic).toBeLessThan(0);
    expect(twoProportionsTest(260, 308, 239, 303).statistic).toBeGreaterThan(0);
    expect(twoProportionsTest(0, 10, 0, 20)).toEqual({ statistic: 0, pValue: 1 });
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
  });

  it("refuses a numerator above its denominator", () => {
    expect(() => twoProportionsTest(11, 10, 1, 10)).toThrow(CoreError);
    expect(() => twoProportionsTest(1, 0, 1, 10)).toThrow(CoreError);
  });
});

describe("poissonComparisonTest", () => {
  it("matches the exact conditional test (R's poisson.test) to 1e-9 relative", () => {
    for (const [x1, e1, x2, e2, expected] of POISSON)
      expectRelative(poissonComparisonTest(x1, e1, x2, e2).pValue, expected, 1e-9);
  });

  it("finds 58 → 35 children missing from care significant at 5% (p ≈ 0.02)", () => {
    const r = poissonComparisonTest(35, 1, 58, 1);
    expect(r.pValue).toBeLessThan(0.05);
    expect(r.statistic).toBeCloseTo(35 / 58, 12);
    expect(poissonComparisonTest(0, 1, 0, 1)).toEqual({ statistic: null, pValue: 1 });
  });

  it("refuses counts that are not whole numbers", () => {
    expect(() => poissonComparisonTest(1.5, 1, 2, 1)).toThrow(CoreError);
    expect(() => poissonComparisonTest(1, 0, 2, 1)).toThrow(CoreError);
  });
});

describe("welchTest", () => {
  it("matches scipy's ttest_ind_from_stats(equal_var=False) to 1e-9 relative", () => {
    for (const [[m1, s1, n1], [m2, s2, n2], t, p] of WELCH) {
      const r = welchTest({ mean: m1, sd: s1, n: n1 }, { mean: m2, sd: s2, n: n2 });
      expectRelative(r.statistic ?? Number.NaN, t, 1e-9);
      expectRelative(r.pValue, p, 1e-9);
    }
  });

  it("gives p = 1 or 0 for samples without spread", () => {
    expect(welchTest({ mean: 3, sd: 0, n: 4 }, { mean: 3, sd: 0, n: 5 }).pValue).toBe(1);
    expect(welchTest({ mean: 3, sd: 0, n: 4 }, { mean: 4, sd: 0, n: 5 }).pValue).toBe(0);
    expect(() => welchTest({ mean: 3, sd: 1, n: 1 }, { mean: 4, sd: 1, n: 5 })).toThrow(CoreError);
  });
});
