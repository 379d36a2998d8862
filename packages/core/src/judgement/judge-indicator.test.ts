import { describe, expect, it } from "vitest";
import { compareChange } from "../comparisons/compare-change.js";
import { countEstimate, proportionEstimate, ratioEstimate } from "../indicators/estimate.js";
import type { NarrativeComparison } from "../narrative/describe-indicator.js";
import type { SeasonalResult } from "../seasonality/seasonality.js";
import type { StatusResult } from "../thresholds/status.js";
import type { TrendResult } from "../trend/trend.js";
import type { Estimate, Polarity } from "../values/units.js";
import { type JudgementInput, judgeIndicator } from "./judge-indicator.js";

// p-values quoted in the comments come from scipy 1.10.1, not from this code:
//   /usr/bin/python3 -c "from scipy.stats import chi2_contingency, binomtest; import numpy as np;
//     print(chi2_contingency(np.array([[239,64],[260,48]]), correction=False)[1]);   # 0.07692152934330902
//     print(chi2_contingency(np.array([[239,64],[258,30]]), correction=False)[1]);   # 0.00037523038951668616
//     print(chi2_contingency(np.array([[165,45],[172,30]]), correction=False)[1]);   # 0.08371869886914005
//     print(chi2_contingency(np.array([[9500,500],[9400,600]]), correction=False)[1]); # 0.0019246872509622542
//     print(binomtest(35, 93, 0.5).pvalue); print(binomtest(21, 39, 0.5).pvalue)"     # 0.0220186, 0.7492586

const compared = (
  label: string,
  current: Estimate,
  baseline: Estimate,
  polarity: Polarity,
): NarrativeComparison => ({
  label,
  estimate: baseline,
  change: compareChange(current, baseline, polarity),
});

const base = (current: Estimate, polarity: Polarity = "high", unit: JudgementInput["unit"] = "percent") => ({
  title: "Health assessments on time",
  unit,
  decimals: unit === "percent" ? 1 : 0,
  polarity,
  periodLabel: "Q2 2019-20",
  current,
});

const health = proportionEstimate(239, 303); // 78.9%
const healthLastYear = proportionEstimate(260, 308); // 84.4%
const healthQ1 = proportionEstimate(258, 288); // 89.6%

const status = (s: StatusResult["status"], value = 90): StatusResult => ({
  status: s,
  reason: null,
  target: { value },
  tolerance: 4.5,
  basis: "point",
});
const trend = (direction: TrendResult["direction"]): TrendResult => ({
  direction,
  statistic: 12,
  slope: 0.1,
  periods: [],
  reason: null,
  sentence: "",
});
const seasonal = (inLine: boolean, departure: number): SeasonalResult => ({
  indices: [1, 0.95, 1.02, 1.03],
  expected: 84.2,
  inLine,
  departure,
  yearsUsed: [2016, 2017, 2018],
  reason: null,
  sentence: inLine
    ? "The fall from Q1 is in line with the usual seasonal pattern (expected 84.2%)."
    : "The fall from Q1 departs from the usual seasonal pattern (expected 84.2%; 5.3 percentage points lower than expected).",
});

