import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "./lib/content-security-policy";
import { PAGE_PATH_HEADER } from "./lib/page-path";
import { SESSION_COOKIE } from "./lib/session-cookie-name";

/**
 * Runs before every page and download. It gives the response a Content-Security-Policy with a fresh
 * nonce (passed on to Next.js in the request's own `Content-Security-Policy` header, which is how Next
 * learns to put the nonce on its scripts), and sends signed-out visitors to the sign-in page,
 * remembering where they were going. It only checks that a session cookie is present; the API checks
 * the token itself on every call, and an expired token also ends at the sign-in page.
 *
 * @param request - the incoming request
 * @returns a redirect to `/signin?next=…`, or the request carried on with its policy
 * @example
 * ```ts
 * // GET /reports/FY2019-20-Q2 without a cookie → 307 /signin?next=%2Freports%2FFY2019-20-Q2
 * ```
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const signInPage = request.nextUrl.pathname === "/signin";
  if (!signInPage && !request.cookies.get(SESSION_COOKIE)?.value) {
    const url = request.nextUrl.clone();
    const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    url.pathname = "/signin";
    url.search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // The page asked for, so a page the API turned away (too many requests) can offer to try it again.
  headers.set(PAGE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
