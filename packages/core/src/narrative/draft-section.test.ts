import { describe, expect, it } from "vitest";
import { compareChange } from "../comparisons/compare-change.js";
import { countEstimate, proportionEstimate } from "../indicators/estimate.js";
import { judgeIndicator } from "../judgement/judge-indicator.js";
import type { SeasonalResult } from "../seasonality/seasonality.js";
import type { Estimate, Polarity } from "../values/units.js";
import { type DraftIndicator, draftSection } from "./draft-section.js";

// Small hand-built sections: every figure in the expected text is worked out from the counts here.

interface Spec {
  short: string;
  theme?: string;
  now: Estimate;
  q1?: Estimate;
  lastYear?: Estimate;
  polarity?: Polarity;
  unit?: DraftIndicator["unit"];
  seasonal?: SeasonalResult;
  monthly?: number[];
  benchmark?: DraftIndicator["benchmark"];
  quartile?: DraftIndicator["quartile"];
}

function indicator(spec: Spec): DraftIndicator {
  const polarity = spec.polarity ?? "high";
  const unit = spec.unit ?? "percent";
  const decimals = unit === "percent" ? 1 : 0;
  const cmp = (label: string, e: Estimate | undefined) =>
    e === undefined ? null : { label, estimate: e, change: compareChange(spec.now, e, polarity) };
  const previous = cmp("Q1 2019-20", spec.q1);
  const samePeriodLastYear = cmp("Q2 2018-19", spec.lastYear);
  const judgement = judgeIndicator({
    title: spec.short,
    unit,
    decimals,
    polarity,
    periodLabel: "Q2 2019-20",
    current: spec.now,
    previous,
    samePeriodLastYear,
    seasonal: spec.seasonal ?? null,
    benchmark: spec.benchmark ?? null,
    quartile: spec.quartile ?? null,
  });
  return {
    shortTitle: spec.short,
    theme: spec.theme ?? null,
    unit,
    decimals,
    polarity,
    current: spec.now,
    previous,
    samePeriodLastYear,
    status: null,
    benchmark: spec.benchmark ?? null,
    quartile: spec.quartile ?? null,
    judgement,
    monthlyIndices: spec.monthly ?? null,
    fromOtherSection: false,
  };
}

const p = proportionEstimate;
// July and August 8% below the year, the other months a little above (they average to 1).
const summerDip = [1.016, 1.016, 1.016, 0.92, 0.92, 1.016, 1.016, 1.016, 1.016, 1.016, 1.016, 1.016];
const departs: SeasonalResult = {
  indices: [1, 0.95, 1, 1.05],
  expected: 84.2,
  inLine: false,
  departure: -5.3,
  yearsUsed: [2016, 2017, 2018],
  reason: null,
  sentence: "",
};

const themes = {
  timeliness: { name: "timeliness", plural: false },
  missing: { name: "missing episodes", plural: true },
};

