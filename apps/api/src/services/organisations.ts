import { findAuthority } from "@kpi/catalogue";
import { unknownLaCodeMessage } from "@kpi/contract";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../db/database.js";
import { dataVersions, organisations } from "../db/schema.js";
import { ApiError } from "../errors.js";
import type { Caller } from "./roles.js";

/** The organisation `KPI_ADMIN_TOKEN` administers, created on first start. */
export const defaultOrganisationId = "default";

/**
 * The local authority an organisation is: both its codes (as stored), and its name and region (the
 * catalogue's, for the three-digit code).
 */
export interface OrganisationAuthority {
  readonly oldLaCode: string;
  readonly newLaCode: string;
  readonly laName: string;
  readonly regionCode: string;
  readonly regionName: string;
}

/** An organisation as the API returns it. */
export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  /** `null` until its local-authority code is set. */
  readonly authority: OrganisationAuthority | null;
}

type OrganisationRow = typeof organisations.$inferSelect;

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    authority: authorityOf(row),
  };
}

function authorityOf({ oldLaCode, newLaCode }: OrganisationRow): OrganisationAuthority | null {
  if (oldLaCode === null || newLaCode === null) return null;
  const known = findAuthority(oldLaCode);
  // Codes are only stored after the catalogue named them, and the catalogue keeps authorities that
  // have since been reorganised: a stored code it does not know is a catalogue release's bug.
  if (known === null) throw new Error(`The catalogue has no authority ${oldLaCode} (organisation's la_code)`);
  return {
    oldLaCode,
    newLaCode,
    laName: known.name,
    regionCode: known.regionCode,
    regionName: known.regionName,
  };
}

/** Both codes of the authority `laCode` names, as columns (`null` clears them); unknown → `422`. */
function laCodeColumns(laCode: string | null): { oldLaCode: string | null; newLaCode: string | null } {
  if (laCode === null) return { oldLaCode: null, newLaCode: null };
  const authority = findAuthority(laCode);
  if (authority === null) {
    const message = unknownLaCodeMessage(laCode);
    throw new ApiError("validation_failed", message, {
      issues: [{ field: "la_code", message }],
      issueCount: 1,
    });
  }
  return { oldLaCode: authority.oldCode, newLaCode: authority.newCode };
}

/**
 * Whether a caller may read and administer an organisation: its own only, except
 * `KPI_ADMIN_TOKEN`, which may every organisation. (The route still checks the role.)
 *
 * @param caller - who is calling
 * @param organisationId - the organisation asked for
 * @returns `true` when the caller may see it; otherwise the API answers as if it did not exist
 * @example
 * ```ts
 * organisationVisibleTo({ organisationId: "barnet", role: "admin", actor: "a", tokenId: "t", kind: "api" }, "camden"); // false
 * ```
 */
export function organisationVisibleTo(caller: Caller, organisationId: string): boolean {
  return caller.kind === "admin_token" || caller.organisationId === organisationId;
}

/**
 * Creates an organisation (and its data version counter) unless one with that id exists, with the
 * local authority it is when `laCode` is given (either code: both are kept).
 *
 * @param db - database or transaction
 * @param input - the id, display name and optionally a local-authority code
 * @returns the organisation, or `null` when the id is taken
 * @throws ApiError `validation_failed` when no authority in the catalogue has `laCode`
 * @example
 * ```ts
 * await createOrganisation(db, { id: "barnet", name: "London Borough of Barnet", laCode: "302" });
 * ```
 */
export async function createOrganisation(
  db: Queryable,
  input: { id: string; name: string; laCode?: string | undefined },
): Promise<Organisation | null> {
  const [row] = await db
    .insert(organisations)
    .values({ id: input.id, name: input.name, ...laCodeColumns(input.laCode ?? null) })
    .onConflictDoNothing()
    .returning();
  if (row === undefined) return null;
  await db.insert(dataVersions).values({ organisationId: row.id }).onConflictDoNothing();
  return toOrganisation(row);
}

/**
 * Reads an organisation.
 *
 * @param db - database or transaction
 * @param organisationId - the id
 * @returns the organisation, or `null` when there is none with that id
 * @example
 * ```ts
 * (await findOrganisation(db, "barnet"))?.authority?.laName; // "Barnet"
 * ```
 */
export async function findOrganisation(db: Queryable, organisationId: string): Promise<Organisation | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  return row === undefined ? null : toOrganisation(row);
}

/**
 * Sets (or, with `null`, clears) the local authority an organisation is: either code is accepted and
 * both are stored.
 *
 * @param db - database or transaction
 * @param organisationId - the id
 * @param laCode - the three-digit or the nine-character code, or `null`
 * @returns the organisation as it now is, or `null` when there is none with that id
 * @throws ApiError `validation_failed` when no authority in the catalogue has `laCode`
 * @example
 * ```ts
 * (await setOrganisationAuthority(db, "barnet", "E09000003"))?.authority?.oldLaCode; // "302"
 * ```
 */
export async function setOrganisationAuthority(
  db: Queryable,
  organisationId: string,
  laCode: string | null,
): Promise<Organisation | null> {
  const [row] = await db
    .update(organisations)
    .set(laCodeColumns(laCode))
    .where(eq(organisations.id, organisationId))
    .returning();
  return row === undefined ? null : toOrganisation(row);
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
