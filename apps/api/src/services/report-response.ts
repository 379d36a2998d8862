import { createHash } from "node:crypto";
import type { QuarterlyReport } from "@kpi/catalogue";
import { quarterlyReportSchema } from "@kpi/contract";
import { sql } from "drizzle-orm";
import { serializerCompiler } from "fastify-type-provider-zod";
import { type Db, queryRows } from "../db/database.js";
import { type CoalescedReads, createCoalescedReads } from "./coalesced-reads.js";
import { evaluationServiceFor } from "./evaluation.js";
import { cachedQuarterlyReport, quarterlyReport, reportCacheKey } from "./reporting.js";

/** A quarterly report ready to send: its JSON bytes and a strong entity tag for them. */
export interface ReportResponse {
  /** The UTF-8 JSON body, exactly as the route's response schema serialises the report. */
  readonly body: Buffer;
  /** A strong ETag (quoted): a hash of the body, so any change to the body changes it. */
  readonly etag: string;
}

/**
 * The serialiser Fastify compiles for the route's 200 response (zod encode, then `JSON.stringify`):
 * calling the same compiler keeps the cached bytes identical to what the route sent before them.
 */
const serialise = serializerCompiler({
  schema: quarterlyReportSchema,
  method: "GET",
  url: "/v1/reports/:period",
  httpStatus: "200",
});

/** Serialised bodies, held as long as the built report they were made from (decision 114). */
const responses = new WeakMap<QuarterlyReport, ReportResponse>();

interface ReportInputs extends Record<string, unknown> {
  version: number | string;
  analyses_count: number;
  analyses_max: number | string;
  targets_count: number;
  targets_max: number | string;
  approvals_count: number;
  approvals_max: number | string;
}

/** One round trip: the data version and the state of the quarter's analyses, approvals and the targets. */
async function readReportInputs(db: Db, organisationId: string, period: string): Promise<ReportInputs> {
  const [row] = await queryRows<ReportInputs>(
    db,
    sql`SELECT
      coalesce((SELECT version FROM data_versions WHERE organisation_id = ${organisationId}), 0) AS version,
      a.n AS analyses_count, a.m AS analyses_max, t.n AS targets_count, t.m AS targets_max,
      p.n AS approvals_count, p.m AS approvals_max
      FROM (SELECT count(*)::int AS n, coalesce(max(id), 0) AS m FROM analyses
              WHERE organisation_id = ${organisationId} AND period = ${period}) AS a,
           (SELECT count(*)::int AS n, coalesce(max(id), 0) AS m FROM targets
              WHERE organisation_id = ${organisationId}) AS t,
           (SELECT count(*)::int AS n, coalesce(max(id), 0) AS m FROM analysis_approvals
              WHERE organisation_id = ${organisationId} AND period = ${period}) AS p`,
  );
  if (row === undefined) throw new Error("The report inputs query returned no row");
  return row;
}

/** Concurrent requests for one report share one read of its inputs (never one begun before they asked). */
const inputReads = new WeakMap<Db, CoalescedReads<ReportInputs>>();

function readsOf(db: Db): CoalescedReads<ReportInputs> {
  let reads = inputReads.get(db);
  if (reads === undefined) {
    reads = createCoalescedReads<ReportInputs>();
    inputReads.set(db, reads);
  }
  return reads;
}

/**
 * The quarterly report of an organisation as bytes to send, with its ETag. One query reads the data
 * version and the state of the quarter's analyses and of the targets (shared by the requests for the
 * same report that arrive while the previous such query runs: each still sees a read begun after it
 * arrived, so a batch, target or analysis acknowledged before the request is in it); when a report was already built
 * and serialised for exactly those inputs, its bytes are returned as they are. Otherwise the report is
 * built (or taken from the per-snapshot cache of decision 110) and serialised once.
 *
 * @param db - the database
 * @param organisationId - the caller's organisation
 * @param period - a quarter id (checked with `checkReportPath`)
 * @returns the body and its ETag
 * @example
 * ```ts
 * const { body, etag } = await quarterlyReportResponse(db, "default", "FY2019-20-Q2");
 * reply.header("etag", etag).type("application/json; charset=utf-8").send(body);
 * ```
 */
export async function quarterlyReportResponse(
  db: Db,
  organisationId: string,
  period: string,
): Promise<ReportResponse> {
  const inputs = await readsOf(db).read(`${organisationId}\u0000${period}`, () =>
    readReportInputs(db, organisationId, period),
  );
  const snapshot = await evaluationServiceFor(db).snapshot(organisationId, Number(inputs.version));
  const key = reportCacheKey(
    period,
    { count: inputs.analyses_count, maxId: Number(inputs.analyses_max) },
    { count: inputs.targets_count, maxId: Number(inputs.targets_max) },
    { count: inputs.approvals_count, maxId: Number(inputs.approvals_max) },
  );
  const report = cachedQuarterlyReport(snapshot, key) ?? (await quarterlyReport(db, snapshot, period));
  let response = responses.get(report);
  if (response === undefined) {
    const body = Buffer.from(serialise(report), "utf8");
    const etag = `"${createHash("sha256").update(body).digest("base64url")}"`;
    response = { body, etag };
    responses.set(report, response);
  }
  return response;
}

