import type { Judgement } from "@kpi/core";
import { describe, expect, it } from "vitest";
import type {
  Comparison,
  QuarterlyReport,
  ReportIndicator,
  ReportSection,
  SeriesEntry,
} from "../report/schemas.js";
import { reportTable } from "./report-table.js";
import { reportView, WITHHELD_SENTENCE } from "./report-view.js";

function entry(period: string, label: string, over: Partial<SeriesEntry> = {}): SeriesEntry {
  return {
    period,
    label,
    value: null,
    numerator: null,
    denominator: null,
    unit: "count",
    ci: { lower: null, upper: null, level: 0.95, method: "none" },
    target: null,
    status: null,
    comparisons: { previous_period: null, same_period_last_year: null },
    benchmarks: [],
    quartile: null,
    note: null,
    extras: {},
    sources: [],
    ...over,
  };
}

function comparison(period: string, value: number, change: number): Comparison {
  return { period, value, change, significant: null, test: null, p_value: null };
}

const judgement: Judgement = {
  verdict: "negative",
  score: -2,
  strength: 2,
  reasons: [],
  notes: [],
  sentence: "It fell to 3 from 9.",
};

const Q2 = ["FY2019-20-Q2", "Q2 2019-20"] as const;
const YTD = ["FY2019-20-Q2", "Q1–Q2 2019-20 (year to date)"] as const;

function indicator(over: Partial<ReportIndicator> & Pick<ReportIndicator, "id" | "unit">): ReportIndicator {
  return {
    title: over.id,
    polarity: "high",
    kind: "flow",
    decimals: 1,
    quarter: entry(...Q2),
    ytd: entry(...YTD),
    judgement,
    ...over,
  };
}

// The figures, by hand:
// - local.fostering_count (a local indicator: threshold 5) counts 3 children this quarter (9 last
//   quarter: change −6; 10 a year ago: change −7) and 12 in the year to date.
// - local.leavers_pct: 30 of 63 = 47.619…% (47.6); last quarter 2 of 40 = 5% (change +42.6), a year ago
//   20 of 60 = 33.3% (change +14.3); the year to date 3 of 63 = 4.8%.
// - local.placements_pct: 30 of 60 = 50%, last quarter 40%, with no recent quarters given.
// - local.agency_cost (money) £4, last quarter £3 (change +1).
const fostering = indicator({
  id: "local.fostering_count",
  unit: "count",
  decimals: 0,
  quarter: entry(...Q2, {
    value: 3,
    numerator: 3,
    comparisons: {
      previous_period: comparison("FY2019-20-Q1", 9, -6),
      same_period_last_year: comparison("FY2018-19-Q2", 10, -7),
    },
  }),
  ytd: entry(...YTD, { value: 12, numerator: 12 }),
});
const leavers = indicator({
  id: "local.leavers_pct",
  unit: "percent",
  quarter: entry(...Q2, {
    unit: "percent",
    value: (30 / 63) * 100,
    numerator: 30,
    denominator: 63,
    comparisons: {
      previous_period: comparison("FY2019-20-Q1", 5, (30 / 63) * 100 - 5),
      same_period_last_year: comparison("FY2018-19-Q2", (20 / 60) * 100, (30 / 63) * 100 - (20 / 60) * 100),
    },
  }),
  ytd: entry(...YTD, { unit: "percent", value: (3 / 63) * 100, numerator: 3, denominator: 63 }),
});
const placements = indicator({
  id: "local.placements_pct",
  unit: "percent",
  quarter: entry(...Q2, {
    unit: "percent",
    value: 50,
    numerator: 30,
    denominator: 60,
    comparisons: { previous_period: comparison("FY2019-20-Q1", 40, 10), same_period_last_year: null },
  }),
});
const cost = indicator({
  id: "local.agency_cost",
  unit: "gbp",
  decimals: 0,
  quarter: entry(...Q2, {
    unit: "gbp",
    value: 4,
    numerator: 4,
    comparisons: { previous_period: comparison("FY2019-20-Q1", 3, 1), same_period_last_year: null },
  }),
});

function section(analysis: Partial<ReportSection["analysis"]>): ReportSection {
  return {
    id: "local",
    title: "Local",
    indicators: [fostering, leavers, placements, cost],
    positive: [{ indicator: "local.agency_cost", sentence: "Spend is £4.", strength: 1, complements: [] }],
    negative: [
      { indicator: "local.fostering_count", sentence: "It fell to 3 from 9.", strength: 2, complements: [] },
      {
        indicator: "local.placements_pct",
        sentence: "Placements 50%.",
        strength: 1,
        complements: ["local.leavers_pct"],
      },
    ],
    analysis: {
      text: "Private fostering fell to 3 children.",
      draft: true,
      source: "drafted",
      version: null,
      author: null,
      updated_at: null,
      approval: null,
      drafted_text: "Private fostering fell to 3 children.",
      ...analysis,
    },
  };
}

