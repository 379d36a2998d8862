import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { Queryable } from "../db/database.js";
import { organisations, tokens, users } from "../db/schema.js";
import { defaultOrganisationId } from "./organisations.js";
import type { Caller, Role } from "./roles.js";

/**
 * The SHA-256 of a bearer token, hex: the only form in which tokens are stored.
 *
 * @param token - the token as sent
 * @returns 64 hex characters
 * @example
 * ```ts
 * hashToken("kpi_abc"); // "…"
 * ```
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token's metadata, as listed (never the token itself). */
export interface TokenInfo {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly kind: "api" | "session";
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

type TokenRow = typeof tokens.$inferSelect;

function toInfo(row: TokenRow): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    kind: row.kind,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Creates a token and stores its hash. The token itself is returned once and never again.
 *
 * @param db - database or transaction
 * @param input - owner, name, role, kind, actor, creator and optional expiry
 * @returns the token and its metadata
 * @example
 * ```ts
 * const { token } = await issueToken(db, { organisationId: "default", name: "nightly", role: "ingest",
 *   kind: "api", actor: "nightly", createdBy: "admin-token" });
 * ```
 */
export async function issueToken(
  db: Queryable,
  input: {
    organisationId: string;
    name: string;
    role: Role;
    kind: "api" | "session";
    actor: string;
    createdBy: string;
    expiresAt?: Date | undefined;
    /** The staff user a session acts for. */
    userId?: string | undefined;
  },
): Promise<{ token: string; info: TokenInfo }> {
  const token = `kpi_${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(tokens)
    .values({
      id: randomUUID(),
      tokenHash: hashToken(token),
      name: input.name,
      role: input.role,
      kind: input.kind,
      organisationId: input.organisationId,
      actor: input.actor,
      createdBy: input.createdBy,
      expiresAt: input.expiresAt ?? null,
      userId: input.userId ?? null,
    })
    .returning();
  if (row === undefined) throw new Error("Token insert returned no row");
  return { token, info: toInfo(row) };
}

/**
 * Lists an organisation's API tokens (not portal sessions), newest first.
 *
 * @param db - database
 * @param organisationId - whose tokens
 * @returns token metadata
 * @example
 * ```ts
 * const list = await listTokens(db, "default");
 * ```
 */
export async function listTokens(db: Queryable, organisationId: string): Promise<TokenInfo[]> {
  const rows = await db
    .select()
    .from(tokens)
    .where(and(eq(tokens.organisationId, organisationId), eq(tokens.kind, "api")))
    .orderBy(desc(tokens.createdAt));
  return rows.map(toInfo);
}

/** A live portal session as listed for an administrator. */
export interface SessionInfo {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/**
 * Lists an organisation's live portal sessions (neither revoked nor expired at `at`), newest first.
 *
 * @param db - database
 * @param organisationId - whose sessions
 * @param at - the time they must still be valid at
 * @returns the sessions, with the person each acts for
 * @example
 * ```ts
 * const live = await listSessions(db, "default", new Date());
 * ```
 */
export async function listSessions(db: Queryable, organisationId: string, at: Date): Promise<SessionInfo[]> {
  const rows = await db
    .select({
      id: tokens.id,
      username: users.username,
      displayName: users.displayName,
      role: tokens.role,
      createdAt: tokens.createdAt,
      expiresAt: tokens.expiresAt,
    })
    .from(tokens)
    .innerJoin(users, eq(users.id, tokens.userId))
    .where(
      and(
        eq(tokens.organisationId, organisationId),
        eq(tokens.kind, "session"),
        isNull(tokens.revokedAt),
        gt(tokens.expiresAt, at),
      ),
    )
    .orderBy(desc(tokens.createdAt));
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? "",
  }));
}

/**
 * Revokes one of an organisation's tokens (API token or session).
 *
 * @param db - database
 * @param organisationId - the caller's organisation (a token of another is "not found")
 * @param id - the token id
 * @param kind - only a token of this kind (`session` to end a portal session), if given
 * @returns false when no such live token exists in the organisation
 * @example
 * ```ts
 * await revokeToken(db, "default", id); // true
 * ```
 */
export async function revokeToken(
  db: Queryable,
  organisationId: string,
  id: string,
  kind?: "api" | "session",
): Promise<boolean> {
  const rows = await db
    .update(tokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(tokens.id, id),
        eq(tokens.organisationId, organisationId),
        isNull(tokens.revokedAt),
        kind === undefined ? undefined : eq(tokens.kind, kind),
      ),
    )
    .returning({ id: tokens.id });
  return rows.length > 0;
}

/** A live token found by its hash: who it stands for and when it stops being valid. */
export interface LiveToken {
  /** The caller the token stands for. */
  readonly caller: Caller;
  /** When the token expires (`null`: it does not expire). */
  readonly expiresAt: Date | null;
}

/**
 * The caller `KPI_ADMIN_TOKEN` stands for, when the hash is its hash (compared in constant time).
 *
 * @param tokenHash - {@link hashToken} of the bearer token
 * @param adminTokenHash - SHA-256 of `KPI_ADMIN_TOKEN`, when configured
 * @returns the default organisation's admin, or `null` for any other token
 * @example
 * ```ts
 * adminCaller(hashToken(token), adminTokenHash)?.kind; // "admin_token"
 * ```
 */
export function adminCaller(tokenHash: string, adminTokenHash: string | undefined): Caller | null {
  if (adminTokenHash === undefined || tokenHash.length !== adminTokenHash.length) return null;
  if (!timingSafeEqual(Buffer.from(tokenHash), Buffer.from(adminTokenHash))) return null;
  return {
    organisationId: defaultOrganisationId,
    role: "admin",
    actor: "admin-token",
    tokenId: null,
    kind: "admin_token",
  };
}

/**
 * Looks a stored token up by its hash: it must belong to an existing organisation, be neither
 * revoked nor expired at `at`, and (for a session) act for a user who is not disabled.
 *
 * @param db - database
 * @param tokenHash - {@link hashToken} of the bearer token
 * @param at - the time the token must still be valid at
 * @returns the caller and the token's expiry, or `null` for an unknown, revoked or expired token
 * @example
 * ```ts
 * const live = await findLiveToken(db, hashToken(token), new Date());
 * live?.caller.role; // "read"
 * ```
 */
export async function findLiveToken(db: Queryable, tokenHash: string, at: Date): Promise<LiveToken | null> {
  const [row] = await db
    .select({
      id: tokens.id,
      organisationId: tokens.organisationId,
      role: tokens.role,
      actor: tokens.actor,
      kind: tokens.kind,
      expiresAt: tokens.expiresAt,
    })
    .from(tokens)
    .innerJoin(organisations, eq(organisations.id, tokens.organisationId))
    // A session of a disabled user is refused even if it was issued as the user was being disabled.
    .leftJoin(users, eq(users.id, tokens.userId))
    .where(
      and(
        eq(tokens.tokenHash, tokenHash),
        isNull(tokens.revokedAt),
        or(isNull(tokens.expiresAt), gt(tokens.expiresAt, at)),
        isNull(users.disabledAt),
      ),
    );
  if (row === undefined) return null;
  return {
    caller: {
      organisationId: row.organisationId,
      role: row.role,
      actor: row.actor,
      tokenId: row.id,
      kind: row.kind,
    },
    expiresAt: row.expiresAt,
  };
}

/**
 * Resolves a bearer token to the caller it stands for, without any cache: `KPI_ADMIN_TOKEN` (compared
 * in constant time) is the default organisation's admin; any other token is looked up by hash and must
 * be neither revoked nor expired. The API resolves tokens through a short-lived cache instead
 * (`token-cache.ts`).
 *
 * @param db - database
 * @param token - the bearer token
 * @param adminTokenHash - SHA-256 of `KPI_ADMIN_TOKEN`, when configured
 * @returns the caller, or `null` for an unknown, revoked or expired token
 * @example
 * ```ts
 * const caller = await resolveToken(db, token, undefined);
 * ```
 */
export async function resolveToken(
  db: Queryable,
  token: string,
  adminTokenHash: string | undefined,
): Promise<Caller | null> {
  const hash = hashToken(token);
  const admin = adminCaller(hash, adminTokenHash);
  if (admin !== null) return admin;
  return (await findLiveToken(db, hash, new Date()))?.caller ?? null;
}
