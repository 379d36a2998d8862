import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "../db/database.js";
import { users } from "../db/schema.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import type { Role } from "./roles.js";

/** A staff user as the API returns it (never the password hash). */
export interface UserInfo {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisationId: string;
  readonly createdAt: string;
}

/**
 * Creates a staff user who can sign in to the portal; the password is stored as a scrypt hash.
 *
 * @param db - database
 * @param input - username, password, display name, role, organisation and creator
 * @returns the user, or `null` when the username is taken
 * @example
 * ```ts
 * await createUser(db, { username: "jsmith", password: "a long passphrase", displayName: "J Smith",
 *   role: "analyst", organisationId: "default", createdBy: "admin-token" });
 * ```
 */
export async function createUser(
  db: Queryable,
  input: {
    username: string;
    password: string;
    displayName: string;
    role: Role;
    organisationId: string;
    createdBy: string;
  },
): Promise<UserInfo | null> {
  const passwordHash = await hashPassword(input.password);
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
  if (row === undefined) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    organisationId: row.organisationId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A password hash to compare against when the username is unknown, so timing does not reveal it. */
let decoyHash: Promise<string> | undefined;

/**
 * Checks a username and password.
 *
 * @param db - database
 * @param username - as typed
 * @param password - as typed
 * @returns the user, or `null` when the username is unknown or the password wrong (indistinguishable)
 * @example
 * ```ts
 * const user = await verifyUser(db, "jsmith", "a long passphrase");
 * ```
 */
export async function verifyUser(
  db: Queryable,
  username: string,
  password: string,
): Promise<UserInfo | null> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  if (row === undefined) {
    decoyHash ??= hashPassword("decoy password for unknown users");
    await verifyPassword(password, await decoyHash);
    return null;
  }
  if (!(await verifyPassword(password, row.passwordHash))) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    organisationId: row.organisationId,
    createdAt: row.createdAt.toISOString(),
  };
}
