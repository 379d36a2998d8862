/**
 * Where to send a person after signing in: the page they asked for, if it is a path on this site;
 * otherwise the dashboard. Stops `?next=https://evil.example` or `//evil.example` open redirects.
 *
 * @param next - the `next` parameter, if any
 * @returns a same-site path beginning with a single `/`
 * @example
 * ```ts
 * safeReturnPath("/reports/FY2019-20-Q2"); // "/reports/FY2019-20-Q2"
 * safeReturnPath("//evil.example"); // "/"
 * ```
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (next === null || next === undefined) return "/";
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if ([...next].some((ch) => ch.charCodeAt(0) < 32) || next.startsWith("/signin")) return "/";
  return next;
}
