import { randomUUID } from "node:crypto";
import { type DatasetName, datasets, parseRecordKey, recordKey } from "@kpi/catalogue";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { batches, records } from "../db/schema.js";
import { ApiError } from "../errors.js";
import { bumpDataVersion } from "./organisations.js";
import { pseudonymise } from "./pseudonym.js";
import type { Caller } from "./roles.js";

/**
 * Turns a record key as the client knows it (raw child or worker identifiers, `|`-separated for
 * compound keys) into the key as stored (identifiers replaced by their pseudonyms).
 *
 * @param pseudonymKey - the deployment's pseudonym secret
 * @param organisationId - the caller's organisation
 * @param dataset - the dataset
 * @param key - the key as the client wrote it (URL-decoded)
 * @returns the stored key, or `null` when the key does not fit the dataset
 * @example
 * ```ts
 * storedKey(k, "default", "care_leavers", "C1|2019-09-30"); // "<pseudonym>|2019-09-30"
 * ```
 */
export function storedKey(
  pseudonymKey: string,
  organisationId: string,
  dataset: DatasetName,
  key: string,
): string | null {
  const parsed = parseRecordKey(dataset, key);
  if (!parsed.ok) return null;
  const values: Record<string, unknown> = { ...parsed.values };
  for (const field of datasets[dataset].personFields) {
    const v = values[field];
    if (typeof v === "string") values[field] = pseudonymise(pseudonymKey, organisationId, v);
  }
  return recordKey(dataset, values as Parameters<typeof recordKey>[1]);
}

/**
 * Deletes one record of the caller's organisation, records the deletion as a batch of mode `delete`
 * and bumps the data version, in one transaction.
 *
 * @param deps - database and pseudonym key
 * @param caller - who is deleting
 * @param dataset - the dataset
 * @param key - the record key as the client knows it (see {@link storedKey})
 * @returns the batch id of the deletion
 * @example
 * ```ts
 * await deleteRecord({ db, pseudonymKey }, caller, "contacts", "CT-1001");
 * ```
 */
export async function deleteRecord(
  deps: { db: Db; pseudonymKey: string },
  caller: Caller,
  dataset: DatasetName,
  key: string,
): Promise<{ batchId: string }> {
  const stored = storedKey(deps.pseudonymKey, caller.organisationId, dataset, key);
  if (stored === null) throw new ApiError("not_found", `No ${dataset} record has that key`);
  return deps.db.transaction(async (tx) => {
    const gone = await tx
      .delete(records)
      .where(
        and(
          eq(records.organisationId, caller.organisationId),
          eq(records.dataset, dataset),
          eq(records.key, stored),
        ),
      )
      .returning({ key: records.key });
    if (gone.length === 0) throw new ApiError("not_found", `No ${dataset} record has that key`);
    const batchId = randomUUID();
    await tx.insert(batches).values({
      id: batchId,
      organisationId: caller.organisationId,
      dataset,
      actor: caller.actor,
      tokenId: caller.tokenId,
      mode: "delete",
      received: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      deleted: gone.length,
    });
    await bumpDataVersion(tx, caller.organisationId);
    return { batchId };
  });
}
