import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE } from "./lib/session-cookie-name";

/**
 * Sends signed-out visitors to the sign-in page for every page and download, remembering where they
 * were going. It only checks that a session cookie is present; the API checks the token itself on
 * every call, and an expired token also ends at the sign-in page.
 *
 * @param request - the incoming request
 * @returns a redirect to `/signin?next=…`, or nothing to carry on
 * @example
 * ```ts
 * // GET /reports/FY2019-20-Q2 without a cookie → 307 /signin?next=%2Freports%2FFY2019-20-Q2
 * ```
 */
export function proxy(request: NextRequest): NextResponse | undefined {
  if (request.cookies.get(SESSION_COOKIE)?.value) return undefined;
  const url = request.nextUrl.clone();
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/signin";
  url.search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!signin|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
