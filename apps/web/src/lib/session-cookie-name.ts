/**
 * The session cookie's name. The `__Host-` prefix makes the browser insist on `Secure`, `Path=/` and no
 * `Domain`, so no other host or path can plant or read it. (Its own module so the proxy can import it
 * without pulling in zod.)
 *
 * @example
 * ```ts
 * cookies().get(SESSION_COOKIE);
 * ```
 */
export const SESSION_COOKIE = "__Host-kpi_session";
