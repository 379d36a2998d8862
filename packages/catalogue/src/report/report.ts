import {
  checkPeriodForWindow,
  type DraftIndicator,
  displayDecimals,
  draftSection,
  type IndicatorDefinition,
  parsePeriodOrThrow,
  periodLabel,
} from "@kpi/core";
import type { BenchmarkRecord } from "../datasets/schemas.js";
import { CatalogueError } from "../evaluate/catalogue-error.js";
import type { Evaluator } from "../evaluate/evaluator.js";
import { reportSections } from "../indicators/sections.js";
import { indicatorThemes } from "../indicators/themes.js";
import { citedSources } from "./cited-sources.js";
import { type JudgedQuarter, judgeQuarter } from "./indicator-judgement.js";
import { monthlyPattern } from "./monthly-pattern.js";
import { narrativeBenchmark, narrativeQuartile } from "./narrative-benchmark.js";
import type {
  KpiListEntry,
  QuarterlyReport,
  ReportIndicator,
  ReportSection,
  SectionAnalysis,
  StoredAnalysis,
  TargetHistory,
} from "./schemas.js";
import { seriesEntry } from "./series-entry.js";

/** Inputs of {@link buildReport} besides the records. */
export interface BuildReportOptions {
  /** Targets per indicator id, each per financial year id. */
  targets?: Readonly<Record<string, TargetHistory>> | undefined;
  /** The organisation's `benchmarks` records. */
  benchmarks?: readonly BenchmarkRecord[] | undefined;
  /** The latest stored staff version of each section id, with its approval if that version is approved. */
  analyses?: Readonly<Record<string, StoredAnalysis>> | undefined;
}

function draftIndicator(
  evaluator: Evaluator,
  definition: IndicatorDefinition,
  judged: JudgedQuarter,
  quarter: string,
  fromOtherSection: boolean,
): DraftIndicator {
  const d = judged.detail;
  return {
    shortTitle: definition.shortTitle ?? definition.title.charAt(0).toLowerCase() + definition.title.slice(1),
    theme: definition.theme ?? null,
    unit: definition.unit,
    decimals: displayDecimals(definition),
    polarity: definition.polarity,
    current: d.current,
    previous: d.previous,
    samePeriodLastYear: d.samePeriodLastYear,
    status: d.status,
    benchmark: narrativeBenchmark(d.benchmarks),
    quartile: narrativeQuartile(d.entry.quartile),
    judgement: judged.judgement,
    monthlyIndices:
      definition.theme === undefined ? null : monthlyPattern(evaluator, definition, quarter).indices,
    fromOtherSection,
  };
}

const byStrength = (a: KpiListEntry, b: KpiListEntry) => b.strength - a.strength;

/**
 * Assembles the whole quarterly report for a quarter, as `GET /v1/reports/{period}` returns it: the
 * sections in the reference report's order (Family Front Door, Through Care, Child Protection, Children
 * in Need, Additional Vulnerabilities, Staffing), each with its indicators for the quarter and the year
 * to date and each indicator's judgement (`judgeQuarter`, decision 151); the positive and negative KPIs
 * ranked by strength, a complementary pair listed once; and the analysis: the latest staff version
 * when there is one (with its approval), otherwise the text drafted from the judgements (`draftSection`,
 * decision 152), which is always given as `drafted_text` too; and the sources its figures cite, each
 * once. Deterministic: the same inputs give the
 * same report.
 *
 * @param evaluator - the organisation's evaluator
 * @param period - a quarter id, e.g. `FY2019-20-Q2`
 * @param options - targets, benchmarks and stored analysis
 * @returns the report
 * @throws CatalogueError `invalid_period` when `period` is not a quarter id
 * @example
 * ```ts
 * const report = buildReport(evaluator, "FY2019-20-Q2", { targets: {}, benchmarks: [], analyses: {} });
 * report.sections.map((s) => s.id); // ["ffd", "through_care", "cp", "cin", "vulnerabilities", "staffing"]
 * ```
 */
export function buildReport(
  evaluator: Evaluator,
  period: string,
  options: BuildReportOptions = {},
): QuarterlyReport {
  const parsed = checkQuarter(period);
  const quarterNumber = parsePeriodOrThrow(parsed).quarter as 1 | 2 | 3 | 4;
  const label = periodLabel(parsed);
  const definitions = evaluator.definitions();
  const sectionIds = new Set<string>(reportSections.map((s) => s.id));
  const context = { targets: options.targets, benchmarks: options.benchmarks };
  const judged = new Map<string, JudgedQuarter>();
  for (const d of definitions) {
    if (sectionIds.has(d.section)) judged.set(d.id, judgeQuarter(evaluator, d.id, parsed, context));
  }
  const sections: ReportSection[] = reportSections.map((section) => {
    const indicators: ReportIndicator[] = [];
    const positive: KpiListEntry[] = [];
    const negative: KpiListEntry[] = [];
    const drafted: DraftIndicator[] = [];
    const withoutFigures: string[] = [];
    for (const definition of definitions) {
      const j = judged.get(definition.id);
      if (j === undefined) continue;
      if (definition.section !== section.id) {
        if (definition.alsoDescribedIn?.includes(section.id) && j.detail.current.value !== null)
          drafted.push(draftIndicator(evaluator, definition, j, parsed, true));
        continue;
      }
      const ytd = seriesEntry(evaluator, definition, parsed, "ytd", {
        targets: options.targets?.[definition.id],
        benchmarks: options.benchmarks,
      });
      indicators.push({
        id: definition.id,
        title: definition.title,
        unit: definition.unit,
        polarity: definition.polarity,
        kind: definition.kind,
        decimals: displayDecimals(definition),
        quarter: j.detail.entry,
        ytd: ytd.entry,
        judgement: j.judgement,
      });
      if (j.judgedWithPartner) continue;
      const { verdict, sentence, strength } = j.judgement;
      const listed = {
        indicator: definition.id,
        sentence,
        strength,
        complements: j.partner === null ? [] : [j.partner.id],
      };
      if (verdict === "positive") positive.push(listed);
      if (verdict === "negative") negative.push(listed);
      if (j.detail.current.value === null) withoutFigures.push(definition.title);
      else drafted.push(draftIndicator(evaluator, definition, j, parsed, false));
    }
    const draftedText = draftSection({
      periodLabel: label,
      quarter: quarterNumber,
      indicators: drafted,
      withoutFigures,
      themes: indicatorThemes,
    });
    const stored = options.analyses?.[section.id];
    const analysis: SectionAnalysis =
      stored === undefined
        ? {
            text: draftedText,
            draft: true,
            source: "drafted",
            version: null,
            author: null,
            updated_at: null,
            approval: null,
            drafted_text: draftedText,
          }
        : {
            text: stored.text,
            draft: stored.approval === null,
            source: "staff",
            version: stored.version,
            author: stored.author,
            updated_at: stored.updated_at,
            approval: stored.approval,
            drafted_text: draftedText,
          };
    return {
      id: section.id,
      title: section.title,
      indicators,
      positive: positive.sort(byStrength),
      negative: negative.sort(byStrength),
      analysis,
    };
  });
  const entries = sections.flatMap((s) => s.indicators.flatMap((i) => [i.quarter, i.ytd]));
  return { period: parsed, label, sections, sources: citedSources(evaluator, entries) };
}

function checkQuarter(period: string): string {
  const r = checkPeriodForWindow(period, "quarter");
  if (!r.ok) throw new CatalogueError("invalid_period", `A report is for a quarter. ${r.error}`);
  return r.period.id;
}
