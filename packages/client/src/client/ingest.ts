import { toCsv } from "@kpi/catalogue";
import { type BatchResult, type CoverageDeclaration, coverageQuery, routes } from "@kpi/contract";
import { KpiClientError, type KpiClientIssue, type RowSource } from "../errors/kpi-client-error.js";
import { batchRows } from "./batches.js";
import { callRoute } from "./call-route.js";
import { batchIdempotencyKey } from "./idempotency-key.js";
import type { Transport } from "./transport.js";

/** Rows per request unless the caller says otherwise. */
export const DEFAULT_BATCH_SIZE = 5000;

/** One record as the caller gives it: field name → value. */
export type InputRecord = Readonly<Record<string, unknown>>;

/** How rows are sent: typed JSON values, or CSV text cells the API converts (`DD/MM/YYYY`, `Y`/`N` …). */
export type IngestFormat = "json" | "csv";

/**
 * What the records posted are complete for (their coverage), sent with every batch of the ingest (the
 * contract's {@link CoverageDeclaration}): a period (`from`–`to`, `kind` `statutory` for a statutory
 * return's collection year), or an extract as at a date (`asOf`) whose history starts on `historyFrom`.
 */
export type CoverageOption = CoverageDeclaration;

/** Options of an ingest. */
export interface IngestOptions {
  /**
   * `upsert` (default) never deletes; `replace` makes the input the dataset's whole content, or with
   * `coverage` its content within that coverage (single batch only).
   */
  readonly mode?: "upsert" | "replace";
  /** What the records are complete for; without it the API infers a coverage from them. */
  readonly coverage?: CoverageOption;
  /** Rows per request (default 5,000). Each request is one atomic batch. */
  readonly batchSize?: number;
  /** Run id the per-batch `Idempotency-Key`s start with (default: a random id per ingest). */
  readonly idempotencyKey?: string;
  /** `json` (default): values have their JSON types; `csv`: values are CSV cell text. */
  readonly format?: IngestFormat;
  /** Where input row `row` (0-based) came from, to locate issues in the caller's files. */
  readonly locate?: (row: number) => RowSource | undefined;
  /** Called after each committed batch. */
  readonly onBatch?: (progress: IngestProgress) => void;
}

/** Progress of an ingest after a committed batch. */
export interface IngestProgress {
  /** 0-based number of the batch just committed. */
  readonly batch: number;
  /** Rows committed so far. */
  readonly rows: number;
  /** What the batch did. */
  readonly result: BatchResult;
}

/** What a whole ingest did: the sum of its batches, and each batch's result. */
export interface IngestSummary {
  readonly dataset: string;
  readonly mode: "upsert" | "replace";
  readonly received: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly deleted: number;
  /** The coverage the last batch recorded (`null` when none, or nothing was sent). */
  readonly coverage: BatchResult["coverage"];
  /** Each batch's result, in order (empty when the input had no rows). */
  readonly batches: readonly BatchResult[];
}

/**
 * Post records to a dataset in batches (default 5,000 rows per request). Each batch is atomic; the
 * ingest as a whole is not: when batch 3 fails, batches 1–2 stay written and the error lists them in
 * `completed`. Every batch carries an `Idempotency-Key` derived from its content, so a retry after a
 * dropped connection writes nothing twice. `mode: "replace"` is refused before anything is sent when
 * the input does not fit in one batch (replacing batch by batch would delete the earlier batches'
 * rows). With `coverage`, every batch declares it (`covers_from`/`covers_to`, or `as_of` and
 * `history_from`, with `source_name`), and `replace` replaces only the records within it. An empty
 * input sends nothing, unless it declares a coverage with `replace` (the period is known to hold no
 * records, so any stored within it are removed).
 *
 * @param transport - how to reach the API
 * @param dataset - the dataset, e.g. `children`
 * @param records - the rows (array, iterable or async iterable)
 * @param options - mode, coverage, batch size, idempotency run id, format, row locator, progress callback
 * @returns the summed counts and each batch's result
 * @throws KpiClientError with the API's code (`validation_failed` with `issues` numbered in the whole
 *   input), `replace_needs_single_batch`, `invalid_argument`, `network_error` or `timeout`
 * @example
 * ```ts
 * const summary = await ingestRecords(transport, "children", [{ child_id: "C1", sex: "F" }]);
 * summary.inserted; // 1
 * ```
 */
