import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decodeSession, encodeSession, type PortalSession } from "./session-cookie";
import { SESSION_COOKIE } from "./session-cookie-name";

/**
 * The signed-in person's session from the cookie, or `null` when signed out or expired.
 *
 * @returns the session or `null`
 * @example
 * ```ts
 * const session = await readSession();
 * ```
 */
export async function readSession(): Promise<PortalSession | null> {
  const store = await cookies();
  return decodeSession(store.get(SESSION_COOKIE)?.value, Date.now());
}

/**
 * The signed-in person's session; redirects to the sign-in page when there is none.
 *
 * @returns the session
 * @example
 * ```ts
 * const { token, role } = await requireSession();
 * ```
 */
export async function requireSession(): Promise<PortalSession> {
  const session = await readSession();
  if (session === null) redirect("/signin?reason=expired");
  return session;
}

/**
 * Stores a new session in a secure, http-only, SameSite=Lax cookie that expires with the API token.
 * Only callable from a server action or route handler.
 *
 * @param session - the session from a successful sign-in
 * @example
 * ```ts
 * await writeSessionCookie(session);
 * ```
 */
export async function writeSessionCookie(session: PortalSession): Promise<void> {
  const store = await cookies();
  store.set(SESSION_COOKIE, encodeSession(session), {
    httpOnly: true,
    secure: true,
    sameSite: "lax",
    path: "/",
    expires: new Date(session.expiresAt),
  });
}

/**
 * Removes the session cookie. Only callable from a server action or route handler.
 *
 * @example
 * ```ts
 * await clearSessionCookie();
 * ```
 */
export async function clearSessionCookie(): Promise<void> {
  const store = await cookies();
  store.set(SESSION_COOKIE, "", { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 0 });
}
