import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { type TrendPoint, trendResultSchema, trendTest } from "./trend.js";

const QUARTERS = ["FY2018-19-Q2", "FY2018-19-Q3", "FY2018-19-Q4", "FY2019-20-Q1", "FY2019-20-Q2"];

function proportions(numerators: readonly number[], denominators: readonly number[]): TrendPoint[] {
  return numerators.map((x, i) => {
    const n = denominators[i] ?? 100;
    return { period: QUARTERS[i] ?? `P${i}`, value: (100 * x) / n, numerator: x, denominator: n };
  });
}

/** Values with 95% intervals value ± 1.96·SE, so SE = (upper − lower)/3.92 is exactly `se`. */
function others(values: readonly number[], ses: readonly number[] = [1, 1, 1, 1, 1]): TrendPoint[] {
  return values.map((v, i) => {
    const se = ses[i] ?? 1;
    return { period: QUARTERS[i] ?? `P${i}`, value: v, lower: v - 1.96 * se, upper: v + 1.96 * se };
  });
}

describe("trendTest for proportions (chi-squared test for trend)", () => {
  it("finds a steady rise significant at 99.8%", () => {
    // 20, 25, 30, 35, 40 of 100 each, scores t = 1…5. N = 500, X = 150, p̄ = 0.3.
    // T = Σ t·x − X·Σ n·t / N = 500 − 150 × 1500 / 500 = 50.
    // V = p̄(1 − p̄)(Σ n·t² − (Σ n·t)² / N) = 0.21 × (5500 − 4500) = 210.  χ² = 2500 / 210 = 11.9048 > 9.5495.
    // Log-odds slope: maximum-likelihood logistic fit (mpmath root of the score equations) = 0.2423640967462145.
    const result = trendTest(proportions([20, 25, 30, 35, 40], [100, 100, 100, 100, 100]), {
      kind: "proportion",
    });
    expect(result.direction).toBe("increasing");
    expect(result.statistic).toBeCloseTo(2500 / 210, 10);
    expect(result.slope).toBeCloseTo(0.2423640967462145, 9);
    expect(result.periods).toEqual(QUARTERS);
    expect(result.reason).toBeNull();
    expect(result.sentence).toBe("Increasing over the five quarters to Q2 2019-20 (significant at 99.8%).");
    expect(trendResultSchema.parse(result)).toEqual(result);
  });
  it("reproduces a published textbook example", () => {
    // Rosner, Fundamentals of Biostatistics (breast cancer by age at first birth): x = 320, 1206, 1011, 463, 220
    // of n = 1742, 5638, 3904, 1555, 626, scores 1…5; the text gives A = Σ t·x − X·Σ n·t / N = 567.16.
    // With B = p̄(1 − p̄)(Σ n·t² − (Σ n·t)² / N) worked out in exact fractions, χ² = A²/B = 129.0120417619801.
    const result = trendTest(proportions([320, 1206, 1011, 463, 220], [1742, 5638, 3904, 1555, 626]), {
      kind: "proportion",
    });
    expect(result.statistic).toBeCloseTo(129.0120417619801, 8);
    expect(result.direction).toBe("increasing");
  });
  it("finds the mirror-image fall decreasing", () => {
    const result = trendTest(proportions([40, 35, 30, 25, 20], [100, 100, 100, 100, 100]), {
      kind: "proportion",
    });
    expect(result.direction).toBe("decreasing");
    expect(result.statistic).toBeCloseTo(2500 / 210, 10);
    expect(result.slope).toBeCloseTo(-0.2423640967462145, 9);
    expect(result.sentence).toBe("Decreasing over the five quarters to Q2 2019-20 (significant at 99.8%).");
  });
  it("handles unequal denominators", () => {
    // x = 10, 18, 20, 36, 27 of n = 80, 120, 100, 150, 90: N = 540, X = 111, Σ t·x = 403, Σ n·t = 1690,
    // Σ n·t² = 6190. T = 403 − 111 × 1690/540 = 751/18 = 41.7222;
    // V = (111/540)(429/540)(6190 − 1690²/540) = 154.378…; χ² = 11.275612070910798 (exact fractions).
    // Logistic slope (mpmath) 0.2800611299064806.
    const result = trendTest(proportions([10, 18, 20, 36, 27], [80, 120, 100, 150, 90]), {
      kind: "proportion",
    });
    expect(result.statistic).toBeCloseTo(11.275612070910798, 9);
    expect(result.slope).toBeCloseTo(0.2800611299064806, 9);
    expect(result.direction).toBe("increasing");
  });
  it("does not call a modest rise significant at 99.8%, but does at 95%", () => {
    // 22, 25, 28, 31, 34 of 100: T = 30, V = 0.28 × 0.72 × 1000 = 201.6, χ² = 4.4643 (3.8415 < χ² < 9.5495).
    const points = proportions([22, 25, 28, 31, 34], [100, 100, 100, 100, 100]);
    const strict = trendTest(points, { kind: "proportion" });
    expect(strict.direction).toBe("no_significant_change");
    expect(strict.statistic).toBeCloseTo(900 / 201.6, 10);
    expect(strict.sentence).toBe(
      "No significant change over the five quarters to Q2 2019-20 (tested at 99.8%).",
    );
    const loose = trendTest(points, { kind: "proportion", confidence: 0.95 });
    expect(loose.direction).toBe("increasing");
    expect(loose.sentence).toBe("Increasing over the five quarters to Q2 2019-20 (significant at 95%).");
  });
  it("finds no change in a flat series, including all-zero ones", () => {
    const flat = trendTest(proportions([30, 30, 30, 30, 30], [100, 100, 100, 100, 100]), {
      kind: "proportion",
    });
    expect(flat.direction).toBe("no_significant_change");
    expect(flat.statistic).toBe(0);
    const zeros = trendTest(proportions([0, 0, 0, 0, 0], [40, 50, 60, 50, 40]), { kind: "proportion" });
    expect(zeros.direction).toBe("no_significant_change");
    expect(zeros.statistic).toBe(0);
  });
  it("rejects a rise that rests on one outlying quarter (leave-one-out)", () => {
    // 32, 31, 30, 29, 60 of 100: T = 600 − 182 × 3 = 54, V = 0.364 × 0.636 × 1000 = 231.504,
    // χ² = 2916 / 231.504 = 12.5959 > 9.5495. Without the last quarter: X = 122, N = 400,
    // T = 300 − 122 × 1000/400 = −5: the slope reverses.
    const result = trendTest(proportions([32, 31, 30, 29, 60], [100, 100, 100, 100, 100]), {
      kind: "proportion",
    });
    expect(result.statistic).toBeCloseTo(2916 / 231.504, 9);
    expect(result.direction).toBe("no_significant_change");
    expect(result.reason).toBe(
      "Without Q2 2019-20 the apparent increase disappears, so it rests on a single period.",
    );
    expect(result.sentence).toBe(
      "No significant change over the five quarters to Q2 2019-20: the apparent increase depends on Q2 2019-20 alone.",
    );
  });
  it("cannot calculate without counts, with a value missing, or with a zero denominator", () => {
    const points = proportions([20, 25, 30, 35, 40], [100, 100, 100, 100, 100]);
    const noCounts = points.map((p, i) => (i === 2 ? { period: p.period, value: p.value } : p));
    expect(trendTest(noCounts, { kind: "proportion" })).toMatchObject({
      direction: "cannot_calculate",
      statistic: null,
      slope: null,
      reason: "Q4 2018-19 has no numerator and denominator.",
      sentence:
        "The trend over the five quarters to Q2 2019-20 cannot be calculated: Q4 2018-19 has no numerator and denominator.",
    });
    const missing = points.map((p, i) =>
      i === 3 ? { ...p, value: null, numerator: null, denominator: null } : p,
    );
    expect(trendTest(missing, { kind: "proportion" }).reason).toBe("Q1 2019-20 has no value.");
    const empty = points.map((p, i) => (i === 0 ? { ...p, numerator: 0, denominator: 0 } : p));
    expect(trendTest(empty, { kind: "proportion" }).reason).toBe("Q2 2018-19 has a denominator of zero.");
  });
  it("treats an impossible proportion as a programmer error", () => {
    expect(() =>
      trendTest(proportions([20, 25, 130, 35, 40], [100, 100, 100, 100, 100]), { kind: "proportion" }),
    ).toThrow(CoreError);
  });
});

