import { and, desc, eq, lt } from "drizzle-orm";
import type { Queryable } from "../db/database.js";
import { batches } from "../db/schema.js";

/** One batch as listed by `GET /v1/batches`. */
export interface BatchInfo {
  readonly id: string;
  readonly dataset: string;
  readonly mode: "upsert" | "replace" | "delete";
  readonly actor: string;
  readonly tokenId: string | null;
  readonly received: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly deleted: number;
  readonly createdAt: string;
}

/**
 * Lists an organisation's batches, newest first: what was ingested, when and by whom.
 *
 * @param db - database
 * @param organisationId - whose batches (never another organisation's)
 * @param options - optional dataset filter, page size and a `before` time for paging
 * @returns the batches
 * @example
 * ```ts
 * const recent = await listBatches(db, "default", { limit: 20 });
 * ```
 */
export async function listBatches(
  db: Queryable,
  organisationId: string,
  options: { dataset?: string; limit: number; before?: Date },
): Promise<BatchInfo[]> {
  const rows = await db
    .select()
    .from(batches)
    .where(
      and(
        eq(batches.organisationId, organisationId),
        options.dataset === undefined ? undefined : eq(batches.dataset, options.dataset),
        options.before === undefined ? undefined : lt(batches.createdAt, options.before),
      ),
    )
    .orderBy(desc(batches.createdAt), desc(batches.id))
    .limit(options.limit);
  return rows.map((r) => ({
    id: r.id,
    dataset: r.dataset,
    mode: r.mode,
    actor: r.actor,
    tokenId: r.tokenId,
    received: r.received,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    deleted: r.deleted,
    createdAt: r.createdAt.toISOString(),
  }));
}
