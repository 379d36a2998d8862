import {
  displayDecimals,
  type IndicatorDefinition,
  type Judgement,
  type JudgementComplement,
  judgeIndicator,
  type SeasonalResult,
  type TrendResult,
} from "@kpi/core";
import type { BenchmarkRecord } from "../datasets/schemas.js";
import { CatalogueError } from "../evaluate/catalogue-error.js";
import type { Evaluator } from "../evaluate/evaluator.js";
import { indicatorTrend } from "./indicator-trend.js";
import { narrativeBenchmark, narrativeQuartile } from "./narrative-benchmark.js";
import type { TargetHistory } from "./schemas.js";
import { seasonalStatement } from "./seasonal-statement.js";
import { type EntryDetail, seriesEntry } from "./series-entry.js";

/** What every indicator of an organisation is judged against. */
export interface JudgementContext {
  /** Targets per indicator id, each per financial year id. */
  targets?: Readonly<Record<string, TargetHistory>> | undefined;
  /** The organisation's `benchmarks` records. */
  benchmarks?: readonly BenchmarkRecord[] | undefined;
}

/** A judged quarter of an indicator: the judgement and the figures and tests it rests on. */
export interface JudgedQuarter {
  /** The judgement (for a complementary pair, the pair's: the same for both). */
  judgement: Judgement;
  /** The indicator's own quarter entry with its comparisons, status and benchmarks. */
  detail: EntryDetail;
  /** Its seasonal statement. */
  seasonal: SeasonalResult;
  /** Its trend over the 5 latest quarters. */
  trend: TrendResult;
  /** The pair's partner, when the indicator is one of a complementary pair. */
  partner: IndicatorDefinition | null;
  /** `true` when the indicator is the pair's partner: the pair is listed under the other one. */
  judgedWithPartner: boolean;
}

function entryOf(
  evaluator: Evaluator,
  definition: IndicatorDefinition,
  quarter: string,
  context: JudgementContext,
) {
  return seriesEntry(evaluator, definition, quarter, "quarter", {
    targets: context.targets?.[definition.id],
    benchmarks: context.benchmarks,
  });
}

function complementOf(detail: EntryDetail, definition: IndicatorDefinition): JudgementComplement {
  return {
    title: definition.title,
    unit: definition.unit,
    decimals: displayDecimals(definition),
    polarity: definition.polarity,
    status: detail.status,
    benchmark: narrativeBenchmark(detail.benchmarks),
    quartile: narrativeQuartile(detail.entry.quartile),
  };
}

/**
 * Judges an indicator's quarter with the product's one rule (`judgeIndicator`, decision 151), from
 * every signal there is: the status against the year's target, the changes on the previous quarter and
 * the same quarter last year with their significance tests, the seasonal expectation, the first
 * benchmark and the quartile band, and the trend over 5 quarters. For stock indicators the quarter's
 * figure is the value at its end. The two indicators of a complementary pair (a definition's
 * `complementOf`) are judged once, under the one the other names, with the partner's own target,
 * benchmark and band as signals too; both get that judgement. The report, the dashboard, the indicator
 * page, the exports and the draft all read their verdict here.
 *
 * @param evaluator - the organisation's evaluator
 * @param id - the indicator
 * @param quarter - a quarter id
 * @param context - targets and benchmarks
 * @returns the judgement and what it rests on
 * @throws CatalogueError `unknown_indicator` for an unknown id; `invalid_period` for a period that is not a quarter
 * @example
 * ```ts
 * judgeQuarter(evaluator, "cla.health_assessment_timely_pct", "FY2019-20-Q2", {}).judgement.verdict; // "negative"
 * ```
 */
export function judgeQuarter(
  evaluator: Evaluator,
  id: string,
  quarter: string,
  context: JudgementContext = {},
): JudgedQuarter {
  const definitions = evaluator.definitions();
  const definition = definitions.find((d) => d.id === id);
  if (definition === undefined) throw new CatalogueError("unknown_indicator", `Unknown indicator '${id}'`);
  const named =
    definition.complementOf === undefined
      ? undefined
      : definitions.find((d) => d.id === definition.complementOf);
  const partner = named ?? definitions.find((d) => d.complementOf === id) ?? null;
  const judgedWithPartner = named !== undefined;
  const primary = named ?? definition;
  const detail = entryOf(evaluator, definition, quarter, context);
  const primaryDetail = primary === definition ? detail : entryOf(evaluator, primary, quarter, context);
  const seasonal = seasonalStatement(evaluator, definition, quarter);
  const trend = indicatorTrend(evaluator, definition.id, quarter, "quarter");
  const primarySeasonal = primary === definition ? seasonal : seasonalStatement(evaluator, primary, quarter);
  const primaryTrend =
    primary === definition ? trend : indicatorTrend(evaluator, primary.id, quarter, "quarter");
  // The pair's other indicator, whose level signals count for the pair.
  const other = judgedWithPartner ? definition : partner;
  const otherDetail =
    other === null ? null : other === definition ? detail : entryOf(evaluator, other, quarter, context);
  const judgement = judgeIndicator({
    title: primary.title,
    unit: primary.unit,
    decimals: displayDecimals(primary),
    polarity: primary.polarity,
    periodLabel: primaryDetail.label,
    current: primaryDetail.current,
    samePeriodLastYear: primaryDetail.samePeriodLastYear,
    previous: primaryDetail.previous,
    status: primaryDetail.status,
    benchmark: narrativeBenchmark(primaryDetail.benchmarks),
    quartile: narrativeQuartile(primaryDetail.entry.quartile),
    seasonal: primarySeasonal,
    trend: primaryTrend,
    complement: other === null || otherDetail === null ? null : complementOf(otherDetail, other),
  });
  return { judgement, detail, seasonal, trend, partner, judgedWithPartner };
}
