import { financialYearId, type Window } from "@kpi/core";
import { CatalogueError } from "../evaluate/catalogue-error.js";
import type { Evaluator } from "../evaluate/evaluator.js";
import { type JudgementContext, judgeQuarter } from "./indicator-judgement.js";
import { indicatorTrend } from "./indicator-trend.js";
import type { IndicatorAnalysis, SeasonalSummary } from "./schemas.js";
import { seasonalStatement } from "./seasonal-statement.js";

/**
 * An indicator's trend over its 5 latest periods of a window and, for the quarter window, its seasonal
 * statement (other windows have none, with the reason), with the judgement of the quarter the period
 * ends (`judgeQuarter`; the report's verdict, whatever the window): what the indicator page shows.
 *
 * @param evaluator - the organisation's evaluator
 * @param id - the indicator
 * @param period - the last period, of the window's kind
 * @param window - the window
 * @param context - targets and benchmarks the judgement weighs (as the report's)
 * @returns the trend, seasonal statement and judgement, snake_case as the API shows them
 * @throws CatalogueError `unknown_indicator` for an unknown id, `invalid_period` for a period of the wrong kind
 * @example
 * ```ts
 * indicatorAnalysis(evaluator, "ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter").trend.direction;
 * ```
 */
export function indicatorAnalysis(
  evaluator: Evaluator,
  id: string,
  period: string,
  window: Window,
  context: JudgementContext = {},
): IndicatorAnalysis {
  const definition = evaluator.definitions().find((d) => d.id === id);
  if (definition === undefined) throw new CatalogueError("unknown_indicator", `Unknown indicator '${id}'`);
  const trend = indicatorTrend(evaluator, id, period, window);
  const seasonal: SeasonalSummary =
    window === "quarter"
      ? (() => {
          const s = seasonalStatement(evaluator, definition, period);
          return {
            expected: s.expected,
            in_line: s.inLine,
            departure: s.departure,
            indices: s.indices === null ? null : [...s.indices],
            years_used: s.yearsUsed.map(financialYearId),
            reason: s.reason,
            sentence: s.sentence,
          };
        })()
      : {
          expected: null,
          in_line: null,
          departure: null,
          indices: null,
          years_used: [],
          reason: "The seasonal pattern is judged on quarters only.",
          sentence: "No seasonal comparison: the seasonal pattern is judged on quarters only.",
        };
  const endsQuarter = window === "quarter" || window === "ytd" || window === "rolling12";
  return {
    indicator: id,
    period,
    window,
    trend,
    seasonal,
    judgement: endsQuarter ? judgeQuarter(evaluator, id, period, context).judgement : null,
  };
}
