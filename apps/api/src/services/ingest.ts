import { createHash, randomUUID } from "node:crypto";
import {
  createBatchValidator,
  createCoverageInference,
  csvRecords,
  type DatasetName,
  type DateSpan,
  datasets,
  recordKey,
} from "@kpi/catalogue";
import type { BatchResult } from "@kpi/contract";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../db/database.js";
import { batches, idempotency } from "../db/schema.js";
import { ApiError, type Issue } from "../errors.js";
import type { BodyFormat } from "./body-format.js";
import { lockDatasetForReplace } from "./dataset-lock.js";
import { jsonRecords } from "./json-records.js";
import { ndjsonRecords } from "./ndjson-records.js";
import { bumpDataVersion } from "./organisations.js";
import { pseudonymiseRecord } from "./pseudonym.js";
import { decodeUtf8, meterBody } from "./request-body.js";
import type { Caller } from "./roles.js";
import {
  type CoverageDeclaration,
  checkDeclaration,
  laterEndGuardSql,
  recordBatchSource,
  replaceSpan,
  withinSpanSql,
} from "./sources.js";

/**
 * `upsert` never deletes; `replace` makes the batch the dataset's whole content, or with a declared
 * coverage its content within that coverage.
 */
export type IngestMode = "upsert" | "replace";

/** The outcome of {@link ingestBatch}: the counts, and whether they were replayed for a retry. */
export interface IngestOutcome {
  readonly result: BatchResult;
  /** True when an `Idempotency-Key` retry returned the first result and wrote nothing. */
  readonly replayed: boolean;
}

/** One batch to ingest. */
export interface IngestRequest {
  readonly caller: Caller;
  readonly dataset: DatasetName;
  readonly mode: IngestMode;
  readonly format: BodyFormat;
  /** The raw request body. */
  readonly body: AsyncIterable<Buffer | string>;
  /** The `Idempotency-Key` header, if sent. */
  readonly idempotencyKey?: string;
  /** What the batch's records are complete for, when the post declares it. */
  readonly declaration?: CoverageDeclaration;
}

