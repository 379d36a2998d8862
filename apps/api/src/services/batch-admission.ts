import { ApiError } from "../errors.js";
import { createSemaphore, SemaphoreFull } from "./semaphore.js";

/** Seconds a client is told to wait when its batch is turned away. */
const retryAfterSeconds = 5;

/** Which batches may run now on this instance (decision 141). */
export interface BatchAdmission {
  /**
   * Counts a batch of `organisationId` as in progress until the returned function is called; throws
   * `429 rate_limited` (with `Retry-After`) when the organisation already has its allowance running.
   */
  enter(organisationId: string): () => void;
  /**
   * Runs `work` (which opens a batch's database transaction) once one of the transaction slots is
   * free, so batches can never hold every pooled connection and reads always find one; throws
   * `503 unavailable` (with `Retry-After`) when no slot came free within the wait.
   */
  withTransactionSlot<T>(work: () => Promise<T>): Promise<T>;
  /** Batches in progress for an organisation now. */
  inProgress(organisationId: string): number;
}

/**
 * Creates the admission rules of record batches: at most `perOrganisation` batches of one
 * organisation at once, and at most `transactionSlots` batch transactions open at once (on
 * PostgreSQL the pool's size less two, kept for reads; `null` for no limit: the embedded store
 * queues its one connection itself).
 *
 * @param options - the per-organisation allowance, the transaction slots and the longest wait for one
 * @returns the admission rules
 * @example
 * ```ts
 * const admission = createBatchAdmission({ perOrganisation: 2, transactionSlots: 8, waitMs: 5_000 });
 * const leave = admission.enter("barnet");
 * try { await admission.withTransactionSlot(() => db.transaction(write)); } finally { leave(); }
 * ```
 */
export function createBatchAdmission(options: {
  perOrganisation: number;
  transactionSlots: number | null;
  waitMs: number;
}): BatchAdmission {
  const running = new Map<string, number>();
  const slots =
    options.transactionSlots === null
      ? null
      : createSemaphore({ permits: options.transactionSlots, waitMs: options.waitMs });
  return {
    enter(organisationId) {
      const now = running.get(organisationId) ?? 0;
      if (now >= options.perOrganisation) {
        throw new ApiError(
          "rate_limited",
          `This organisation already has ${now} batch${now === 1 ? "" : "es"} in progress on this server (at most ${options.perOrganisation}); send the next when one has finished`,
          { retryAfterSeconds },
        );
      }
      running.set(organisationId, now + 1);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        const after = (running.get(organisationId) ?? 1) - 1;
        if (after <= 0) running.delete(organisationId);
        else running.set(organisationId, after);
      };
    },
    async withTransactionSlot(work) {
      if (slots === null) return work();
      let release: () => void;
      try {
        release = await slots.acquire();
      } catch (error) {
        if (error instanceof SemaphoreFull)
          throw new ApiError(
            "unavailable",
            "The server is writing as many batches as it can; try again shortly",
            {
              retryAfterSeconds,
            },
          );
        throw error;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    inProgress(organisationId) {
      return running.get(organisationId) ?? 0;
    },
  };
}
