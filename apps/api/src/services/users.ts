import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Queryable } from "../db/database.js";
import { tokens, users } from "../db/schema.js";
import { needsRehash, type PasswordHasher } from "./passwords.js";
import type { Role } from "./roles.js";

/** A staff user as the API returns it (never the password hash). */
export interface UserInfo {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisationId: string;
  readonly createdAt: string;
  /** When the user was disabled, or `null`. */
  readonly disabledAt: string | null;
}

type UserRow = typeof users.$inferSelect;

function toInfo(row: UserRow): UserInfo {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    organisationId: row.organisationId,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

/**
 * Creates a staff user who can sign in to the portal; the password is stored as a scrypt hash.
 * Usernames are unique within an organisation only, so creating one never tells an organisation
 * which usernames another has (decision 143).
 *
 * @param db - database
 * @param passwords - the app's password hasher
 * @param input - username, password, display name, role, organisation and creator
 * @returns the user, or `null` when the organisation already has a user with that username
 * @example
 * ```ts
 * await createUser(db, passwords, { username: "jsmith", password: "a long passphrase",
 *   displayName: "J Smith", role: "analyst", organisationId: "default", createdBy: "admin-token" });
 * ```
 */
export async function createUser(
  db: Queryable,
  passwords: PasswordHasher,
  input: {
    username: string;
    password: string;
    displayName: string;
    role: Role;
    organisationId: string;
    createdBy: string;
  },
): Promise<UserInfo | null> {
  const passwordHash = await passwords.hash(input.password);
  const [row] = await db
    .insert(users)
    .values({
      id: randomUUID(),
      username: input.username,
      passwordHash,
      displayName: input.displayName,
      role: input.role,
      organisationId: input.organisationId,
      createdBy: input.createdBy,
    })
    .onConflictDoNothing()
    .returning();
  return row === undefined ? null : toInfo(row);
}

/**
 * An organisation's staff users, by username.
 *
 * @param db - database
 * @param organisationId - whose users
 * @returns the users (disabled ones included)
 * @example
 * ```ts
 * const list = await listUsers(db, "default");
 * ```
 */
export async function listUsers(db: Queryable, organisationId: string): Promise<UserInfo[]> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(asc(users.username));
  return rows.map(toInfo);
}

/**
 * Disables a user (they can no longer sign in, and every session of theirs is revoked in the same
 * transaction, which every API instance hears of at once) or enables them again.
 *
 * @param db - database
 * @param organisationId - the caller's organisation (a user of another is "not found")
 * @param id - the user's id
 * @param disabled - true to disable, false to enable
 * @returns the user as it now is, with the ids of the sessions ended, or `null` for no such user
 * @example
 * ```ts
 * const outcome = await setUserDisabled(db, "default", userId, true);
 * outcome?.endedSessions.length; // 2
 * ```
 */
export async function setUserDisabled(
  db: Db,
  organisationId: string,
  id: string,
  disabled: boolean,
): Promise<{ user: UserInfo; endedSessions: string[] } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, id), eq(users.organisationId, organisationId)))
      .for("update");
    if (row === undefined) return null;
    const disabledAt = disabled ? (row.disabledAt ?? new Date()) : null;
    const [updated] = await tx.update(users).set({ disabledAt }).where(eq(users.id, id)).returning();
    const ended = disabled
      ? await tx
          .update(tokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(tokens.userId, id), eq(tokens.kind, "session"), isNull(tokens.revokedAt)))
          .returning({ id: tokens.id })
      : [];
    return { user: toInfo(updated ?? row), endedSessions: ended.map((t) => t.id) };
  });
}

/**
 * Checks a username and password. With `organisationId` the user is looked up in that organisation;
 * without it, the one user with that username if exactly one organisation has it. Unknown, ambiguous
 * and disabled users and wrong passwords are indistinguishable (same answer, same work). A correct
 * password stored with older scrypt parameters is rehashed with the current ones.
 *
 * @param db - database
 * @param passwords - the app's password hasher
 * @param input - username and password as typed, and the organisation if given
 * @returns the user, or `null`
 * @example
 * ```ts
 * const user = await verifyUser(db, passwords, { username: "jsmith", password: "a long passphrase" });
 * ```
 */
export async function verifyUser(
  db: Queryable,
  passwords: PasswordHasher,
  input: { username: string; password: string; organisationId?: string | undefined },
): Promise<UserInfo | null> {
  const where =
    input.organisationId === undefined
      ? eq(users.username, input.username)
      : and(eq(users.username, input.username), eq(users.organisationId, input.organisationId));
  const rows = await db.select().from(users).where(where).limit(2);
  const row = rows.length === 1 ? rows[0] : undefined;
  if (row === undefined) return passwords.verifyDecoy(input.password).then(() => null);
  const ok = await passwords.verify(input.password, row.passwordHash);
  if (!ok || row.disabledAt !== null) return null;
  if (needsRehash(row.passwordHash)) {
    const passwordHash = await passwords.hash(input.password);
    await db
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, row.id), eq(users.passwordHash, row.passwordHash)));
  }
  return toInfo(row);
}
