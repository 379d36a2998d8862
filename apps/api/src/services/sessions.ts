import type { Queryable } from "../db/database.js";
import type { PasswordHasher } from "./passwords.js";
import type { Role } from "./roles.js";
import { issueToken } from "./tokens.js";
import { verifyUser } from "./users.js";

/** A started portal session: the bearer token (returned once) and who it acts as. */
export interface Session {
  readonly token: string;
  readonly tokenId: string;
  readonly expiresAt: string;
  readonly user: { readonly username: string; readonly displayName: string; readonly role: Role };
  readonly organisationId: string;
}

/**
 * Signs a staff user in: checks the password and issues a `session` token that expires after
 * `ttlMinutes`, acts for that user (disabling the user ends it) and whose actor is the username, so
 * every change made with it records the person.
 *
 * @param db - database
 * @param passwords - the app's password hasher
 * @param input - username, password, organisation (optional), session length and the current time
 * @returns the session, or `null` when the details are wrong (or the user is disabled)
 * @example
 * ```ts
 * const session = await startSession(db, passwords, { username: "jsmith", password: "…", ttlMinutes: 480, now: new Date() });
 * ```
 */
export async function startSession(
  db: Queryable,
  passwords: PasswordHasher,
  input: { username: string; password: string; organisationId?: string; ttlMinutes: number; now: Date },
): Promise<Session | null> {
  const user = await verifyUser(db, passwords, input);
  if (user === null) return null;
  const expiresAt = new Date(input.now.getTime() + input.ttlMinutes * 60_000);
  const { token, info } = await issueToken(db, {
    organisationId: user.organisationId,
    name: `session:${user.username}`,
    role: user.role,
    kind: "session",
    actor: user.username,
    createdBy: user.username,
    expiresAt,
    userId: user.id,
  });
  return {
    token,
    tokenId: info.id,
    expiresAt: expiresAt.toISOString(),
    user: { username: user.username, displayName: user.displayName, role: user.role },
    organisationId: user.organisationId,
  };
}