/**
 * Builds and serialises the report of an organisation's latest quarter with data, as the first
 * `GET /v1/reports/{period}` after a batch would, so that request finds it ready. It is an ordinary
 * read: it reads the data version first and caches the result under that version (decision 080), so
 * a batch committed while it runs makes the next request rebuild, never serve it stale.
 *
 * @param db - the database
 * @param organisationId - the organisation whose data changed
 * @returns the quarter warmed, or `null` when the organisation has no dated records
 * @example
 * ```ts
 * await warmLatestReport(db, "default"); // "FY2019-20-Q2"
 * ```
 */
export async function warmLatestReport(db: Db, organisationId: string): Promise<string | null> {
  const snapshot = await evaluationServiceFor(db).snapshot(organisationId);
  const period = snapshot.evaluator.latestQuarterWithData();
  if (period === null) return null;
  await quarterlyReportResponse(db, organisationId, period);
  return period;
}

/** Options of {@link scheduleReportWarming}. */
export interface ReportWarmingOptions {
  /** Quiet time after the last batch of a burst before warming starts (default 1,000 ms). */
  readonly delayMs?: number;
  /** Called when the warm-up ends: the quarter warmed, `null` without data, or the error it met. */
  readonly onSettled?: (outcome: { period: string | null } | { error: unknown }) => void;
}

/** Pending warm-ups per database, then per organisation (one timer each: a burst warms once). */
const pendingWarmups = new WeakMap<Db, Map<string, ReturnType<typeof setTimeout>>>();

/**
 * Warms the organisation's latest report in the background once its batches have settled
 * ({@link warmLatestReport}, decision 118): call it after a batch's response is sent. Each call
 * restarts the organisation's timer, so a burst of batches warms once, after the last. The timer does
 * not keep the process alive, and a failure (the store closing, say) is reported to `onSettled` only:
 * the next request simply builds the report itself.
 *
 * @param db - the database
 * @param organisationId - the organisation whose data changed
 * @param options - the quiet time and a callback for tests
 * @returns nothing; the work happens later
 * @example
 * ```ts
 * reply.send(result);
 * scheduleReportWarming(app.database.db, organisationId);
 * ```
 */
export function scheduleReportWarming(
  db: Db,
  organisationId: string,
  options: ReportWarmingOptions = {},
): void {
  let pending = pendingWarmups.get(db);
  if (pending === undefined) {
    pending = new Map();
    pendingWarmups.set(db, pending);
  }
  const earlier = pending.get(organisationId);
  if (earlier !== undefined) clearTimeout(earlier);
  const timer = setTimeout(() => {
    if (pending.get(organisationId) === timer) pending.delete(organisationId);
    warmLatestReport(db, organisationId).then(
      (period) => options.onSettled?.({ period }),
      (error: unknown) => options.onSettled?.({ error }),
    );
  }, options.delayMs ?? 1_000);
  timer.unref();
  pending.set(organisationId, timer);
}

/**
 * Cancels the organisation's pending warm-up, if any: called when a batch starts, so a warm-up never
 * competes with the organisation's own ingestion (a nightly load of many datasets warms once, after
 * its last batch). A warm-up already running finishes.
 *
 * @param db - the database
 * @param organisationId - the organisation whose batch is starting
 * @returns whether a pending warm-up was cancelled
 * @example
 * ```ts
 * cancelReportWarming(app.database.db, caller.organisationId);
 * ```
 */
export function cancelReportWarming(db: Db, organisationId: string): boolean {
  const pending = pendingWarmups.get(db);
  const timer = pending?.get(organisationId);
  if (timer === undefined) return false;
  clearTimeout(timer);
  pending?.delete(organisationId);
  return true;
}

/** What {@link createBatchWarmups} needs. */
export interface BatchWarmupOptions {
  /** Quiet time after the organisation's last batch (`KPI_REPORT_WARMUP_MS`); 0 turns warming off. */
  readonly delayMs: number;
  /** Passed on to {@link scheduleReportWarming}. */
  readonly onSettled?: ReportWarmingOptions["onSettled"];
}

/**
 * The records routes' side of the warm-up (decision 118): they report when a batch (or a delete)
 * starts and ends. A start cancels the organisation's pending warm-up; the end of its last batch in
 * progress, when data changed, schedules one. So a nightly load of many datasets warms once, after
 * its last batch, and no warm-up competes with the organisation's own ingestion.
 *
 * @param db - the database
 * @param options - the quiet time and a callback for the outcome
 * @returns `started(organisationId)` and `ended(organisationId, changed)`
 * @example
 * ```ts
 * const warmups = createBatchWarmups(app.database.db, { delayMs: app.config.reportWarmupMs ?? 1000 });
 * warmups.started(caller.organisationId);
 * // … ingest …
 * warmups.ended(caller.organisationId, true);
 * ```
 */
export function createBatchWarmups(
  db: Db,
  options: BatchWarmupOptions,
): { started(organisationId: string): void; ended(organisationId: string, changed: boolean): void } {
  const inProgress = new Map<string, number>();
  return {
    started(organisationId) {
      inProgress.set(organisationId, (inProgress.get(organisationId) ?? 0) + 1);
      cancelReportWarming(db, organisationId);
    },
    ended(organisationId, changed) {
      const left = (inProgress.get(organisationId) ?? 1) - 1;
      if (left > 0) inProgress.set(organisationId, left);
      else inProgress.delete(organisationId);
      if (!changed || left > 0 || options.delayMs === 0) return;
      scheduleReportWarming(db, organisationId, {
        delayMs: options.delayMs,
        ...(options.onSettled === undefined ? {} : { onSettled: options.onSettled }),
      });
    },
  };
}
