import {
  type BenchmarkRecord,
  catalogue,
  createEvaluator,
  type DatasetRecords,
  type Evaluator,
  emptyDatasetRecords,
  inferLocalIndicators,
  isDatasetName,
} from "@kpi/catalogue";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.js";
import { readDataVersion } from "./organisations.js";
import { currentSources } from "./sources.js";

/** An organisation's records as one evaluator, tagged with the data version it was built from. */
export interface EvaluationSnapshot {
  /** The organisation. */
  readonly organisationId: string;
  /** The data version the records were read at (or later: see {@link EvaluationService}). */
  readonly version: number;
  /**
   * The evaluator of the catalogue and the organisation's local indicators over every record of the
   * organisation, with its current sources as the coverage.
   */
  readonly evaluator: Evaluator;
  /** The organisation's `benchmarks` records. */
  readonly benchmarks: readonly BenchmarkRecord[];
}

/** Per-organisation evaluators, rebuilt when the organisation's data version moves. */
export interface EvaluationService {
  /**
   * The organisation's current snapshot: one cheap query reads its data version (unless the caller
   * has just read it and passes it as `version`); when the cached evaluator was built at that version
   * it is returned, otherwise every record and current source is loaded once and a new evaluator replaces it. Concurrent
   * callers share one load.
   */
  snapshot(organisationId: string, version?: number): Promise<EvaluationSnapshot>;
  /** Drops every cached evaluator (tests and memory pressure). */
  clear(): void;
}

/** Options of {@link createEvaluationService}. */
export interface EvaluationServiceOptions {
  /** Most organisations kept in memory at once; the least recently used is dropped first (default 16). */
  maxOrganisations?: number;
}

const catalogueIds: ReadonlySet<string> = new Set(catalogue.map((i) => i.definition.id));

interface Entry {
  version: number;
  promise: Promise<EvaluationSnapshot>;
}

/** Options of {@link loadDatasetRecords}. */
export interface LoadRecordsOptions {
  /**
   * Most records in one JSON text: a dataset with more is read in parts (default 50,000 records, a few
   * tens of MB; far below the 512 MB V8 allows a string and the 1 GB PostgreSQL allows a value).
   */
  readonly recordsPerPart?: number;
}

/**
 * Loads every stored record of an organisation into one {@link DatasetRecords} (records are stored
 * already validated, normalised and pseudonymised). The database aggregates each dataset into one
 * JSON array (`json_agg`), so the driver decodes one row per dataset and JSON is parsed once per
 * dataset instead of once per record: about half the client CPU of a per-record read (decision 118).
 *
 * Records come in the order of their stored keys (byte order, the same on every store), never the
 * table's physical order: sums of decimals (costs, full-time equivalents) then add up in the same
 * order whenever the data are the same, however and whenever they were posted, so a report and its
 * ETag depend only on the data. A dataset of more than `recordsPerPart` records is read in parts, each
 * the keys of one hash bucket in key order; the buckets depend only on the keys and their count.
 *
 * @param db - the database
 * @param organisationId - the organisation
 * @param options - the most records in one part
 * @returns the records, one array per dataset
 * @example
 * ```ts
 * const records = await loadDatasetRecords(db, "default");
 * records.contacts.length; // 1810
 * ```
 */
export async function loadDatasetRecords(
  db: Db,
  organisationId: string,
  options: LoadRecordsOptions = {},
): Promise<DatasetRecords> {
  const perPart = Math.max(1, options.recordsPerPart ?? 50_000);
  const counts = await queryRows<{ dataset: string; n: number | string }>(
    db,
    sql`SELECT dataset, count(*) AS n FROM records WHERE organisation_id = ${organisationId} GROUP BY dataset`,
  );
  const large = counts.filter((c) => Number(c.n) > perPart);
  const out = emptyDatasetRecords();
  const lists = out as unknown as Record<string, unknown[]>;
  const append = (dataset: string, data: unknown): void => {
    const list = isDatasetName(dataset) ? lists[dataset] : undefined;
    if (list === undefined) return;
    const records = (typeof data === "string" ? JSON.parse(data) : data) as unknown[];
    for (let i = 0; i < records.length; i++) list.push(records[i]);
  };
  const notLarge =
    large.length === 0
      ? sql``
      : sql` AND dataset NOT IN (${sql.join(
          large.map((c) => sql`${c.dataset}`),
          sql`, `,
        )})`;
  const whole = await queryRows<{ dataset: string; data: unknown }>(
    db,
    sql`SELECT dataset, json_agg(data ORDER BY key COLLATE "C")::text AS data FROM records
        WHERE organisation_id = ${organisationId}${notLarge} GROUP BY dataset`,
  );
  for (const row of whole) append(row.dataset, row.data);
  for (const { dataset, n } of large) {
    const buckets = 2 ** Math.ceil(Math.log2(Number(n) / perPart));
    const parts = await queryRows<{ data: unknown }>(
      db,
      sql`SELECT json_agg(data ORDER BY key COLLATE "C")::text AS data
          FROM (SELECT key, data, hashtext(key) & ${buckets - 1} AS bucket FROM records
                WHERE organisation_id = ${organisationId} AND dataset = ${dataset}) keyed
          GROUP BY bucket ORDER BY bucket`,
    );
    for (const part of parts) append(dataset, part.data);
  }
  return out;
}

/**
 * Creates the in-process cache of evaluators, keyed by organisation and data version (see decision
 * 080). Ingestion bumps the version in the same transaction as the records, so a read that starts
 * after a batch's response sees the new version and rebuilds; reads in between reuse one evaluator.
 *
 * @param db - the database
 * @param options - cache size
 * @returns the service
 * @example
 * ```ts
 * const evaluation = createEvaluationService(app.database.db);
 * const { evaluator } = await evaluation.snapshot(caller.organisationId);
 * ```
 */
export function createEvaluationService(db: Db, options: EvaluationServiceOptions = {}): EvaluationService {
  const max = options.maxOrganisations ?? 16;
  const cache = new Map<string, Entry>();

  const build = async (organisationId: string, version: number): Promise<EvaluationSnapshot> => {
    // Sources first: a batch committed between the two reads can only make the records newer than
    // the sources for one cache lifetime, and the version read before both makes the next read rebuild.
    const coverage = (await currentSources(db, organisationId)).map(
      ({ batch_id: _batch, actor: _actor, ...source }) => source,
    );
    const records = await loadDatasetRecords(db, organisationId);
    const localIndicators = inferLocalIndicators(records.observations, catalogueIds);
    const evaluator = createEvaluator(catalogue, records, { localIndicators, coverage });
    return { organisationId, version, evaluator, benchmarks: records.benchmarks };
  };

  return {
    async snapshot(organisationId, knownVersion) {
      const version = knownVersion ?? (await readDataVersion(db, organisationId));
      const cached = cache.get(organisationId);
      // Versions only grow: an evaluator built at a later version than the caller read is as good.
      if (cached !== undefined && cached.version >= version) {
        // Refresh the entry's place in the least-recently-used order.
        cache.delete(organisationId);
        cache.set(organisationId, cached);
        return cached.promise;
      }
      const entry: Entry = { version, promise: build(organisationId, version) };
      cache.delete(organisationId);
      cache.set(organisationId, entry);
      while (cache.size > max) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      try {
        return await entry.promise;
      } catch (error) {
        if (cache.get(organisationId) === entry) cache.delete(organisationId);
        throw error;
      }
    },
    clear() {
      cache.clear();
    },
  };
}