describe("judgeIndicator: each signal alone", () => {
  it("calls a material fall on last year negative although it is not significant (p = 0.077)", () => {
    const j = judgeIndicator({
      ...base(health),
      samePeriodLastYear: compared("Q2 2018-19", health, healthLastYear, "high"),
    });
    expect(j).toMatchObject({ verdict: "negative", score: -2, strength: 2 });
    expect(j.reasons).toEqual([
      {
        signal: "same_period_last_year",
        direction: "bad",
        points: -2,
        text: "fell from 84.4% in Q2 2018-19 (−5.5 percentage points; material, not significant: p = 0.077)",
      },
    ]);
    expect(j.sentence).toBe(
      "Health assessments on time (78.9% in Q2 2019-20) is a negative KPI: fell from 84.4% in Q2 2018-19 (−5.5 percentage points; material, not significant: p = 0.077).",
    );
  });

  it("gives a significant and material change on last year 3 points: 58 → 35 children missing (p = 0.022)", () => {
    const now = countEstimate(35);
    const j = judgeIndicator({
      ...base(now, "low", "count"),
      title: "Children missing from care",
      samePeriodLastYear: compared("Q2 2018-19", now, countEstimate(58), "low"),
    });
    expect(j).toMatchObject({ verdict: "positive", score: 3 });
    expect(j.reasons[0]?.text).toBe("fell from 58 in Q2 2018-19 (−23; significant and material, p = 0.022)");
  });

  it("counts a significant change that is not material (a large authority's 1 point, p = 0.0019)", () => {
    const now = proportionEstimate(9500, 10_000);
    const j = judgeIndicator({
      ...base(now),
      samePeriodLastYear: compared("Q2 2018-19", now, proportionEstimate(9400, 10_000), "high"),
    });
    expect(j).toMatchObject({ verdict: "positive", score: 2 });
    expect(j.reasons[0]?.text).toContain("significant, p = 0.002");
  });

  it("ignores a material change within chance variation: 18 → 21 (p = 0.75)", () => {
    const now = countEstimate(21);
    const j = judgeIndicator({
      ...base(now, "low", "count"),
      title: "Social workers over the caseload target",
      previous: compared("Q1 2019-20", now, countEstimate(18), "low"),
    });
    expect(j).toMatchObject({ verdict: "neither", score: 0, reasons: [] });
    expect(j.notes).toEqual(["Rose from 18 in Q1 2019-20 (+3; within chance variation, p = 0.75)."]);
  });

  it("weighs the previous quarter less: a material fall alone (p = 0.084) is 1 point, neither", () => {
    const now = proportionEstimate(165, 210);
    const j = judgeIndicator({
      ...base(now),
      previous: compared("Q1 2019-20", now, proportionEstimate(172, 202), "high"),
    });
    expect(j).toMatchObject({ verdict: "neither", score: -1 });
    // Significant and material (p < 0.001): 2 points, negative.
    const k = judgeIndicator({ ...base(health), previous: compared("Q1 2019-20", health, healthQ1, "high") });
    expect(k).toMatchObject({ verdict: "negative", score: -2 });
    expect(k.reasons[0]?.text).toBe(
      "fell from 89.6% in Q1 2019-20 (−10.7 percentage points; significant and material, p < 0.001)",
    );
  });

  it("judges money by materiality alone (10% of last year), never by significance", () => {
    const now = ratioEstimate(1005, 1);
    const j = judgeIndicator({
      ...base(now, "low", "gbp"),
      title: "Average weekly cost of a placement",
      samePeriodLastYear: compared("Q2 2018-19", now, ratioEstimate(1120, 1), "low"),
    });
    expect(j).toMatchObject({ verdict: "positive", score: 2 });
    expect(j.reasons[0]?.text).toBe(
      "fell from £1,120 in Q2 2018-19 (−£115; material; not tested for significance)",
    );
    const small = judgeIndicator({
      ...base(now, "low", "gbp"),
      samePeriodLastYear: compared("Q2 2018-19", now, ratioEstimate(1017, 1), "low"),
    });
    expect(small.verdict).toBe("neither");
  });

  it("scores the target status: red −2 (negative), amber −1, green +1", () => {
    expect(judgeIndicator({ ...base(health), status: status("red") })).toMatchObject({
      verdict: "negative",
      score: -2,
      reasons: [{ signal: "target", text: "misses the target of 90% (red)" }],
    });
    expect(judgeIndicator({ ...base(health), status: status("amber") })).toMatchObject({
      verdict: "neither",
      score: -1,
    });
    expect(judgeIndicator({ ...base(health), status: status("green", 75) })).toMatchObject({
      verdict: "neither",
      score: 1,
      reasons: [{ text: "meets the target of 75% (green)" }],
    });
  });

  it("scores a departure from the seasonal expectation ±1, and notes a change in line with it", () => {
    const lower = judgeIndicator({ ...base(health), seasonal: seasonal(false, -5.3) });
    expect(lower).toMatchObject({ verdict: "neither", score: -1 });
    expect(lower.reasons[0]?.text).toBe("lower than the usual seasonal pattern predicts (expected 84.2%)");
    expect(judgeIndicator({ ...base(health, "low"), seasonal: seasonal(false, -5.3) }).score).toBe(1);
    const inLine = judgeIndicator({ ...base(health), seasonal: seasonal(true, -1) });
    expect(inLine.score).toBe(0);
    expect(inLine.notes).toEqual([
      "The fall from Q1 is in line with the usual seasonal pattern (expected 84.2%).",
    ]);
  });

  it("scores a benchmark, a quartile band and a trend ±1 each", () => {
    const benchmark = { name: "statistical neighbours", label: "2018-19", value: 70, result: "worse" };
    expect(judgeIndicator({ ...base(health), benchmark })).toMatchObject({
      score: -1,
      reasons: [
        { signal: "benchmark", text: "significantly worse than statistical neighbours (70% in 2018-19)" },
      ],
    });
    expect(judgeIndicator({ ...base(health), benchmark: { ...benchmark, result: "similar" } }).notes).toEqual(
      ["Similar to statistical neighbours (70% in 2018-19)."],
    );
    const band = (b: "A" | "B" | "C" | "D") => ({
      band: b,
      name: "statistical neighbours",
      label: "2018-19",
    });
    expect(judgeIndicator({ ...base(health), quartile: band("D") }).score).toBe(-1);
    expect(judgeIndicator({ ...base(health), quartile: band("A") }).score).toBe(1);
    expect(judgeIndicator({ ...base(health), quartile: band("B") }).score).toBe(0);
    expect(judgeIndicator({ ...base(health), trend: trend("increasing") }).score).toBe(1);
    expect(judgeIndicator({ ...base(health, "low"), trend: trend("increasing") }).score).toBe(-1);
    expect(judgeIndicator({ ...base(health), trend: trend("no_significant_change") }).score).toBe(0);
  });
});

