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
}

/** One round trip: the data version and the state of the quarter's analyses and the targets. */
async function readReportInputs(db: Db, organisationId: string, period: string): Promise<ReportInputs> {
  const [row] = await queryRows<ReportInputs>(
    db,
    sql`SELECT
      coalesce((SELECT version FROM data_versions WHERE organisation_id = ${organisationId}), 0) AS version,
      a.n AS analyses_count, a.m AS analyses_max, t.n AS targets_count, t.m AS targets_max
      FROM (SELECT count(*)::int AS n, coalesce(max(id), 0) AS m FROM analyses
              WHERE organisation_id = ${organisationId} AND period = ${period}) AS a,
           (SELECT count(*)::int AS n, coalesce(max(id), 0) AS m FROM targets
              WHERE organisation_id = ${organisationId}) AS t`,
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