describe("trendTest for other values (weighted least squares)", () => {
  it("finds a steady rise with equal standard errors", () => {
    // y = 10, 12, 14, 16, 18, SE 1: b = Σ(t − 3)(y − 14)/Σ(t − 3)² = 20/10 = 2, SE_b² = 1/10, χ² = 4 × 10 = 40.
    const result = trendTest(others([10, 12, 14, 16, 18]), { kind: "other" });
    expect(result.direction).toBe("increasing");
    expect(result.slope).toBeCloseTo(2, 10);
    expect(result.statistic).toBeCloseTo(40, 9);
  });
  it("weights each point by 1/SE²", () => {
    // Same line, last SE 2 (weight 1/4): b = 2 still; Σw = 4.25, Σw·t = 11.25, Σw·t² = 36.25,
    // Σw(t − t̄)² = 36.25 − 11.25²/4.25 = 110/17; χ² = 4 × 110/17 = 440/17 = 25.882353.
    const result = trendTest(others([10, 12, 14, 16, 18], [1, 1, 1, 1, 2]), { kind: "other" });
    expect(result.slope).toBeCloseTo(2, 10);
    expect(result.statistic).toBeCloseTo(440 / 17, 8);
  });
  it("finds no significant change in a wobbling series", () => {
    // y = 10, 10.5, 10, 10.5, 11, SE 1: ȳ = 10.4, b = 2.0/10 = 0.2, χ² = 0.04 × 10 = 0.4.
    const result = trendTest(others([10, 10.5, 10, 10.5, 11]), { kind: "other" });
    expect(result.direction).toBe("no_significant_change");
    expect(result.statistic).toBeCloseTo(0.4, 10);
    expect(result.slope).toBeCloseTo(0.2, 10);
  });
  it("finds no change in a flat series", () => {
    const result = trendTest(others([42, 42, 42, 42, 42]), { kind: "other" });
    expect(result.direction).toBe("no_significant_change");
    expect(result.statistic).toBe(0);
    expect(result.slope).toBe(0);
  });
  it("rejects a rise caused by one outlier (leave-one-out)", () => {
    // y = 14, 13, 12, 11, 30, SE 1: ȳ = 16, b = (4 + 3 + 0 − 5 + 28)/10 = 3, χ² = 90;
    // without the last point the slope is −1.
    const result = trendTest(others([14, 13, 12, 11, 30]), { kind: "other" });
    expect(result.statistic).toBeCloseTo(90, 9);
    expect(result.slope).toBeCloseTo(3, 10);
    expect(result.direction).toBe("no_significant_change");
    expect(result.reason).toContain("Q2 2019-20");
  });
  it("cannot calculate without intervals", () => {
    const points = others([10, 12, 14, 16, 18]).map((p, i) =>
      i === 1 ? { ...p, lower: null, upper: null } : p,
    );
    expect(trendTest(points, { kind: "other" })).toMatchObject({
      direction: "cannot_calculate",
      reason: "Q3 2018-19 has no confidence interval.",
    });
    const zeroWidth = others([10, 12, 14, 16, 18], [1, 0, 1, 1, 1]);
    expect(trendTest(zeroWidth, { kind: "other" }).reason).toBe(
      "Q3 2018-19 has a confidence interval of no width.",
    );
  });
});

