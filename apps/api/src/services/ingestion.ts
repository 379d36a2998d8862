import type { DatasetName } from "@kpi/catalogue";
import type { BatchResult, ImportReport } from "@kpi/contract";
import type { Database, Db } from "../db/database.js";
import { type BatchAdmission, createBatchAdmission } from "./batch-admission.js";
import { type ImportRequest, importReturn } from "./imports.js";
import { type IngestOutcome, type IngestRequest, ingestBatch } from "./ingest.js";
import { createIngestionEvents, type IngestionEvents } from "./ingestion-events.js";
import { deleteRecord } from "./records.js";
import type { Caller } from "./roles.js";

/** What the ingestion service is made from: the app's store, pseudonym key and limits. */
export interface IngestionServiceOptions {
  readonly db: Db;
  /** `postgres` bounds batch transactions by the pool (decision 141); the embedded store does not. */
  readonly databaseKind: Database["kind"];
  /** The pool's size (PostgreSQL). */
  readonly connections: number;
  readonly pseudonymKey: string;
  readonly maxBodyBytes: number;
  readonly bodyIdleMs?: number;
  readonly maxBatchesPerOrganisation: number;
  /** How long a batch waits for a transaction slot before `503`. */
  readonly transactionWaitMs: number;
  /** Called with what an event listener threw (logged by the app; never the batch's error). */
  readonly onListenerError?: (error: unknown) => void;
}

/**
 * Every write of an organisation's records goes through here — posted batches, deleted records and
 * statutory imports — so each is admitted the same way (a few batches per organisation at once, a
 * transaction slot each, decision 141) and each emits the same events (`batchStarted`,
 * `batchCommitted`, `batchEnded`), which other services listen to instead of the routes telling them.
 */
export interface IngestionService {
  /** The admission shared by every write (exposed for its counters). */
  readonly admission: BatchAdmission;
  /** The events of every batch. */
  readonly events: IngestionEvents;
  /** Streams one posted batch into the store (see `ingestBatch`). */
  ingest(request: IngestRequest): Promise<IngestOutcome>;
  /** Deletes one record by its key as posted; answers the batch result of the delete. */
  deleteRecord(caller: Caller, dataset: DatasetName, key: string): Promise<BatchResult>;
  /** Maps and writes a statutory return (see `importReturn`). */
  importReturn(request: ImportRequest): Promise<ImportReport>;
}

/**
 * Makes an app's ingestion service (one per app: its admission and events are its own, so two apps
 * in one process share nothing).
 *
 * @param options - the store, the pseudonym key and the limits
 * @returns the service
 * @example
 * ```ts
 * const ingestion = createIngestionService({ db, databaseKind: "pglite", connections: 1, pseudonymKey,
 *   maxBodyBytes: 100e6, maxBatchesPerOrganisation: 4, transactionWaitMs: 10_000 });
 * ingestion.events.on("batchCommitted", ({ organisationId }) => console.log(organisationId));
 * ```
 */
export function createIngestionService(options: IngestionServiceOptions): IngestionService {
  const { db, pseudonymKey } = options;
  const admission = createBatchAdmission({
    perOrganisation: options.maxBatchesPerOrganisation,
    transactionSlots: options.databaseKind === "postgres" ? Math.max(1, options.connections - 2) : null,
    waitMs: options.transactionWaitMs,
  });
  const events = createIngestionEvents(options.onListenerError ?? (() => undefined));

  /** Runs one batch between its `batchStarted` and `batchEnded`, with `batchCommitted` if it changed data. */
  async function tracked<T>(
    organisationId: string,
    admit: boolean,
    work: () => Promise<T>,
    changed: (outcome: T) => boolean,
  ): Promise<T> {
    const leave = admit ? admission.enter(organisationId) : () => undefined;
    events.emit("batchStarted", { organisationId });
    try {
      const outcome = await work();
      if (changed(outcome)) events.emit("batchCommitted", { organisationId });
      return outcome;
    } finally {
      leave();
      events.emit("batchEnded", { organisationId });
    }
  }

  return {
    admission,
    events,
    ingest(request) {
      return tracked(
        request.caller.organisationId,
        true,
        () =>
          ingestBatch(
            {
              db,
              pseudonymKey,
              maxBodyBytes: options.maxBodyBytes,
              ...(options.bodyIdleMs === undefined ? {} : { bodyIdleMs: options.bodyIdleMs }),
              withTransactionSlot: admission.withTransactionSlot,
            },
            request,
          ),
        (outcome) => !outcome.replayed,
      );
    },
    deleteRecord(caller, dataset, key) {
      return tracked(
        caller.organisationId,
        false,
        async (): Promise<BatchResult> => {
          const { batchId } = await deleteRecord({ db, pseudonymKey }, caller, dataset, key);
          return {
            batch_id: batchId,
            dataset,
            mode: "delete",
            received: 0,
            inserted: 0,
            updated: 0,
            unchanged: 0,
            deleted: 1,
            coverage: null,
          };
        },
        () => true,
      );
    },
    importReturn(request) {
      return tracked(
        request.caller.organisationId,
        true,
        () => importReturn({ db, pseudonymKey, withTransactionSlot: admission.withTransactionSlot }, request),
        (report) => report.written.some((w) => w.inserted + w.updated + w.deleted > 0),
      );
    },
  };
}
