import {
  buildReport,
  CatalogueError,
  checkReportingPeriod,
  type IndicatorAnalysis,
  type IndicatorSeries,
  indicatorAnalysis,
  indicatorSeries,
  type QuarterlyReport,
  reportSections,
  seriesRange,
  type TargetHistory,
} from "@kpi/catalogue";
import type { ReportIndex, TargetChange } from "@kpi/contract";
import { CoreError, type IndicatorDefinition, type Target, targetSchema, type Window } from "@kpi/core";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { targets } from "../db/schema.js";
import { ApiError } from "../errors.js";
import { latestAnalyses } from "./analysis-versions.js";
import type { EvaluationSnapshot } from "./evaluation.js";

/**
 * The definition of an indicator the organisation can see, or a 404.
 *
 * @param snapshot - the organisation's evaluation snapshot
 * @param id - the indicator id
 * @returns the definition
 * @throws ApiError `not_found` for an unknown id
 * @example
 * ```ts
 * findDefinition(snapshot, "ffd.contacts_swa_pct").title; // "Contacts resulting in …"
 * ```
 */
export function findDefinition(snapshot: EvaluationSnapshot, id: string): IndicatorDefinition {
  const definition = snapshot.evaluator.definitions().find((d) => d.id === id);
  if (definition === undefined) throw new ApiError("not_found", `Unknown indicator '${id}'`);
  return definition;
}

