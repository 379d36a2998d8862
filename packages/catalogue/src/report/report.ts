import {
  checkPeriodForWindow,
  classifyKpi,
  describeIndicator,
  describeSection,
  displayDecimals,
  type IndicatorDefinition,
  periodLabel,
} from "@kpi/core";
import type { BenchmarkRecord } from "../datasets/schemas.js";
import { CatalogueError } from "../evaluate/catalogue-error.js";
import type { Evaluator } from "../evaluate/evaluator.js";
import { reportSections } from "../indicators/sections.js";
import { citedSources } from "./cited-sources.js";
import type {
  KpiListEntry,
  QuarterlyReport,
  ReportIndicator,
  ReportSection,
  SectionAnalysis,
  StoredAnalysis,
  TargetHistory,
} from "./schemas.js";
import { seasonalStatement } from "./seasonal-statement.js";
import { type BenchmarkDetail, type EntryDetail, seriesEntry } from "./series-entry.js";

/** Inputs of {@link buildReport} besides the records. */
export interface BuildReportOptions {
  /** Targets per indicator id, each per financial year id. */
  targets?: Readonly<Record<string, TargetHistory>> | undefined;
  /** The organisation's `benchmarks` records. */
  benchmarks?: readonly BenchmarkRecord[] | undefined;
  /** Stored staff analysis per section id (the latest version of each). */
  analyses?: Readonly<Record<string, StoredAnalysis>> | undefined;
}

const COMPARATOR_NAMES: Readonly<Record<string, string>> = {
  statistical_neighbours: "statistical neighbours",
  england: "England",
  region: "the region",
};

function benchmarkForNarrative(benchmarks: readonly BenchmarkDetail[]) {
  const b = benchmarks[0];
  if (b === undefined) return null;
  return {
    name: COMPARATOR_NAMES[b.comparator] ?? b.comparator.replaceAll("_", " "),
    label: periodLabel(b.period),
    value: b.value,
    result: b.result,
  };
}

function sentenceFor(evaluator: Evaluator, definition: IndicatorDefinition, detail: EntryDetail): string {
  return describeIndicator({
    title: definition.title,
    unit: definition.unit,
    decimals: displayDecimals(definition),
    polarity: definition.polarity,
    periodLabel: detail.label,
    current: detail.current,
    previous: detail.previous,
    samePeriodLastYear: detail.samePeriodLastYear,
    status: detail.status,
    benchmark: benchmarkForNarrative(detail.benchmarks),
    seasonal: seasonalStatement(evaluator, definition, detail.entry.period),
  });
}

/**
 * Assembles the whole quarterly report for a quarter, as `GET /v1/reports/{period}` returns it: the
 * sections in the reference report's order (Family Front Door, Through Care, Child Protection, Children
 * in Need, Additional Vulnerabilities, Staffing), each with its indicators for the quarter and the year
 * to date, the positive and negative KPIs with the sentence that justifies each (flow indicators by the
 * quarter's own figure, stock indicators by the value at the quarter's end), and the analysis text:
 * the staff's stored text when there is one, otherwise a draft written from the figures and flagged
 * `draft: true`; and the sources its figures cite, each once. Deterministic: the same inputs give the
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
  const definitions = evaluator.definitions();
  const sections: ReportSection[] = reportSections.map((section) => {
    const indicators: ReportIndicator[] = [];
    const sentences: string[] = [];
    const positive: KpiListEntry[] = [];
    const negative: KpiListEntry[] = [];
    const withoutFigures: string[] = [];
    for (const definition of definitions) {
      if (definition.section !== section.id) continue;
      const context = { targets: options.targets?.[definition.id], benchmarks: options.benchmarks };
      const quarter = seriesEntry(evaluator, definition, parsed, "quarter", context);
      const ytd = seriesEntry(evaluator, definition, parsed, "ytd", context);
      indicators.push({
        id: definition.id,
        title: definition.title,
        unit: definition.unit,
        polarity: definition.polarity,
        kind: definition.kind,
        decimals: displayDecimals(definition),
        quarter: quarter.entry,
        ytd: ytd.entry,
      });
      const kpi = classifyKpi({
        current: quarter.current,
        samePeriodLastYear: quarter.samePeriodLastYear.estimate,
        previousPeriod: quarter.previous?.estimate ?? null,
        polarity: definition.polarity,
        currentLabel: quarter.label,
        samePeriodLastYearLabel: quarter.samePeriodLastYear.label,
        previousPeriodLabel: quarter.previous?.label ?? null,
        title: definition.title,
        unit: definition.unit,
        decimals: displayDecimals(definition),
      });
      if (kpi.group === "positive") positive.push({ indicator: definition.id, sentence: kpi.sentence });
      if (kpi.group === "negative") negative.push({ indicator: definition.id, sentence: kpi.sentence });
      if (options.analyses?.[section.id] === undefined) {
        if (quarter.current.value === null) withoutFigures.push(definition.title);
        else sentences.push(sentenceFor(evaluator, definition, quarter));
      }
    }
    const stored = options.analyses?.[section.id];
    const analysis: SectionAnalysis =
      stored === undefined
        ? {
            text: describeSection({
              sectionTitle: section.title,
              periodLabel: periodLabel(parsed),
              sentences:
                withoutFigures.length === 0
                  ? sentences
                  : [
                      ...sentences,
                      `There are no figures for ${periodLabel(parsed)} for: ${withoutFigures.join("; ")}.`,
                    ],
              positive: positive.map((p) => p.sentence),
              negative: negative.map((n) => n.sentence),
            }),
            draft: true,
            author: null,
            updated_at: null,
          }
        : { text: stored.text, draft: false, author: stored.author, updated_at: stored.updated_at };
    return { id: section.id, title: section.title, indicators, positive, negative, analysis };
  });
  const entries = sections.flatMap((s) => s.indicators.flatMap((i) => [i.quarter, i.ytd]));
  return { period: parsed, label: periodLabel(parsed), sections, sources: citedSources(evaluator, entries) };
}

function checkQuarter(period: string): string {
  const r = checkPeriodForWindow(period, "quarter");
  if (!r.ok) throw new CatalogueError("invalid_period", `A report is for a quarter. ${r.error}`);
  return r.period.id;
}
