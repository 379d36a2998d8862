import { createHash } from "node:crypto";
import type { QuarterlyReport } from "@kpi/catalogue";
import { quarterlyReportSchema } from "@kpi/contract";
import { sql } from "drizzle-orm";
import { serializerCompiler } from "fastify-type-provider-zod";
import { type Db, queryRows } from "../db/database.js";
import { type CoalescedReads, createCoalescedReads } from "./coalesced-reads.js";
import type { EvaluationService, EvaluationSnapshot } from "./evaluation.js";
import type { IngestionEvents } from "./ingestion-events.js";
import { createReportCache, quarterlyReport, reportCacheKey } from "./reporting.js";

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

/** Options of {@link createReportService}. */
export interface ReportServiceOptions {
  readonly db: Db;
  /** The app's evaluation service (the snapshots reports are built from). */
  readonly evaluation: EvaluationService;
  /**
   * Quiet time after an organisation's last batch before its latest report is built in the
   * background (`KPI_REPORT_WARMUP_MS`, decision 118; 1,000 ms by default); 0 turns warming off.
   */
  readonly warmupMs?: number;
  /** Called when a background warm-up ends: the quarter warmed, `null` without data, or the error it met. */
  readonly onWarmupSettled?: (organisationId: string, outcome: WarmupOutcome) => void;
}

/** How a warm-up ended: the quarter warmed (`null`: no dated records), or the error it met. */
export type WarmupOutcome = { period: string | null } | { error: unknown };

/**
 * The quarterly reports of an app's organisations, with the caches they are served from: reports
 * built per snapshot and inputs (decision 110), their serialised bytes and ETag (decision 114), and
 * one shared read of a report's inputs among concurrent requests. It warms an organisation's latest
 * report in the background once its batches settle (decision 118), by listening to the ingestion
 * service's events ({@link ReportService.listenTo}). Everything it holds is its own: two apps in one
 * process share nothing.
 */
export interface ReportService {
  /**
   * The quarterly report of an organisation as bytes to send, with its ETag. One query reads the data
   * version and the state of the quarter's analyses and of the targets (shared by the requests for
   * the same report that arrive while the previous such query runs: each still sees a read begun
   * after it arrived, so a batch, target or analysis acknowledged before the request is in it); when a
   * report was already built and serialised for exactly those inputs, its bytes are returned as they
   * are. Otherwise the report is built (or taken from the per-snapshot cache) and serialised once.
   */
  response(organisationId: string, period: string): Promise<ReportResponse>;
  /** A report already built from this snapshot for these inputs, without touching the database. */
  cached(snapshot: EvaluationSnapshot, key: string): QuarterlyReport | undefined;
  /**
   * Builds and serialises the report of an organisation's latest quarter with data, as the first
   * request after a batch would. An ordinary read: cached under the data version it read first, so a
   * batch committed while it runs makes the next request rebuild, never serve it stale.
   *
   * @returns the quarter warmed, or `null` when the organisation has no dated records
   */
  warmLatest(organisationId: string): Promise<string | null>;
  /**
   * Warms the organisation's latest report after `delayMs` (the service's warm-up delay by default)
   * unless called again first: a burst warms once, after the last call. The timer does not keep the
   * process alive; a failure goes to `onSettled` only (the next request builds the report itself).
   */
  scheduleWarmup(
    organisationId: string,
    options?: { delayMs?: number; onSettled?: (outcome: WarmupOutcome) => void },
  ): void;
  /** Cancels the organisation's pending warm-up; a warm-up already running finishes. */
  cancelWarmup(organisationId: string): boolean;
  /**
   * Listens to an ingestion service: a batch's start cancels its organisation's pending warm-up; the
   * end of its last batch in progress, when one of them committed, schedules one. So a nightly load of
   * many datasets warms once, after its last batch, and no warm-up competes with its ingestion.
   *
   * @returns a function that stops listening
   */
  listenTo(events: IngestionEvents): () => void;
  /** Cancels every pending warm-up (the app is closing). */
  close(): void;
}

