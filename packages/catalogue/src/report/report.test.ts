import { describe, expect, it } from "vitest";
import { CatalogueError } from "../evaluate/catalogue-error.js";
import { createEvaluator } from "../evaluate/evaluator.js";
import { buildReport } from "./report.js";
import {
  smallAuthority,
  smallAuthorityBenchmarks,
  smallAuthorityCoverage,
} from "./small-authority-fixture.js";

const evaluator = createEvaluator(smallAuthority(), { coverage: smallAuthorityCoverage() });
const stored = {
  text: "Staff analysis of the front door.",
  author: "j.smith",
  updated_at: "2019-10-14T09:30:00.000Z",
};
const report = buildReport(evaluator, "FY2019-20-Q2", {
  targets: { "ffd.contacts_swa_pct": { "FY2019-20": { value: 46, tolerance: 2 } } },
  benchmarks: smallAuthorityBenchmarks(),
  analyses: { ffd: stored },
});
const section = (id: string) => {
  const s = report.sections.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no section ${id}`);
  return s;
};

describe("buildReport", () => {
  it("lists the sources its figures cite once, and each entry names its own", () => {
    expect(report.sources.map((s) => s.id)).toEqual(["contacts:2018-04-01", "cin_plans:2018-04-01"]);
    const swa = section("ffd").indicators.find((i) => i.id === "ffd.contacts_swa_pct");
    expect(swa?.quarter.sources).toEqual(["contacts:2018-04-01"]);
    // Datasets the small authority never loaded are not covered: no value, and nothing cited.
    const starts = section("through_care").indicators.find((i) => i.id === "cla.starts");
    expect(starts?.quarter).toMatchObject({
      value: null,
      note: "No value: no care episodes are loaded.",
      sources: [],
    });
  });

  it("lists the sections in the reference report's order", () => {
    expect(report.period).toBe("FY2019-20-Q2");
    expect(report.label).toBe("Q2 2019-20");
    expect(report.sections.map((s) => [s.id, s.title])).toEqual([
      ["ffd", "Family Front Door"],
      ["through_care", "Through Care"],
      ["cp", "Child Protection"],
      ["cin", "Children in Need"],
      ["vulnerabilities", "Additional Vulnerabilities"],
      ["staffing", "Staffing"],
    ]);
  });

  it("gives each indicator its quarter and year-to-date entries, judged against the year's target", () => {
    const swa = section("ffd").indicators.find((i) => i.id === "ffd.contacts_swa_pct");
    expect(swa).toMatchObject({ unit: "percent", polarity: "high", kind: "flow", decimals: 2 });
    expect(swa?.quarter.value).toBeCloseTo(45, 6);
    // 45% is within 2 points below the year's target of 46: amber.
    expect(swa?.quarter).toMatchObject({ period: "FY2019-20-Q2", target: 46, status: "amber" });
    // Year to date (Q1–Q2): 85 / 200 = 42.5%, below 44: red.
    expect(swa?.ytd.value).toBeCloseTo(42.5, 6);
    expect(swa?.ytd).toMatchObject({ label: "Q1–Q2 2019-20 (year to date)", status: "red" });
    expect(swa?.quarter.benchmarks[0]).toMatchObject({
      comparator: "statistical_neighbours",
      period: "FY2018-19",
    });
    const cin = section("cin").indicators.find((i) => i.id === "cin.count");
    expect(cin?.quarter.comparisons.previous_year_end).toMatchObject({ period: "FY2018-19-Q4", value: 3 });
  });

  it("sorts significant changes against the same quarter last year into positive and negative KPIs", () => {
    const ffd = section("ffd");
    // SWA share (higher is better): 20% → 45%, intervals [13.3, 28.9] and [35.6, 54.8] do not overlap.
    expect(ffd.positive.map((p) => p.indicator)).toEqual(["ffd.contacts_swa_pct"]);
    const positive = ffd.positive[0]?.sentence ?? "";
    expect(positive).toContain("Contacts resulting in the need for a social work assessment");
    expect(positive).toContain("45.00%");
    expect(positive).toContain("Q2 2018-19");
    // Level 4 or 3 (higher is better): 80% → 50%. Level 2 or 1 (lower is better): 20% → 50%.
    expect(ffd.negative.map((n) => n.indicator).sort()).toEqual([
      "ffd.contacts_level_2_1_pct",
      "ffd.contacts_level_4_3_pct",
    ]);
    const negative = ffd.negative.find((n) => n.indicator === "ffd.contacts_level_4_3_pct")?.sentence ?? "";
    expect(negative).toContain("Contacts at level 4 or 3");
    expect(negative).toContain("80.0%");
    // Counts with polarity none (contacts received) are never sorted.
    expect([...ffd.positive, ...ffd.negative].some((k) => k.indicator === "ffd.contacts")).toBe(false);
  });

  it("shows stored staff analysis as final and drafts the others from the figures", () => {
    expect(section("ffd").analysis).toEqual({
      text: stored.text,
      draft: false,
      author: "j.smith",
      updated_at: "2019-10-14T09:30:00.000Z",
    });
    const cin = section("cin").analysis;
    expect(cin.draft).toBe(true);
    expect(cin.author).toBeNull();
    expect(cin.updated_at).toBeNull();
    expect(cin.text).toContain("Children in Need");
    expect(cin.text).toContain("Q2 2019-20");
    const draftFfd = buildReport(evaluator, "FY2019-20-Q2", { benchmarks: smallAuthorityBenchmarks() })
      .sections[0];
    expect(draftFfd?.analysis.draft).toBe(true);
    // The draft states the SWA figure, its comparisons and the benchmark, and lists the KPIs.
    expect(draftFfd?.analysis.text).toContain("45.00%");
    expect(draftFfd?.analysis.text).toContain("statistical neighbours");
    expect(draftFfd?.analysis.text).toContain("Negative KPIs");
    // Indicators without a figure are named together, once.
    expect(draftFfd?.analysis.text).toContain("There are no figures for Q2 2019-20 for: Referrals;");
  });

  it("is deterministic", () => {
    const again = buildReport(evaluator, "FY2019-20-Q2", {
      targets: { "ffd.contacts_swa_pct": { "FY2019-20": { value: 46, tolerance: 2 } } },
      benchmarks: smallAuthorityBenchmarks(),
      analyses: { ffd: stored },
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });

  it("is for a quarter only", () => {
    expect(() => buildReport(evaluator, "FY2019-20")).toThrow(CatalogueError);
  });
});
