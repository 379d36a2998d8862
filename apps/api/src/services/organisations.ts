import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../db/database.js";
import { dataVersions, organisations } from "../db/schema.js";

/** The organisation `KPI_ADMIN_TOKEN` administers, created on first start. */
export const defaultOrganisationId = "default";

/** An organisation as the API returns it. */
export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

/**
 * Creates an organisation (and its data version counter) unless one with that id exists.
 *
 * @param db - database or transaction
 * @param input - the id and display name
 * @returns the organisation, or `null` when the id is taken
 * @example
 * ```ts
 * await createOrganisation(db, { id: "barnet", name: "London Borough of Barnet" });
 * ```
 */
export async function createOrganisation(
  db: Queryable,
  input: { id: string; name: string },
): Promise<Organisation | null> {
  const [row] = await db
    .insert(organisations)
    .values({ id: input.id, name: input.name })
    .onConflictDoNothing()
    .returning();
  if (row === undefined) return null;
  await db.insert(dataVersions).values({ organisationId: row.id }).onConflictDoNothing();
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString() };
}

/**
 * Makes sure the default organisation exists (run at start-up; safe to run concurrently).
 *
 * @param db - the database
 * @returns nothing
 * @example
 * ```ts
 * await ensureDefaultOrganisation(db);
 * ```
 */
export async function ensureDefaultOrganisation(db: Queryable): Promise<void> {
  await createOrganisation(db, { id: defaultOrganisationId, name: "Default organisation" });
  await db.insert(dataVersions).values({ organisationId: defaultOrganisationId }).onConflictDoNothing();
}

/**
 * Increments an organisation's data version (call inside the transaction that changes its records).
 *
 * @param tx - the transaction
 * @param organisationId - whose data changed
 * @returns the new version
 * @example
 * ```ts
 * await db.transaction(async (tx) => bumpDataVersion(tx, "default"));
 * ```
 */
export async function bumpDataVersion(tx: Queryable, organisationId: string): Promise<number> {
  const [row] = await tx
    .insert(dataVersions)
    .values({ organisationId, version: 1 })
    .onConflictDoUpdate({
      target: dataVersions.organisationId,
      set: { version: sql`${dataVersions.version} + 1`, updatedAt: sql`now()` },
    })
    .returning({ version: dataVersions.version });
  return row?.version ?? 1;
}

/**
 * Reads an organisation's data version (0 before any data).
 *
 * @param db - database or transaction
 * @param organisationId - the organisation
 * @returns the current version
 * @example
 * ```ts
 * const v = await readDataVersion(db, "default");
 * ```
 */
export async function readDataVersion(db: Queryable, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ version: dataVersions.version })
    .from(dataVersions)
    .where(eq(dataVersions.organisationId, organisationId));
  return row?.version ?? 0;
}

/**
 * Whether an organisation exists.
 *
 * @param db - database or transaction
 * @param organisationId - the id
 * @returns true when it exists
 * @example
 * ```ts
 * await organisationExists(db, "default"); // true
 * ```
 */
export async function organisationExists(db: Queryable, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row !== undefined;
}