function parseTarget(raw: unknown): Target | null {
  if (raw === null || raw === undefined) return null;
  const value = typeof raw === "string" ? (JSON.parse(raw) as unknown) : raw;
  const parsed = targetSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Stores a target for an indicator and financial year; earlier targets are kept as history.
 *
 * @param db - the database
 * @param input - organisation, indicator, financial year, target and who sets it
 * @returns the stored change
 * @example
 * ```ts
 * await setTarget(db, { organisationId: "default", indicator: "ffd.contacts_swa_pct",
 *   financialYear: "FY2019-20", target: { value: 60 }, actor: "analyst-1" });
 * ```
 */
export async function setTarget(
  db: Db,
  input: { organisationId: string; indicator: string; financialYear: string; target: Target; actor: string },
): Promise<TargetChange> {
  const [row] = await db
    .insert(targets)
    .values({
      organisationId: input.organisationId,
      indicator: input.indicator,
      financialYear: input.financialYear,
      target: input.target,
      setBy: input.actor,
    })
    .returning();
  if (row === undefined) throw new Error("The target was not stored");
  return targetChangeOf(row);
}

/** A stored target row as the API lists its change. */
function targetChangeOf(row: typeof targets.$inferSelect): TargetChange {
  return {
    financial_year: row.financialYear,
    target: parseTarget(row.target),
    set_by: row.setBy,
    set_at: row.setAt.toISOString(),
  };
}

/**
 * Every target change of an indicator, newest first.
 *
 * @param db - the database
 * @param organisationId - the organisation
 * @param indicator - the indicator id
 * @returns the changes
 * @example
 * ```ts
 * (await targetChanges(db, "default", "ffd.contacts_swa_pct"))[0]?.target; // { value: 60 }
 * ```
 */
export async function targetChanges(
  db: Db,
  organisationId: string,
  indicator: string,
): Promise<TargetChange[]> {
  const rows = await db
    .select()
    .from(targets)
    .where(and(eq(targets.organisationId, organisationId), eq(targets.indicator, indicator)))
    .orderBy(desc(targets.setAt), desc(targets.id));
  return rows.map(targetChangeOf);
}

/**
 * The targets in force: for each indicator and financial year, the latest one set.
 *
 * @param db - the database
 * @param organisationId - the organisation
 * @param indicator - only this indicator, when given
 * @returns target histories per indicator id
 * @example
 * ```ts
 * (await currentTargets(db, "default"))["ffd.contacts_swa_pct"]?.["FY2019-20"]; // { value: 60 }
 * ```
 */
export async function currentTargets(
  db: Db,
  organisationId: string,
  indicator?: string,
): Promise<Record<string, TargetHistory>> {
  const where =
    indicator === undefined
      ? eq(targets.organisationId, organisationId)
      : and(eq(targets.organisationId, organisationId), eq(targets.indicator, indicator));
  const rows = await db.select().from(targets).where(where).orderBy(asc(targets.setAt), asc(targets.id));
  return targetsInForce(rows);
}

/**
 * Every indicator's targets in force and its latest target change, from one read of the targets.
 *
 * @param db - the database
 * @param organisationId - the organisation
 * @returns the targets in force per indicator and year, and each indicator's latest change
 * @example
 * ```ts
 * (await allTargets(db, "default")).lastChange["ffd.contacts_swa_pct"]?.set_by; // "default-analyst"
 * ```
 */
export async function allTargets(
  db: Db,
  organisationId: string,
): Promise<{ current: Record<string, TargetHistory>; lastChange: Record<string, TargetChange> }> {
  const rows = await db
    .select()
    .from(targets)
    .where(eq(targets.organisationId, organisationId))
    .orderBy(asc(targets.setAt), asc(targets.id));
  const lastChange: Record<string, TargetChange> = {};
  // Rows come oldest first, so each indicator's last row is its latest change.
  for (const row of rows) lastChange[row.indicator] = targetChangeOf(row);
  return { current: targetsInForce(rows), lastChange };
}

/**
 * Checks a financial-year id for a target (`FY2019-20`).
 *
 * @param financialYear - the id from the path
 * @returns the canonical id
 * @throws ApiError `validation_failed` with the field `financial_year`
 * @example
 * ```ts
 * checkFinancialYear("FY2019-20"); // "FY2019-20"
 * ```
 */
export function checkFinancialYear(financialYear: string): string {
  const r = checkReportingPeriod(financialYear, "year");
  if (!r.ok)
    throw new ApiError("validation_failed", "Not a financial year", {
      issues: [{ field: "financial_year", message: r.error }],
      issueCount: 1,
    });
  return r.id;
}

/**
 * Checks a report's quarter and section from the path.
 *
 * @param period - a quarter id
 * @param section - a section id, when the route names one
 * @returns the canonical quarter id
 * @throws ApiError `validation_failed` for a bad quarter, `not_found` for an unknown section
 * @example
 * ```ts
 * checkReportPath("FY2019-20-Q2", "ffd"); // "FY2019-20-Q2"
 * ```
 */
export function checkReportPath(period: string, section?: string): string {
  const r = checkReportingPeriod(period, "quarter");
  if (!r.ok)
    throw new ApiError("validation_failed", "A report is for a quarter", {
      issues: [{ field: "period", message: r.error }],
      issueCount: 1,
    });
  if (section !== undefined && !reportSections.some((s) => s.id === section))
    throw new ApiError(
      "not_found",
      `Unknown section '${section}'; sections are ${reportSections.map((s) => s.id).join(", ")}`,
    );
  return r.id;
}

/**
 * An indicator's values for a range of periods, with the organisation's targets and benchmarks.
 *
 * @param db - the database (for targets)
 * @param snapshot - the organisation's evaluation snapshot
 * @param id - the indicator
 * @param query - `from`, `to`, `window`, `by`
 * @returns the series
 * @throws ApiError `not_found` for an unknown indicator, `validation_failed` for a bad period or breakdown
 * @example
 * ```ts
 * await indicatorValues(db, snapshot, "ffd.contacts_swa_pct", { window: "quarter" });
 * ```
 */
export async function indicatorValues(
  db: Db,
  snapshot: EvaluationSnapshot,
  id: string,
  query: { from?: string | undefined; to?: string | undefined; window: Window; by?: string | undefined },
): Promise<IndicatorSeries> {
  const definition = findDefinition(snapshot, id);
  const range = seriesRange(query, snapshot.evaluator.latestQuarterWithData());
  if (!range.ok)
    throw new ApiError("validation_failed", "The period range is not valid", {
      issues: range.issues,
      issueCount: range.issues.length,
    });
  if (query.by !== undefined && !definition.breakdowns.includes(query.by)) {
    const listed = definition.breakdowns.length === 0 ? "none" : definition.breakdowns.join(", ");
    throw new ApiError("validation_failed", "The indicator cannot be broken down by this field", {
      issues: [{ field: "by", message: `'${query.by}' is not a breakdown of ${id} (breakdowns: ${listed})` }],
      issueCount: 1,
    });
  }
  const history = (await currentTargets(db, snapshot.organisationId, id))[id];
  try {
    return indicatorSeries(snapshot.evaluator, id, {
      ...query,
      targets: history,
      benchmarks: snapshot.benchmarks,
    });
  } catch (error) {
    throw mapCatalogueError(error);
  }
}

/**
 * One indicator's definition with its targets and its trend and seasonal statement at the latest
 * quarter with data (or the given period and window).
 *
 * @param db - the database (for targets)
 * @param snapshot - the organisation's evaluation snapshot
 * @param id - the indicator
 * @param query - optional `period` and `window` for the analysis
 * @returns definition, current targets, target history and analysis (`null` without data)
 * @example
 * ```ts
 * (await indicatorDetail(db, snapshot, "ffd.contacts_swa_pct", {})).analysis?.trend.direction;
 * ```
 */
export async function indicatorDetail(
  db: Db,
  snapshot: EvaluationSnapshot,
  id: string,
  query: { period?: string | undefined; window?: Window | undefined },
): Promise<{
  definition: IndicatorDefinition;
  targets: TargetHistory;
  target_history: TargetChange[];
  analysis: IndicatorAnalysis | null;
}> {
  const definition = findDefinition(snapshot, id);
  const window = query.window ?? "quarter";
  const range = seriesRange({ to: query.period, window }, snapshot.evaluator.latestQuarterWithData());
  if (!range.ok)
    throw new ApiError("validation_failed", "The period is not valid", {
      issues: range.issues.map((i) => ({ field: "period", message: i.message })),
      issueCount: range.issues.length,
    });
  const period = range.periods.at(-1);
  const [current, history] = await Promise.all([
    currentTargets(db, snapshot.organisationId),
    targetChanges(db, snapshot.organisationId, id),
  ]);
  let analysis: IndicatorAnalysis | null = null;
  try {
    // The judgement weighs every target (a complementary partner's too) and the benchmarks, as the report does.
    if (period !== undefined)
      analysis = indicatorAnalysis(snapshot.evaluator, id, period, window, {
        targets: current,
        benchmarks: snapshot.benchmarks,
      });
  } catch (error) {
    throw mapCatalogueError(error);
  }
  return { definition, targets: current[id] ?? {}, target_history: history, analysis };
}

/**
 * The whole quarterly report: figures from the snapshot, targets in force and the latest stored
 * analysis of each section (drafted where there is none).
 *
 * @param db - the database
 * @param snapshot - the organisation's evaluation snapshot
 * @param period - a quarter id (checked with {@link checkReportPath})
 * @param cache - where reports built from the same inputs are kept and reused (decision 110); none
 *   when absent
 * @returns the report
 * @example
 * ```ts
 * (await quarterlyReport(db, snapshot, "FY2019-20-Q2")).sections[0]?.id; // "ffd"
 * ```
 */
export async function quarterlyReport(
  db: Db,
  snapshot: EvaluationSnapshot,
  period: string,
  cache?: ReportCache,
): Promise<QuarterlyReport> {
  const [latest, targetRows] = await Promise.all([
    latestAnalyses(db, snapshot.organisationId, period),
    db
      .select()
      .from(targets)
      .where(eq(targets.organisationId, snapshot.organisationId))
      .orderBy(asc(targets.setAt), asc(targets.id)),
  ]);
  // Analyses, their approvals and targets are insert-only, so their row count and largest id identify
  // their content; the snapshot identifies the records. A report built from the same inputs is reused
  // (decision 110).
  const key = reportCacheKey(
    period,
    latest.versions,
    { count: targetRows.length, maxId: maxId(targetRows) },
    latest.approvals,
  );
  const cached = cache?.get(snapshot, key);
  if (cached !== undefined) return cached;
  let report: QuarterlyReport;
  try {
    report = buildReport(snapshot.evaluator, period, {
      targets: targetsInForce(targetRows),
      benchmarks: snapshot.benchmarks,
      analyses: latest.stored,
    });
  } catch (error) {
    throw mapCatalogueError(error);
  }
  cache?.set(snapshot, key, report);
  return report;
}

/** What identifies an insert-only table's rows for one report: how many there are and the largest id. */
export interface InsertOnlyState {
  /** Number of rows. */
  readonly count: number;
  /** Largest id (0 without rows). */
  readonly maxId: number;
}

/**
 * The key a built report is cached under within its snapshot (decision 110): the quarter, and the
 * state of the quarter's analyses, of the organisation's targets and of the quarter's approvals.
 *
 * @param period - the quarter id
 * @param analyses - the quarter's analyses (all sections)
 * @param targets - the organisation's targets (all indicators and years)
 * @param approvals - the quarter's analysis approvals
 * @returns the key
 * @example
 * ```ts
 * reportCacheKey("FY2019-20-Q2", { count: 2, maxId: 7 }, { count: 0, maxId: 0 }, { count: 1, maxId: 3 }); // "FY2019-20-Q2|2:7|0:0|1:3"
 * ```
 */
export function reportCacheKey(
  period: string,
  analyses: InsertOnlyState,
  targets: InsertOnlyState,
  approvals: InsertOnlyState,
): string {
  return `${period}|${analyses.count}:${analyses.maxId}|${targets.count}:${targets.maxId}|${approvals.count}:${approvals.maxId}`;
}

/**
 * Reports built per snapshot (decision 110), owned by the report service: a snapshot's reports are
 * dropped with it when the organisation's data version moves, and at most `maxPerSnapshot` are kept
 * per snapshot (quarters × analysis/target states), the oldest dropped first.
 */
export interface ReportCache {
  /** A report already built from this snapshot for these inputs ({@link reportCacheKey}), if any. */
  get(snapshot: EvaluationSnapshot, key: string): QuarterlyReport | undefined;
  /** Keeps a built report. */
  set(snapshot: EvaluationSnapshot, key: string, report: QuarterlyReport): void;
}

/**
 * Makes an empty {@link ReportCache}.
 *
 * @param maxPerSnapshot - most reports kept per snapshot (32 by default)
 * @returns the cache
 * @example
 * ```ts
 * const cache = createReportCache();
 * await quarterlyReport(db, snapshot, "FY2019-20-Q2", cache); // built
 * await quarterlyReport(db, snapshot, "FY2019-20-Q2", cache); // the same object, from the cache
 * ```
 */
export function createReportCache(maxPerSnapshot = 32): ReportCache {
  const bySnapshot = new WeakMap<EvaluationSnapshot, Map<string, QuarterlyReport>>();
  return {
    get(snapshot, key) {
      return bySnapshot.get(snapshot)?.get(key);
    },
    set(snapshot, key, report) {
      let reports = bySnapshot.get(snapshot);
      if (reports === undefined) {
        reports = new Map();
        bySnapshot.set(snapshot, reports);
      }
      reports.set(key, report);
      while (reports.size > maxPerSnapshot) {
        const oldest = reports.keys().next().value;
        if (oldest === undefined) break;
        reports.delete(oldest);
      }
    },
  };
}

function maxId(rows: readonly { id: number }[]): number {
  let max = 0;
  for (const row of rows) if (row.id > max) max = row.id;
  return max;
}

function targetsInForce(rows: readonly (typeof targets.$inferSelect)[]): Record<string, TargetHistory> {
  const out: Record<string, TargetHistory> = {};
  for (const row of rows) {
    const history = out[row.indicator] ?? {};
    history[row.financialYear] = parseTarget(row.target);
    out[row.indicator] = history;
  }
  return out;
}

function mapCatalogueError(error: unknown): unknown {
  if (error instanceof CoreError && error.code === "invalid_period")
    return new ApiError("validation_failed", error.message, {
      issues: [{ field: "period", message: error.message }],
      issueCount: 1,
    });
  if (!(error instanceof CatalogueError)) return error;
  if (error.code === "unknown_indicator") return new ApiError("not_found", error.message);
  const field = error.code === "invalid_breakdown" ? "by" : "period";
  return new ApiError("validation_failed", error.message, {
    issues: [{ field, message: error.message }],
    issueCount: 1,
  });
}

/**
 * What `GET /v1/reports` answers: the report's sections (the catalogue's, in order) and the latest
 * quarter the organisation's data covers.
 *
 * @param snapshot - the organisation's evaluation snapshot
 * @returns `{ latest_quarter, sections }`
 * @example
 * ```ts
 * const { latest_quarter } = reportIndex(await app.evaluation.snapshot("demo-la"));
 * ```
 */
export function reportIndex(snapshot: EvaluationSnapshot): ReportIndex {
  return {
    latest_quarter: snapshot.evaluator.latestQuarterWithData(),
    sections: reportSections.map(({ id, title }) => ({ id, title })),
  };
}
