import {
  buildReport,
  catalogue,
  createEvaluator,
  indicatorAnalysis,
  type QuarterlyReport,
  type TargetHistory,
} from "@kpi/catalogue";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoAuthority } from "../src/generate.js";
import { demoTargets } from "../src/targets.js";

// The demonstration authority's Q2 2019-20 report, judged and drafted as the reference manager did.
// (The lists themselves are asserted through the API in apps/api/test/report-judgement.test.ts.)

let report: QuarterlyReport;
let context: {
  targets: Record<string, TargetHistory>;
  benchmarks: ReturnType<typeof generateDemoAuthority>["benchmarks"];
};
let evaluator: ReturnType<typeof createEvaluator>;
beforeAll(() => {
  const demo = generateDemoAuthority();
  const targets: Record<string, TargetHistory> = {};
  for (const t of demoTargets())
    targets[t.indicator] = { ...targets[t.indicator], [t.financial_year]: t.target };
  context = { targets, benchmarks: demo.benchmarks };
  evaluator = createEvaluator(catalogue, demo);
  report = buildReport(evaluator, "FY2019-20-Q2", context);
}, 120_000);

const section = (id: string) => {
  const s = report.sections.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no section ${id}`);
  return s;
};

describe("the demonstration authority's Q2 2019-20 draft analysis", () => {
  it("drafts Through Care in under 200 words, naming the timeliness dip, its season and the fall in children missing", () => {
    const text = section("through_care").analysis.text;
    expect(text.split(/\s+/).filter((w) => w !== "").length).toBeLessThan(200);
    // The four timeliness measures in one sentence, from Q1 (the fall a manager sees).
    expect(text).toMatch(
      /Timeliness fell: health assessments 78\.9% \(89\.6% in Q1 2019-20\), looked-after reviews 87\.9% \(94\.2%\), statutory visits 85\.3% \(90\.7%\) and pathway plans 78\.6% \(85\.1%\)\./,
    );
    // The seasonal context, derived from the monthly pattern of the three years before.
    expect(text).toContain("Q2 includes July and August, when timeliness usually dips.");
    // The fall in children missing from care (an Additional Vulnerabilities indicator told here too).
    expect(text).toContain("children missing from care 35 (58 in Q2 2018-19)");
    // Never every figure: no indicator of the section is restated with "is … in Q2 2019-20".
    expect(text).not.toMatch(/ is [\d,.]+%? in Q2 2019-20/);
  });

  it("never counts a complementary pair twice in the lists, nor an indicator in both", () => {
    const listed = report.sections.flatMap((s) => [...s.positive, ...s.negative]);
    const ids = listed.flatMap((k) => [k.indicator, ...k.complements]);
    expect(new Set(ids).size).toBe(ids.length);
    const ffd = section("ffd");
    expect(ffd.positive.find((k) => k.indicator === "ffd.contacts_level_4_3_pct")?.complements).toEqual([
      "ffd.contacts_level_2_1_pct",
    ]);
    expect(ffd.positive.some((k) => k.indicator === "ffd.contacts_level_2_1_pct")).toBe(false);
    // The pairs declared complementary do add up to the whole.
    for (const [a, b] of [
      ["ffd.contacts_level_4_3_pct", "ffd.contacts_level_2_1_pct"],
      ["wf.sw_permanent_pct", "wf.agency_pct"],
    ]) {
      const value = (id: string | undefined) =>
        report.sections.flatMap((s) => s.indicators).find((i) => i.id === id)?.quarter.value ?? Number.NaN;
      expect(value(a) + value(b)).toBeCloseTo(100, 9);
    }
  });

  it("gives the indicator page the report's verdict, for every indicator and window ending the quarter", () => {
    for (const s of report.sections) {
      for (const i of s.indicators) {
        for (const window of ["quarter", "ytd"] as const) {
          const analysis = indicatorAnalysis(evaluator, i.id, "FY2019-20-Q2", window, context);
          expect(analysis.judgement?.verdict, `${i.id} ${window}`).toBe(i.judgement.verdict);
        }
      }
    }
  });
});