const report: QuarterlyReport = {
  period: "FY2019-20-Q2",
  label: "Q2 2019-20",
  sources: [],
  sections: [section({})],
};

const history = new Map<string, SeriesEntry[]>([
  [
    "local.leavers_pct",
    [
      entry("FY2018-19-Q2", "Q2 2018-19", { value: (20 / 60) * 100, numerator: 20, denominator: 60 }),
      entry("FY2019-20-Q1", "Q1 2019-20", { value: 5, numerator: 2, denominator: 40 }),
      leavers.quarter,
    ],
  ],
]);

describe("reportView (published)", () => {
  const view = reportView(report, { history });
  const of = (id: string) => view.indicators.get(id)!;

  it("suppresses the quarter and the year to date exactly where the CSV does", () => {
    const table = reportTable(report);
    for (const [id, ind] of view.indicators) {
      const rows = table.rows.filter((r) => r[1] === id);
      expect([rows[0]?.[6], rows[0]?.[7], rows[0]?.[8]]).toEqual([
        ind.quarter.numerator,
        ind.quarter.denominator,
        ind.quarter.value,
      ]);
      expect(rows[1]?.[8]).toEqual(ind.ytd.value);
    }
    expect(of("local.fostering_count").quarter.value).toBe("c");
    expect(of("local.fostering_count").ytd.value).toBe(12);
    expect(of("local.leavers_pct").quarter.value).toBe(47.6);
    expect(of("local.leavers_pct").ytd.value).toBe("c");
    expect(view.disclosureNote).toBe(table.notes[1]);
  });

  it("withholds a change measured from or to a suppressed quarter", () => {
    // 3 this quarter: both changes would give it away (9 − 6, 10 − 7).
    expect(of("local.fostering_count").changes).toEqual({ previous_period: "c", same_period_last_year: "c" });
    // Last quarter's 2 of 40 is suppressed; a year ago's 20 of 60 is not.
    expect(of("local.leavers_pct").changes.previous_period).toBe("c");
    expect(of("local.leavers_pct").changes.same_period_last_year).toBeCloseTo(47.619 - 33.333, 2);
    // Without last quarter's counts a percentage's change cannot be checked, so it is withheld.
    expect(of("local.placements_pct").changes.previous_period).toBe("c");
    // Money counts nobody.
    expect(of("local.agency_cost").changes.previous_period).toBe(1);
  });

  it("suppresses a recent quarter in the sparkline by the same rule", () => {
    expect(of("local.leavers_pct").history).toEqual([
      { label: "Q2 2018-19", value: 33.3 },
      { label: "Q1 2019-20", value: "c" },
      { label: "Q2 2019-20", value: 47.6 },
    ]);
  });

  it("withholds the sentence of a listed KPI whose figures, or its complement's, are suppressed", () => {
    const [fosteringKpi, placementsKpi] = report.sections[0]!.negative;
    expect(view.sentence(fosteringKpi!)).toBe(WITHHELD_SENTENCE);
    expect(view.sentence(placementsKpi!)).toBe(WITHHELD_SENTENCE);
    expect(view.sentence(report.sections[0]!.positive[0]!)).toBe("Spend is £4.");
  });

  it("shows staff analysis but not analysis drafted from every figure", () => {
    expect(view.analysisText(report.sections[0]!)).toBeNull();
    const staff = section({ source: "staff", text: "Reviewed text.", version: 2, author: "A Analyst" });
    expect(view.analysisText(staff)).toBe("Reviewed text.");
  });
});

describe("reportView (internal)", () => {
  const view = reportView(report, { audience: "internal", history });
  const of = (id: string) => view.indicators.get(id)!;

  it("shows every figure, change, sentence and the drafted analysis", () => {
    expect(of("local.fostering_count").quarter.value).toBe(3);
    expect(of("local.fostering_count").changes).toEqual({ previous_period: -6, same_period_last_year: -7 });
    expect(of("local.leavers_pct").ytd.value).toBe(4.8);
    expect(of("local.leavers_pct").history[1]).toEqual({ label: "Q1 2019-20", value: 5 });
    expect(view.sentence(report.sections[0]!.negative[0]!)).toBe("It fell to 3 from 9.");
    expect(view.analysisText(report.sections[0]!)).toBe("Private fostering fell to 3 children.");
    expect(view.disclosureNote).toMatch(/^For internal use/);
  });
});