/** What ingestion needs from the app. */
export interface IngestDeps {
  readonly db: Db;
  readonly pseudonymKey: string;
  readonly maxBodyBytes: number;
  /** Rows per upsert into the store (default {@link defaultChunkSize}). */
  readonly chunkSize?: number;
  /** Longest pause between two pieces of the body, in ms (then `408 request_timeout`); none if absent. */
  readonly bodyIdleMs?: number;
  /**
   * Runs the function that opens the batch's transaction when the app allows one more (the batch
   * admission's transaction slots); at once if absent.
   */
  readonly withTransactionSlot?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Rows per upsert unless {@link IngestDeps.chunkSize} says otherwise (decision 116). */
export const defaultChunkSize = 2000;

/** The largest number of issues listed in a 422 (the total is in `issue_count`). */
export const maxListedIssues = 1000;

/**
 * Thrown inside a transaction by {@link writeRows} when a batch is invalid, so the transaction rolls
 * back; the caller throws its `apiError` once outside.
 *
 * @example
 * ```ts
 * try { await db.transaction((tx) => writeRows(tx, deps, request)); }
 * catch (e) { if (e instanceof BatchRejected) throw e.apiError; throw e; }
 * ```
 */
export class BatchRejected extends Error {
  /**
   * @param apiError - the `validation_failed` error for the client
   */
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

class IdempotencyRace extends Error {}

function hasUnstorableText(value: unknown): boolean {
  // The cheap test (any NUL or surrogate code unit) rules out nearly every string; only a string with
  // surrogates pays for the exact test for unpaired ones.
  if (typeof value === "string")
    return /[\0\uD800-\uDFFF]/.test(value) && (value.includes("\u0000") || /\p{Cs}/u.test(value));
  if (Array.isArray(value)) return value.some(hasUnstorableText);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasUnstorableText);
  return false;
}

function rows(format: BodyFormat, bytes: AsyncIterable<Buffer>): AsyncIterable<unknown> {
  switch (format) {
    case "json":
      return jsonRecords(decodeUtf8(bytes));
    case "ndjson":
      return ndjsonRecords(decodeUtf8(bytes));
    case "csv":
      return csvRows(bytes);
  }
}

async function* csvRows(bytes: AsyncIterable<Buffer>): AsyncGenerator<unknown> {
  // The CSV reader reports any failure of its source as a format error; keep the source's own error
  // (body too large, body cut off) so the client hears the real reason.
  let sourceError: unknown;
  async function* source(): AsyncGenerator<Buffer> {
    try {
      yield* bytes;
    } catch (error) {
      sourceError = error;
      throw error;
    }
  }
  try {
    yield* csvRecords(source());
  } catch (error) {
    if (sourceError !== undefined) throw sourceError;
    if (error instanceof ApiError) throw error;
    if (error instanceof Error && error.name === "CsvFormatError") {
      throw new ApiError("malformed_body", `Malformed CSV, ${error.message}`);
    }
    throw error;
  }
}

function idle(deps: Pick<IngestDeps, "bodyIdleMs">): { idleMs?: number } {
  return deps.bodyIdleMs === undefined ? {} : { idleMs: deps.bodyIdleMs };
}

function requestHash(request: IngestRequest): ReturnType<typeof createHash> {
  // A declaration is part of the request (so a retry must repeat it); without one the hash is as it
  // was before declarations existed, so stored keys still match.
  const declared = request.declaration === undefined ? "" : `${JSON.stringify(request.declaration)}\n`;
  return createHash("sha256").update(`${request.dataset}\n${request.mode}\n${request.format}\n${declared}`);
}

async function storedResponse(
  db: Db,
  organisationId: string,
  key: string,
): Promise<{ requestSha256: string; response: unknown } | undefined> {
  const [row] = await db
    .select({ requestSha256: idempotency.requestSha256, response: idempotency.response })
    .from(idempotency)
    .where(and(eq(idempotency.organisationId, organisationId), eq(idempotency.key, key)));
  return row;
}

async function replay(
  deps: IngestDeps,
  request: IngestRequest,
  stored: { requestSha256: string; response: unknown },
  digest?: string,
): Promise<IngestOutcome> {
  let sha = digest;
  if (sha === undefined) {
    const hash = requestHash(request);
    for await (const _chunk of meterBody(request.body, { limit: deps.maxBodyBytes, hash, ...idle(deps) })) {
      // Only the hash of the body is needed.
    }
    sha = hash.digest("hex");
  }
  if (sha !== stored.requestSha256) {
    throw new ApiError(
      "idempotency_key_reused",
      "This Idempotency-Key was used with a different request; use a new key for a new batch",
    );
  }
  // Responses stored before batches recorded their coverage have none.
  const response = stored.response as BatchResult;
  return { result: { ...response, coverage: response.coverage ?? null }, replayed: true };
}

/** What one chunk changed in `records`. */
interface ChunkCounts {
  inserted: number;
  updated: number;
}

/**
 * Upserts one chunk of validated, pseudonymised rows straight into `records` (inside the batch's
 * transaction, so a rejected or interrupted batch still leaves nothing). A row whose data did not
 * change is not touched, nor (with a declared coverage) a range a later source closed after it
 * (`guard`). In `replace` mode the chunk's keys are also kept in `ingest_keys` for the
 * final delete.
 */
async function upsertChunk(
  tx: Tx,
  target: {
    organisationId: string;
    dataset: string;
    batchId: string;
    keepKeys: boolean;
    merge: boolean;
    guard: SQL;
  },
  chunk: readonly { key: string; data: unknown }[],
): Promise<ChunkCounts> {
  const keep = target.keepKeys ? sql`kept AS (INSERT INTO ingest_keys (key) SELECT key FROM x),` : sql``;
  // Merging keeps what the stored record says where the new one has nothing (a 903 header does not
  // wipe the CIN census's disability flag of the same child).
  const next = target.merge ? sql`records.data || jsonb_strip_nulls(excluded.data)` : sql`excluded.data`;
  const [counts] = await queryRows<{ inserted: number; updated: number }>(
    tx,
    sql`
    WITH x AS (
      SELECT x.key, x.data FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x(key text, data jsonb)
    ),
    ${keep}
    merged AS (
      INSERT INTO records (organisation_id, dataset, key, data, batch_id, updated_at)
      SELECT ${target.organisationId}, ${target.dataset}, x.key, x.data, ${target.batchId}, now() FROM x
      ON CONFLICT (organisation_id, dataset, key) DO UPDATE
        SET data = ${next}, batch_id = excluded.batch_id, updated_at = excluded.updated_at
        WHERE records.data IS DISTINCT FROM ${next}${target.guard}
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
           count(*) FILTER (WHERE NOT inserted)::int AS updated
    FROM merged`,
  );
  return { inserted: counts?.inserted ?? 0, updated: counts?.updated ?? 0 };
}

/**
 * Writes chunks with at most one in flight, so the database stores one chunk while the next is
 * parsed and validated. A failed write surfaces at the next `write` or at `finish`.
 */
function chunkWriter(write: (chunk: { key: string; data: unknown }[]) => Promise<ChunkCounts>) {
  const totals: ChunkCounts = { inserted: 0, updated: 0 };
  let pending: Promise<void> | undefined;
  return {
    async write(chunk: { key: string; data: unknown }[]): Promise<void> {
      if (pending !== undefined) await pending;
      const started = write(chunk).then((c) => {
        totals.inserted += c.inserted;
        totals.updated += c.updated;
      });
      // Handled here so a failure is not unhandled while it waits to be awaited.
      started.catch(() => undefined);
      pending = started;
    },
    /** Waits for the last write; returns the totals. */
    async finish(): Promise<ChunkCounts> {
      if (pending !== undefined) await pending;
      pending = undefined;
      return totals;
    },
    /** Waits for any write in flight, ignoring its outcome (the transaction is being abandoned). */
    async settle(): Promise<void> {
      await pending?.catch(() => undefined);
    },
  };
}

/** One stored row: its key and its validated, pseudonymised data. */
type StoredRow = { key: string; data: unknown };

/** What reading every row found: how many, the span they were dated in, and the refusal, if any. */
interface RowsSummary {
  readonly received: number;
  readonly rejection: ApiError | null;
  readonly inferred: DateSpan | null;
}

/** The rows of one dataset to validate and pseudonymise ({@link validChunks}). */
interface RowsToCheck {
  readonly organisationId: string;
  readonly dataset: DatasetName;
  /** `csv` when the rows are CSV cells to convert, else `json` (typed values). */
  readonly format: "csv" | "json";
  readonly prevalidated?: boolean;
  readonly rows: Iterable<unknown> | AsyncIterable<unknown>;
}

/**
 * Validates and pseudonymises rows and yields them in chunks of `chunkSize`; after the first invalid
 * row nothing more is yielded (the batch will be refused) but every row is still validated so that
 * all issues are reported. The last chunk is yielded only once every row has been checked. Returns
 * how many rows there were, the span their dates infer and the refusal, if any.
 */
async function* validChunks(
  deps: Pick<IngestDeps, "pseudonymKey" | "chunkSize">,
  input: RowsToCheck,
): AsyncGenerator<StoredRow[], RowsSummary> {
  const personFields: readonly string[] = datasets[input.dataset].personFields;
  const chunkSize = deps.chunkSize ?? defaultChunkSize;
  const validator = createBatchValidator(input.dataset, { format: input.format, maxIssues: maxListedIssues });
  const inference = createCoverageInference(input.dataset);
  const ownIssues: Issue[] = [];
  const pseudonyms = new Map<string, string>();
  let ownIssueCount = 0;
  let invalid = false;
  let row = 0;
  let chunk: StoredRow[] = [];
  for await (const raw of input.rows) {
    const index = row;
    row += 1;
    const record = input.prevalidated ? (raw as ReturnType<typeof validator.push>) : validator.push(raw);
    if (record === null) {
      invalid = true;
      continue;
    }
    if (hasUnstorableText(record)) {
      invalid = true;
      ownIssueCount += 1;
      if (ownIssues.length < maxListedIssues) {
        ownIssues.push({ row: index, message: "contains a NUL character or an unpaired surrogate" });
      }
      continue;
    }
    if (invalid) continue;
    inference.add(record);
    const stored = pseudonymiseRecord(
      deps.pseudonymKey,
      input.organisationId,
      record,
      personFields,
      pseudonyms,
    );
    chunk.push({ key: recordKey(input.dataset, stored), data: stored });
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  const summary = validator.finish();
  const issueCount = summary.issueCount + ownIssueCount;
  if (issueCount > 0) {
    const validatorIssues: Issue[] = summary.issues.map((i) =>
      i.field === null
        ? { row: i.row, message: i.message }
        : { row: i.row, field: i.field, message: i.message },
    );
    const issues = [...validatorIssues, ...ownIssues]
      .sort((a, b) => (a.row ?? -1) - (b.row ?? -1))
      .slice(0, maxListedIssues);
    const rejection = new ApiError(
      "validation_failed",
      `${issueCount} problem${issueCount === 1 ? "" : "s"} in the batch; nothing was written`,
      { issues, issueCount },
    );
    return { received: row, rejection, inferred: null };
  }
  if (chunk.length > 0) yield chunk;
  return { received: row, rejection: null, inferred: inference.span() };
}

/**
 * Ingests one batch of records, streaming: the body is parsed row by row as it arrives (JSON, NDJSON
 * or CSV), each row validated by the dataset's batch validator, its person identifiers replaced by
 * pseudonyms, and upserted in chunks straight into the store inside one transaction (one chunk is
 * written while the next is read; unchanged rows are not touched; inserted, updated and unchanged rows
 * are counted). The transaction opens only once the first chunk is ready (or the body has ended), so
 * a client that is slow to send holds no database connection until then; a pause longer than
 * `bodyIdleMs` ends the batch with `408 request_timeout`. A `replace` batch first takes its
 * dataset's lock ({@link lockDatasetForReplace}), so concurrent replaces run one after the other. If
 * any row is invalid the transaction is rolled back (or never opened) and every issue reported
 * (`validation_failed`, at most 1,000 listed); otherwise `replace` mode deletes the dataset's rows not
 * in the batch (with a declared coverage, only those within it), the batch and the coverage it brings
 * (its source: declared, or inferred from its records) are recorded, the organisation's data version
 * bumped, and the transaction committed, so a batch is stored whole or not at all. Memory does not
 * grow with the body. With an `Idempotency-Key`, a retry of the same request returns the first result
 * and writes nothing; the same key with a different request fails with `idempotency_key_reused`.
 *
 * @param deps - database, pseudonym key, body limits and the transaction slots
 * @param request - caller, dataset, mode, format, body, optional declaration and idempotency key
 * @returns the batch's counts (and whether they are a replay)
 * @example
 * ```ts
 * const outcome = await ingestBatch(deps, { caller, dataset: "contacts", mode: "upsert", format: "csv", body: request.raw });
 * outcome.result.inserted; // 1800
 * ```
 */
export async function ingestBatch(deps: IngestDeps, request: IngestRequest): Promise<IngestOutcome> {
  const { db } = deps;
  const organisationId = request.caller.organisationId;
  const key = request.idempotencyKey;
  if (key !== undefined) {
    const stored = await storedResponse(db, organisationId, key);
    if (stored !== undefined) return replay(deps, request, stored);
  }
  checkDeclaration(request.dataset, request.declaration);
  const hash = requestHash(request);
  const batchId = randomUUID();
  let digest: string | undefined;
  const body = meterBody(request.body, { limit: deps.maxBodyBytes, hash, ...idle(deps) });
  async function* bodyRows(): AsyncGenerator<unknown> {
    yield* rows(request.format, body);
    digest = hash.digest("hex");
  }
  const chunks = validChunks(deps, {
    organisationId,
    dataset: request.dataset,
    format: request.format === "csv" ? "csv" : "json",
    rows: bodyRows(),
  });
  const withSlot = deps.withTransactionSlot ?? ((work) => work());
  try {
    // Read until the first chunk is ready (or the body ends) before asking for a connection.
    const first = await chunks.next();
    if (first.done && first.value.rejection !== null) throw first.value.rejection;
    return await withSlot(() =>
      db.transaction(async (tx) => {
        const written = await writeChunks(
          tx,
          {
            caller: request.caller,
            dataset: request.dataset,
            mode: request.mode,
            merge: false,
            batchId,
            ...(request.declaration === undefined ? {} : { declaration: request.declaration }),
          },
          first,
          chunks,
        );
        if (key !== undefined) {
          const saved = await tx
            .insert(idempotency)
            .values({ organisationId, key, requestSha256: digest ?? "", response: written })
            .onConflictDoNothing()
            .returning({ key: idempotency.key });
          if (saved.length === 0) throw new IdempotencyRace();
        }
        return { result: written, replayed: false };
      }),
    );
  } catch (error) {
    if (error instanceof BatchRejected) throw error.apiError;
    if (error instanceof IdempotencyRace && key !== undefined) {
      const stored = await storedResponse(db, organisationId, key);
      if (stored !== undefined) return replay(deps, request, stored, digest);
    }
    throw error;
  } finally {
    // Abandoned (a database error, a refused slot): end the reader so it holds nothing.
    await chunks.return({ received: 0, rejection: null, inferred: null }).catch(() => undefined);
  }
}

/** One dataset's rows to write inside a caller's transaction (see {@link writeRows}). */
export interface WriteRowsRequest {
  readonly caller: Caller;
  readonly dataset: DatasetName;
  readonly mode: IngestMode;
  /** Merge each record field by field into the stored one (fields the new record leaves empty keep their value). */
  readonly merge: boolean;
  /**
   * What the rows are complete for (a posted batch's declaration, a statutory import's collection
   * year): `replace` then replaces only within it, and it is recorded as the batch's source.
   */
  readonly declaration?: CoverageDeclaration;
  /** The batch id to record (a fresh one when absent). */
  readonly batchId?: string;
  /** `csv` when the rows are CSV cells to convert, else `json` (typed values). */
  readonly format: "csv" | "json";
  /**
   * The rows are records the catalogue's batch validator of this dataset already accepted, normalised
   * and with no key repeated (an import's mapped records): written without being checked again.
   */
  readonly prevalidated?: boolean;
  readonly rows: Iterable<unknown> | AsyncIterable<unknown>;
}

/**
 * Validates, pseudonymises and upserts one dataset's rows inside the caller's transaction, the path
 * a statutory import's datasets take (a posted batch takes the same steps, reading its body before
 * its transaction opens): rows checked by the dataset's batch validator, person identifiers replaced
 * by pseudonyms, upserted in chunks with one in flight (unchanged rows untouched; with `merge`, the
 * stored record keeps the fields the new one leaves empty); `replace` takes the dataset's lock and
 * deletes the dataset's rows not written (within the declared coverage when there is one); the batch
 * and its source are recorded and the data version bumped. Any invalid row rejects the whole batch
 * with `validation_failed` (every issue counted, 1,000 listed) and the caller's transaction must be
 * rolled back.
 *
 * @param tx - the open transaction
 * @param deps - pseudonym key and chunk size
 * @param request - what to write
 * @returns the batch's counts
 * @example
 * ```ts
 * await db.transaction((tx) => writeRows(tx, deps, { caller, dataset: "children", mode: "upsert", merge: true, format: "json", rows }));
 * ```
 */
export async function writeRows(
  tx: Tx,
  deps: Pick<IngestDeps, "pseudonymKey" | "chunkSize">,
  request: WriteRowsRequest,
): Promise<BatchResult> {
  const chunks = validChunks(deps, {
    organisationId: request.caller.organisationId,
    dataset: request.dataset,
    format: request.format,
    rows: request.rows,
    ...(request.prevalidated === undefined ? {} : { prevalidated: request.prevalidated }),
  });
  const first = await chunks.next();
  return writeChunks(tx, request, first, chunks);
}

/** Where a batch's chunks go and what it declares. */
interface ChunkTarget {
  readonly caller: Caller;
  readonly dataset: DatasetName;
  readonly mode: IngestMode;
  readonly merge: boolean;
  readonly batchId?: string;
  readonly declaration?: CoverageDeclaration;
}

/**
 * Writes validated chunks in the open transaction (the first already read), then finishes the batch:
 * the replace's delete within its span, the source, the batch row and the data version.
 */
async function writeChunks(
  tx: Tx,
  request: ChunkTarget,
  first: IteratorResult<StoredRow[], RowsSummary>,
  chunks: AsyncGenerator<StoredRow[], RowsSummary>,
): Promise<BatchResult> {
  const organisationId = request.caller.organisationId;
  const batchId = request.batchId ?? randomUUID();
  const replace = request.mode === "replace";
  if (replace) {
    await lockDatasetForReplace(tx, organisationId, request.dataset);
    await tx.execute(sql`CREATE TEMP TABLE IF NOT EXISTS ingest_keys (key text PRIMARY KEY) ON COMMIT DROP`);
    // An import writes several datasets in one transaction: each replace keeps only its own keys.
    await tx.execute(sql`TRUNCATE ingest_keys`);
  }
  const target = {
    organisationId,
    dataset: request.dataset,
    batchId,
    keepKeys: replace,
    merge: request.merge,
    guard: laterEndGuardSql(request.dataset, request.declaration),
  };
  const writer = chunkWriter((c) => upsertChunk(tx, target, c));
  let summary: RowsSummary;
  let merged: ChunkCounts;
  try {
    let next = first;
    while (!next.done) {
      await writer.write(next.value);
      next = await chunks.next();
    }
    summary = next.value;
    if (summary.rejection !== null) throw new BatchRejected(summary.rejection);
    merged = await writer.finish();
  } finally {
    await writer.settle();
  }
  const received = summary.received;
  let deleted = 0;
  if (replace) {
    // With a declared coverage only the dataset's records within it are replaced (decision 130).
    const span = replaceSpan(request.declaration, summary.inferred);
    const within = span === null ? sql`` : sql` AND ${withinSpanSql(request.dataset, span)}`;
    const [gone] = await queryRows<{ deleted: number }>(
      tx,
      sql`
        WITH gone AS (
          DELETE FROM records r
          WHERE r.organisation_id = ${organisationId} AND r.dataset = ${request.dataset}
            AND NOT EXISTS (SELECT 1 FROM ingest_keys k WHERE k.key = r.key)${within}
          RETURNING 1
        )
        SELECT count(*)::int AS deleted FROM gone`,
    );
    deleted = gone?.deleted ?? 0;
  }
  const { inserted, updated } = merged;
  const recorded = await recordBatchSource(tx, {
    organisationId,
    dataset: request.dataset,
    batchId,
    actor: request.caller.actor,
    mode: request.mode,
    declaration: request.declaration,
    inferred: summary.inferred,
    recordsChanged: inserted + updated + deleted > 0,
  });
  const result: BatchResult = {
    batch_id: batchId,
    dataset: request.dataset,
    mode: request.mode,
    received,
    inserted,
    updated,
    unchanged: received - inserted - updated,
    deleted,
    coverage: recorded.source,
  };
  await tx.insert(batches).values({
    id: batchId,
    organisationId,
    dataset: request.dataset,
    actor: request.caller.actor,
    tokenId: request.caller.tokenId,
    mode: request.mode,
    received,
    inserted,
    updated,
    unchanged: result.unchanged,
    deleted,
  });
  if (inserted + updated + deleted > 0 || recorded.changed) await bumpDataVersion(tx, organisationId);
  return result;
}