export async function ingestRecords(
  transport: Transport,
  dataset: string,
  records: Iterable<InputRecord> | AsyncIterable<InputRecord>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const mode = options.mode ?? "upsert";
  const format = options.format ?? "json";
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new KpiClientError(
      "invalid_argument",
      `batchSize must be a positive whole number (got ${batchSize})`,
    );
  const run = options.idempotencyKey ?? globalThis.crypto.randomUUID();
  if (!/^[\x21-\x7e]{1,100}$/.test(run))
    throw new KpiClientError("invalid_argument", "idempotencyKey must be 1–100 printable ASCII characters");

  const query = { mode, ...(options.coverage === undefined ? {} : coverageQuery(options.coverage)) };
  const completed: BatchResult[] = [];
  let rows = 0;
  for await (const batch of batchRows(records, batchSize)) {
    if (mode === "replace" && !batch.last)
      throw new KpiClientError(
        "replace_needs_single_batch",
        `mode=replace needs the whole input in one batch, but it has more than ${batchSize} rows: ` +
          "raise the batch size to cover every row, or post with mode=upsert (replace batch by batch would delete the rows of earlier batches)",
      );
    if (batch.rows.length === 0 && !(mode === "replace" && options.coverage !== undefined)) break;
    // An empty batch (a declared period with no records) goes as JSON: a CSV needs a header row.
    const { contentType, body } = encodeBatch(batch.rows, batch.rows.length === 0 ? "json" : format);
    const idempotencyKey = await batchIdempotencyKey(run, batch.index, [
      dataset,
      options.coverage === undefined ? mode : JSON.stringify(query),
      contentType,
      body,
    ]);
    let result: BatchResult;
    try {
      result = await callRoute(transport, routes.postRecords, {
        params: { dataset },
        query,
        encoded: { text: body, contentType },
        idempotencyKey,
      });
    } catch (error) {
      throw inWholeInput(error, batch.firstRow, batch.index, completed, options.locate);
    }
    completed.push(result);
    rows += batch.rows.length;
    options.onBatch?.({ batch: batch.index, rows, result });
  }
  return summariseBatches(dataset, mode, completed);
}

function encodeBatch(
  rows: readonly InputRecord[],
  format: IngestFormat,
): { contentType: string; body: string } {
  if (format === "json") return { contentType: "application/json", body: JSON.stringify({ records: rows }) };
  const columns = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) columns.add(name);
  return { contentType: "text/csv; charset=utf-8", body: toCsv([...columns], rows) };
}

function inWholeInput(
  error: unknown,
  firstRow: number,
  batchIndex: number,
  completed: readonly BatchResult[],
  locate: IngestOptions["locate"],
): unknown {
  if (!(error instanceof KpiClientError)) return error;
  const issues: KpiClientIssue[] = error.issues.map((issue) => {
    if (issue.row === null) return issue;
    const row = firstRow + issue.row;
    const source = locate?.(row);
    return { ...issue, row, ...(source === undefined ? {} : { source }) };
  });
  const where =
    completed.length === 0
      ? ""
      : ` (batch ${batchIndex + 1}; ${completed.length} earlier batch${completed.length === 1 ? " was" : "es were"} already written)`;
  return new KpiClientError(error.code, `${error.message}${where}`, {
    status: error.status,
    issues,
    issueCount: error.issueCount,
    completed,
    cause: error.cause,
  });
}

/**
 * The summed counts of an ingest's batches.
 *
 * @param dataset - the dataset
 * @param mode - the ingest's mode
 * @param batches - the batches' results
 * @returns the summary
 * @example
 * ```ts
 * summariseBatches("children", "upsert", error.completed).inserted; // rows inserted before the failure
 * ```
 */
export function summariseBatches(
  dataset: string,
  mode: "upsert" | "replace",
  batches: readonly BatchResult[],
): IngestSummary {
  const sum = (pick: (b: BatchResult) => number) => batches.reduce((n, b) => n + pick(b), 0);
  return {
    dataset,
    mode,
    received: sum((b) => b.received),
    inserted: sum((b) => b.inserted),
    updated: sum((b) => b.updated),
    unchanged: sum((b) => b.unchanged),
    deleted: sum((b) => b.deleted),
    coverage: batches.at(-1)?.coverage ?? null,
    batches,
  };
}
