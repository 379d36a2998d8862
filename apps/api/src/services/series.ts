import { citedSources, indicatorSeries, seriesRange } from "@kpi/catalogue";
import type { SeriesSet } from "@kpi/contract";
import type { Window } from "@kpi/core";
import type { Db } from "../db/database.js";
import { ApiError } from "../errors.js";
import type { EvaluationSnapshot } from "./evaluation.js";
import { currentTargets } from "./reporting.js";

/**
 * Every indicator's values over one range of periods, in one answer: the same catalogue function,
 * targets in force and benchmarks as `GET /v1/indicators/{id}/values` (`indicatorValues`), so a figure
 * here cannot differ from the single-indicator route. Targets are read once for all indicators.
 *
 * @param db - the database (for targets)
 * @param snapshot - the organisation's evaluation snapshot
 * @param query - `from`, `to` (default: the latest period with data) and `window`
 * @returns the window and, per indicator (catalogue order, then local ones), its values oldest first,
 *   with the sources they cite listed once
 * @throws ApiError `validation_failed` for a bad period or range (fields `from`/`to`)
 * @example
 * ```ts
 * const set = await indicatorSeriesSet(db, snapshot, { from: "FY2018-19-Q3", to: "FY2019-20-Q2", window: "quarter" });
 * set.indicators[0]?.values.length; // 8
 * ```
 */
export async function indicatorSeriesSet(
  db: Db,
  snapshot: EvaluationSnapshot,
  query: { from?: string | undefined; to?: string | undefined; window: Window },
): Promise<SeriesSet> {
  const range = seriesRange(query, snapshot.evaluator.latestQuarterWithData());
  if (!range.ok)
    throw new ApiError("validation_failed", "The period range is not valid", {
      issues: range.issues,
      issueCount: range.issues.length,
    });
  const targets = await currentTargets(db, snapshot.organisationId);
  const indicators = snapshot.evaluator.definitions().map((definition) => {
    const series = indicatorSeries(snapshot.evaluator, definition.id, {
      ...query,
      targets: targets[definition.id],
      benchmarks: snapshot.benchmarks,
    });
    return { indicator: series.indicator, values: series.values };
  });
  const sources = citedSources(
    snapshot.evaluator,
    indicators.flatMap((i) => i.values),
  );
  return { window: query.window, indicators, sources };
}