describe("draftSection", () => {
  it("says when nothing moved", () => {
    const text = draftSection({
      periodLabel: "Q2 2019-20",
      quarter: 2,
      themes,
      indicators: [indicator({ short: "reviews", now: p(405, 433), q1: p(408, 433) })],
    });
    expect(text).toBe("Nothing in this section moved enough in Q2 2019-20 to call it positive or negative.");
  });

  it("names up to six indicators without a figure, and counts more", () => {
    const base = {
      periodLabel: "Q2 2019-20",
      quarter: 2 as const,
      themes,
      indicators: [indicator({ short: "reviews", now: p(405, 433), q1: p(408, 433) })],
    };
    const six = ["A", "B", "C", "D", "E", "F"];
    expect(draftSection({ ...base, withoutFigures: six })).toContain(
      "There are no figures for Q2 2019-20 for: A; B; C; D; E; F.",
    );
    expect(draftSection({ ...base, withoutFigures: [...six, "G"] })).toContain(
      "There are no figures for Q2 2019-20 for 7 measures; the table gives each one's reason.",
    );
  });

  it("tells a theme's falls in one sentence, then the seasonal dip from the monthly pattern", () => {
    // On Q1: 239/303 = 78.9% from 258/288 = 89.6%; 391/445 = 87.9% from 408/433 = 94.2%; both
    // significant and material (2 points each, negative).
    const text = draftSection({
      periodLabel: "Q2 2019-20",
      quarter: 2,
      themes,
      indicators: [
        indicator({
          short: "health assessments",
          theme: "timeliness",
          now: p(239, 303),
          q1: p(258, 288),
          monthly: summerDip,
          seasonal: departs,
        }),
        indicator({
          short: "reviews",
          theme: "timeliness",
          now: p(391, 445),
          q1: p(408, 433),
          monthly: summerDip,
        }),
      ],
    });
    expect(text).toBe(
      "Timeliness fell: health assessments 78.9% (89.6% in Q1 2019-20) and reviews 87.9% (94.2%).\n\n" +
        "Q2 includes July and August, when timeliness usually dips. Even so, health assessments came in lower than that pattern predicts.",
    );
    expect(text.split(/\s+/).length).toBeLessThan(40);
  });

  it("names no month when the quarter's months are within 3% of the year", () => {
    const flat = [1.02, 1.02, 1.02, 0.98, 0.99, 0.98, 1, 1, 1, 1, 1, 1];
    const text = draftSection({
      periodLabel: "Q2 2019-20",
      quarter: 2,
      themes,
      indicators: [
        indicator({
          short: "reviews",
          theme: "timeliness",
          now: p(391, 445),
          q1: p(408, 433),
          monthly: flat,
        }),
      ],
    });
    expect(text).toBe("Of concern: reviews fell to 87.9% (from 94.2% in Q1 2019-20).");
  });

  it("leads with the stronger movement and puts the rest in one sentence", () => {
    // 35 from 58 children missing: significant and material on last year, 3 points (positive).
    // 80 from 88 (−9%): neither material nor significant, so not named.
    const text = draftSection({
      periodLabel: "Q2 2019-20",
      quarter: 2,
      themes,
      indicators: [
        indicator({ short: "reviews", now: p(408 - 40, 433), q1: p(408, 433) }),
        indicator({
          short: "children missing",
          polarity: "low",
          unit: "count",
          now: countEstimate(35),
          lastYear: countEstimate(58),
        }),
        indicator({
          short: "referrals",
          polarity: "low",
          unit: "count",
          now: countEstimate(80),
          lastYear: countEstimate(88),
        }),
      ],
    });
    // reviews: 368/433 = 85.0% from 94.2%, significant and material on Q1: 2 points.
    expect(text).toBe(
      "Going well: children missing fell to 35 (from 58 in Q2 2018-19).\n\n" +
        "Of concern: reviews fell to 85.0% (from 94.2% in Q1 2019-20).",
    );
  });

  it("says when a missing theme usually rises, and that the comparison with last year allows for it", () => {
    const summerPeak = summerDip.map((i) => 2 - i);
    const text = draftSection({
      periodLabel: "Q2 2019-20",
      quarter: 2,
      themes,
      indicators: [
        indicator({
          short: "children missing",
          theme: "missing",
          polarity: "low",
          unit: "count",
          now: countEstimate(35),
          lastYear: countEstimate(58),
          monthly: summerPeak,
        }),
        indicator({
          short: "incidents",
          theme: "missing",
          polarity: "low",
          unit: "count",
          now: countEstimate(77),
          lastYear: countEstimate(115),
          monthly: summerPeak,
        }),
      ],
    });
    expect(text).toBe(
      "Missing episodes fell: children missing 35 (58 in Q2 2018-19) and incidents 77 (115).\n\n" +
        "Q2 includes July and August, when missing episodes usually rise. The comparison with the same quarter last year allows for that.",
    );
  });

  it("places the section against neighbours, the worst first, and lists indicators without figures", () => {
    const text = draftSection({
      periodLabel: "Q2 2019-20",
      quarter: 2,
      themes,
      withoutFigures: ["Pathway plans on time"],
      indicators: [
        indicator({
          short: "re-referrals",
          polarity: "low",
          now: p(110, 854),
          quartile: { band: "A", name: "statistical neighbours", label: "2018-19" },
        }),
        indicator({
          short: "placement stability",
          now: p(131, 315),
          benchmark: { name: "statistical neighbours", label: "2018-19", value: 70, result: "worse" },
          quartile: { band: "D", name: "statistical neighbours", label: "2018-19" },
        }),
      ],
    });
    // 110/854 = 12.9% (band A: +1, neither); 131/315 = 41.6%, worse than neighbours (−1) and band D
    // (−1): −2, negative.
    expect(text).toBe(
      "Of concern: placement stability at 41.6%, worse than statistical neighbours (70%).\n\n" +
        "Compared with other authorities: placement stability at 41.6% against 70% for statistical neighbours, in their worst quarter; and re-referrals at 12.9%, in the best quarter of statistical neighbours.\n\n" +
        "There are no figures for Q2 2019-20 for: Pathway plans on time.",
    );
  });
});
