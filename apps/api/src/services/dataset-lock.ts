import { sql } from "drizzle-orm";
import type { Tx } from "../db/database.js";

/**
 * Takes the transaction-level advisory lock of one organisation's dataset, waiting while another
 * transaction holds it; it is released when the transaction ends. Every batch that deletes records
 * it did not send (a `replace`, or a replace within a declared coverage) takes it first, at the start
 * of its transaction: concurrent replaces of the same dataset then run one after the other, each
 * seeing the one before, so the dataset ends as exactly one batch's content (decision 140). On the
 * embedded store transactions already run one at a time; the lock is taken all the same.
 *
 * @param tx - the batch's transaction
 * @param organisationId - whose dataset
 * @param dataset - the dataset's name
 * @returns once the lock is held
 * @example
 * ```ts
 * await db.transaction(async (tx) => {
 *   await lockDatasetForReplace(tx, "barnet", "episodes");
 *   // upsert the batch's rows, then delete the rows it did not send
 * });
 * ```
 */
export async function lockDatasetForReplace(tx: Tx, organisationId: string, dataset: string): Promise<void> {
  // One 64-bit key per (organisation, dataset) ("/" cannot occur in an organisation id); a collision
  // would only serialise two unrelated replaces, never let two of the same dataset run together.
  const name = `${organisationId}/${dataset}`;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}