describe("trendTest series handling", () => {
  it("uses only the last five points", () => {
    const early: TrendPoint[] = [
      { period: "FY2017-18-Q4", value: 99, numerator: 99, denominator: 100 },
      { period: "FY2018-19-Q1", value: 1, numerator: 1, denominator: 100 },
    ];
    const result = trendTest([...early, ...proportions([20, 25, 30, 35, 40], [100, 100, 100, 100, 100])], {
      kind: "proportion",
    });
    expect(result.periods).toEqual(QUARTERS);
    expect(result.statistic).toBeCloseTo(2500 / 210, 10);
  });
  it("cannot calculate with fewer than five points", () => {
    const result = trendTest(proportions([20, 25, 30], [100, 100, 100]), { kind: "proportion" });
    expect(result.direction).toBe("cannot_calculate");
    expect(result.reason).toBe("Only 3 periods are available and 5 consecutive periods are needed.");
    expect(result.sentence).toBe(
      "The trend over the 3 quarters to Q4 2018-19 cannot be calculated: only 3 periods are available and 5 consecutive periods are needed.",
    );
    expect(trendTest([], { kind: "other" }).sentence).toBe(
      "The trend cannot be calculated: only 0 periods are available and 5 consecutive periods are needed.",
    );
  });
  it("names years for year-to-date series, months and a caller's own noun", () => {
    const ytd = ["FY2015-16-Q2", "FY2016-17-Q2", "FY2017-18-Q2", "FY2018-19-Q2", "FY2019-20-Q2"].map(
      (period, i) => ({
        period,
        value: 10 + 2 * i,
        lower: 8 + 2 * i,
        upper: 12 + 2 * i,
      }),
    );
    expect(trendTest(ytd, { kind: "other" }).sentence).toMatch(
      /^Increasing over the five years to Q2 2019-20 /,
    );
    const months = ["2019-04", "2019-05", "2019-06", "2019-07", "2019-08"].map((period, i) => ({
      period,
      value: 10 + 2 * i,
      lower: 8 + 2 * i,
      upper: 12 + 2 * i,
    }));
    expect(trendTest(months, { kind: "other" }).sentence).toMatch(/over the five months to Aug 2019 /);
    expect(trendTest(months, { kind: "other", periodNoun: "returns" }).sentence).toMatch(
      /over the five returns to Aug 2019 /,
    );
  });
  it("reverses its direction when the series is reversed, and ignores a shift for other values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.integer({ min: 200, max: 400 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: -50, max: 50 }),
        (xs, ns, shift) => {
          const opposite = { increasing: "decreasing", decreasing: "increasing" } as Record<string, string>;
          const forward = trendTest(proportions(xs, ns), { kind: "proportion" });
          const backward = trendTest(proportions([...xs].reverse(), [...ns].reverse()), {
            kind: "proportion",
          });
          expect(backward.direction).toBe(opposite[forward.direction] ?? forward.direction);
          const values = xs.map((x, i) => x / (ns[i] ?? 1));
          const base = trendTest(others(values, [0.1, 0.2, 0.1, 0.3, 0.1]), { kind: "other" });
          const moved = trendTest(
            others(
              values.map((v) => v + shift),
              [0.1, 0.2, 0.1, 0.3, 0.1],
            ),
            {
              kind: "other",
            },
          );
          expect(moved.direction).toBe(base.direction);
        },
      ),
    );
  });
});
