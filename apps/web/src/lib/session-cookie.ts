import { organisationIdSchema, roleSchema } from "@kpi/contract";
import { z } from "zod";

/**
 * What the session cookie holds: the API session token and, for display only, who signed in and the
 * organisation they belong to. The role here only decides which controls to show; the API checks the
 * token's own role and organisation on every call. `organisation` is missing from cookies written
 * before the portal kept it: those sessions carry on, and only the organisation page asks the person
 * to sign in again.
 */
export const portalSessionSchema = z.object({
  token: z.string().min(1),
  username: z.string().min(1),
  displayName: z.string().min(1),
  role: roleSchema,
  organisation: organisationIdSchema.optional(),
  expiresAt: z.iso.datetime({ offset: true }),
});
/** See {@link portalSessionSchema}. */
export type PortalSession = z.infer<typeof portalSessionSchema>;

/**
 * Encodes a session as the cookie's value (base64url JSON).
 *
 * @param session - the session to store
 * @returns the cookie value
 * @example
 * ```ts
 * const value = encodeSession({ token: "t", username: "a", displayName: "A", role: "read",
 *   expiresAt: "2030-01-01T00:00:00Z" });
 * ```
 */
export function encodeSession(session: PortalSession): string {
  return Buffer.from(JSON.stringify(portalSessionSchema.parse(session)), "utf8").toString("base64url");
}

/**
 * Decodes the cookie's value; a malformed, tampered-into-nonsense or expired value is no session.
 *
 * @param value - the cookie value, if any
 * @param nowMs - the current time in milliseconds (passed in so the decision is testable)
 * @returns the session, or `null`
 * @example
 * ```ts
 * decodeSession(undefined, Date.now()); // null
 * ```
 */
export function decodeSession(value: string | undefined, nowMs: number): PortalSession | null {
  if (value === undefined || value.length === 0 || value.length > 4096) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = portalSessionSchema.safeParse(json);
  if (!parsed.success) return null;
  return Date.parse(parsed.data.expiresAt) > nowMs ? parsed.data : null;
}