describe("judgeIndicator: signals in conflict", () => {
  it("lets a significant rise on last year outweigh a seasonal fall on last quarter", () => {
    // Assessments in 45 working days: 82.5% → 89.2% on last year (+3), 92.5% → 89.2% on Q1 (−2),
    // better than neighbours (+1): +2, positive.
    const now = proportionEstimate(684, 767);
    const j = judgeIndicator({
      ...base(now),
      samePeriodLastYear: compared("Q2 2018-19", now, proportionEstimate(514, 623), "high"),
      previous: compared("Q1 2019-20", now, proportionEstimate(618, 668), "high"),
      benchmark: { name: "statistical neighbours", label: "2018-19", value: 85, result: "better" },
    });
    expect(j.reasons.map((r) => [r.signal, r.points])).toEqual([
      ["same_period_last_year", 3],
      ["previous_period", -2],
      ["benchmark", 1],
    ]);
    expect(j).toMatchObject({ verdict: "positive", score: 2, strength: 2 });
  });

  it("keeps a red indicator that improved significantly out of both lists", () => {
    // Contacts resulting in the need for a SWA: 41.0% → 47.5% (+3), red against 60% (−2): +1, neither.
    const now = proportionEstimate(859, 1810);
    const j = judgeIndicator({
      ...base(now),
      samePeriodLastYear: compared("Q2 2018-19", now, proportionEstimate(742, 1810), "high"),
      status: status("red", 60),
    });
    expect(j).toMatchObject({ verdict: "neither", score: 1, strength: 0 });
    expect(j.sentence).toMatch(
      /is neither a positive nor a negative KPI, the signals being mixed or weak: rose from/,
    );
  });
});

describe("judgeIndicator: polarity none, missing signals and complementary pairs", () => {
  it("never calls an indicator with polarity none positive or negative", () => {
    const now = countEstimate(35);
    const j = judgeIndicator({
      ...base(now, "none", "count"),
      title: "Children starting to be looked after",
      samePeriodLastYear: compared("Q2 2018-19", now, countEstimate(58), "none"),
      trend: trend("decreasing"),
    });
    expect(j).toEqual({
      verdict: "neither",
      score: 0,
      strength: 0,
      reasons: [],
      notes: ["It has no good direction."],
      sentence:
        "Children starting to be looked after is neither a positive nor a negative KPI: it has no good direction.",
    });
  });

  it("treats a missing baseline as a missing signal, never as a change", () => {
    const noFigure = proportionEstimate(0, 0);
    const j = judgeIndicator({
      ...base(health),
      samePeriodLastYear: compared("Q2 2018-19", health, noFigure, "high"),
      previous: compared("Q1 2019-20", health, healthQ1, "high"),
    });
    expect(j).toMatchObject({ verdict: "negative", score: -2 });
    expect(j.notes).toEqual(["There is no figure for Q2 2018-19 to compare with."]);
    const none = judgeIndicator({
      ...base(noFigure),
      samePeriodLastYear: compared("Q2 2018-19", noFigure, healthLastYear, "high"),
      status: status("red"),
    });
    expect(none).toMatchObject({ verdict: "neither", score: 0, reasons: [] });
    expect(none.notes[0]).toBe("There is no figure for Q2 2019-20 (No value: the denominator is zero).");
  });

  it("judges a complementary pair once, counting the partner's own target and benchmark", () => {
    // Level 4 or 3 rose from 50% to 56% (+3); its partner level 2 or 1 has a red target (−2): +1.
    const now = proportionEstimate(994, 1775);
    const lastYear = proportionEstimate(900, 1800);
    const j = judgeIndicator({
      ...base(now),
      title: "Contacts at level 4 or 3",
      samePeriodLastYear: compared("Q2 2018-19", now, lastYear, "high"),
      complement: {
        title: "Contacts resulting in level 2 or 1",
        unit: "percent",
        decimals: 1,
        polarity: "low",
        status: { status: "red", reason: null, target: { value: 35 }, tolerance: 1.75, basis: "point" },
        benchmark: { name: "statistical neighbours", label: "2018-19", value: 46, result: "similar" },
      },
    });
    expect(j.reasons.map((r) => [r.signal, r.points, r.text.slice(0, 34)])).toEqual([
      ["same_period_last_year", 3, "rose from 50.0% in Q2 2018-19 (+6."],
      ["target", -2, "Contacts resulting in level 2 or 1"],
    ]);
    expect(j).toMatchObject({ verdict: "neither", score: 1 });
    expect(j.notes).toEqual([
      "Contacts resulting in level 2 or 1 similar to statistical neighbours (46% in 2018-19).",
      "Judged once with Contacts resulting in level 2 or 1: together they make up the whole.",
    ]);
  });
});