/**
 * Makes an app's report service.
 *
 * @param options - the store, the evaluation service and the warm-up delay
 * @returns the service
 * @example
 * ```ts
 * const reports = createReportService({ db, evaluation });
 * const { body, etag } = await reports.response("default", "FY2019-20-Q2");
 * reply.header("etag", etag).type("application/json; charset=utf-8").send(body);
 * ```
 */
export function createReportService(options: ReportServiceOptions): ReportService {
  const { db, evaluation } = options;
  const warmupMs = options.warmupMs ?? 1_000;
  const reports = createReportCache();
  /** Serialised bodies, held as long as the built report they were made from (decision 114). */
  const responses = new WeakMap<QuarterlyReport, ReportResponse>();
  /** Concurrent requests for one report share one read of its inputs (never one begun before they asked). */
  const inputReads: CoalescedReads<ReportInputs> = createCoalescedReads<ReportInputs>();
  /** Pending warm-ups per organisation (one timer each: a burst warms once). */
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Batches in progress per organisation, and whether one of them committed since the last warm-up. */
  const inProgress = new Map<string, number>();
  const committed = new Set<string>();

  const service: ReportService = {
    async response(organisationId, period) {
      const inputs = await inputReads.read(`${organisationId}\u0000${period}`, () =>
        readReportInputs(db, organisationId, period),
      );
      const snapshot = await evaluation.snapshot(organisationId, Number(inputs.version));
      const key = reportCacheKey(
        period,
        { count: inputs.analyses_count, maxId: Number(inputs.analyses_max) },
        { count: inputs.targets_count, maxId: Number(inputs.targets_max) },
        { count: inputs.approvals_count, maxId: Number(inputs.approvals_max) },
      );
      const report = reports.get(snapshot, key) ?? (await quarterlyReport(db, snapshot, period, reports));
      let response = responses.get(report);
      if (response === undefined) {
        const body = Buffer.from(serialise(report), "utf8");
        const etag = `"${createHash("sha256").update(body).digest("base64url")}"`;
        response = { body, etag };
        responses.set(report, response);
      }
      return response;
    },
    cached(snapshot, key) {
      return reports.get(snapshot, key);
    },
    async warmLatest(organisationId) {
      const snapshot = await evaluation.snapshot(organisationId);
      const period = snapshot.evaluator.latestQuarterWithData();
      if (period === null) return null;
      await service.response(organisationId, period);
      return period;
    },
    scheduleWarmup(organisationId, schedule = {}) {
      const earlier = pending.get(organisationId);
      if (earlier !== undefined) clearTimeout(earlier);
      const timer = setTimeout(() => {
        if (pending.get(organisationId) === timer) pending.delete(organisationId);
        const settled = (outcome: WarmupOutcome) => {
          schedule.onSettled?.(outcome);
          options.onWarmupSettled?.(organisationId, outcome);
        };
        service.warmLatest(organisationId).then(
          (period) => settled({ period }),
          (error: unknown) => settled({ error }),
        );
      }, schedule.delayMs ?? warmupMs);
      timer.unref();
      pending.set(organisationId, timer);
    },
    cancelWarmup(organisationId) {
      const timer = pending.get(organisationId);
      if (timer === undefined) return false;
      clearTimeout(timer);
      pending.delete(organisationId);
      return true;
    },
    listenTo(events) {
      const stops = [
        events.on("batchStarted", ({ organisationId }) => {
          inProgress.set(organisationId, (inProgress.get(organisationId) ?? 0) + 1);
          service.cancelWarmup(organisationId);
        }),
        events.on("batchCommitted", ({ organisationId }) => {
          committed.add(organisationId);
        }),
        events.on("batchEnded", ({ organisationId }) => {
          const left = (inProgress.get(organisationId) ?? 1) - 1;
          if (left > 0) {
            inProgress.set(organisationId, left);
            return;
          }
          inProgress.delete(organisationId);
          if (!committed.delete(organisationId) || warmupMs === 0) return;
          service.scheduleWarmup(organisationId);
        }),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
    close() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
  return service;
}
