import { describe, expect, it } from "vitest";
import { CatalogueError } from "../evaluate/catalogue-error.js";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "../indicators/catalogue.js";
import { buildReport } from "./report.js";
import {
  smallAuthority,
  smallAuthorityBenchmarks,
  smallAuthorityCoverage,
} from "./small-authority-fixture.js";

const evaluator = createEvaluator(catalogue, smallAuthority(), { coverage: smallAuthorityCoverage() });
const stored = {
  version: 7,
  text: "Staff analysis of the front door.",
  author: "Jo Smith",
  updated_at: "2019-10-14T09:30:00.000Z",
  approval: null,
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

  it("lists positive and negative KPIs by the judgement rule, strongest first, a complementary pair once", () => {
    const ffd = section("ffd");
    // SWA share (higher is better): 20/100 → 45/100 on Q2 2018-19, significant and material (+3); amber
    // against 46 ± 2 (−1); bottom quartile of the 5 neighbours 80–99 (−1); rising over 5 quarters (+1): +2.
    expect(ffd.positive).toEqual([
      expect.objectContaining({ indicator: "ffd.contacts_swa_pct", strength: 2, complements: [] }),
    ]);
    const positive = ffd.positive[0]?.sentence ?? "";
    expect(positive).toMatch(
      /^Contacts resulting in the need for a social work assessment \(45\.00% in Q2 2019-20\) is a positive KPI: rose from 20\.00% in Q2 2018-19/,
    );
    // Level 4 or 3: 80% → 50% on last year (−3) and 70% → 50% on Q1 (−2): −5. Level 2 or 1 is its
    // complement (20% → 50%): judged with it, listed once under it.
    expect(ffd.negative).toEqual([
      expect.objectContaining({
        indicator: "ffd.contacts_level_4_3_pct",
        strength: 5,
        complements: ["ffd.contacts_level_2_1_pct"],
      }),
    ]);
    const pair = ffd.indicators.filter((i) => i.id.startsWith("ffd.contacts_level"));
    expect(pair.map((i) => [i.id, i.judgement.verdict, i.judgement.score])).toEqual([
      ["ffd.contacts_level_2_1_pct", "negative", -5],
      ["ffd.contacts_level_4_3_pct", "negative", -5],
    ]);
    // Counts with polarity none (contacts received) are never positive or negative.
    const contacts = ffd.indicators.find((i) => i.id === "ffd.contacts");
    expect(contacts?.judgement).toMatchObject({ verdict: "neither", reasons: [] });
  });

  it("shows the latest staff version with its approval, and drafts the others from the judgements", () => {
    expect(section("ffd").analysis).toEqual({
      text: stored.text,
      draft: true,
      source: "staff",
      version: 7,
      author: "Jo Smith",
      updated_at: "2019-10-14T09:30:00.000Z",
      approval: null,
      drafted_text: expect.stringContaining("Of concern: contacts at level 4 or 3 fell to 50.0%"),
    });
    const approval = { approved_by: "Sam Lee", approved_at: "2019-10-15T08:00:00.000Z" };
    const approved = buildReport(evaluator, "FY2019-20-Q2", { analyses: { ffd: { ...stored, approval } } })
      .sections[0]?.analysis;
    expect(approved).toMatchObject({ draft: false, approval });
    const cin = section("cin").analysis;
    expect(cin).toMatchObject({
      draft: true,
      source: "drafted",
      version: null,
      author: null,
      approval: null,
    });
    expect(cin.text).toBe(cin.drafted_text);
    const draftFfd = buildReport(evaluator, "FY2019-20-Q2", {
      targets: { "ffd.contacts_swa_pct": { "FY2019-20": { value: 46, tolerance: 2 } } },
      benchmarks: smallAuthorityBenchmarks(),
    }).sections[0]?.analysis.text;
    // The draft leads with the stronger movement (−5 before +2), places the SWA share against
    // neighbours, and counts the indicators without a figure once: the small authority has no
    // referrals, assessments or early help records, so referrals (2), assessments (4) and early help
    // (4) make 10, more than the draft names one by one.
    expect(draftFfd).toBe(
      [
        "Of concern: contacts at level 4 or 3 fell to 50.0% (from 80.0% in Q2 2018-19).",
        "Going well: contacts resulting in the need for a social work assessment rose to 45.00% (from 20.00% in Q2 2018-19).",
        "Compared with other authorities: contacts resulting in the need for a social work assessment at 45.00%, in the worst quarter of statistical neighbours.",
        "There are no figures for Q2 2019-20 for 10 measures; the table gives each one's reason.",
      ].join("\n\n"),
    );
    expect(section("staffing").analysis.text).toBe("There are no figures in this section for Q2 2019-20.");
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
