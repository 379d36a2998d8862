import { checkPeriodForWindow } from "@kpi/core";
import { type NextRequest, NextResponse } from "next/server";

/**
 * The report's quarter selector submits here (`GET /reports/go?period=…`), and is sent on to
 * `/reports/{period}`, so the choice works without JavaScript and the report URL stays clean. The
 * internal view's `audience=internal` is kept (the report page decides who may have it).
 *
 * @param request - the request with `period` (and `audience`)
 * @returns a redirect to the report of that quarter (or to `/reports`)
 */
export function GET(request: NextRequest): NextResponse {
  const { searchParams } = request.nextUrl;
  const checked = checkPeriodForWindow(searchParams.get("period") ?? "", "quarter");
  const internal = searchParams.get("audience") === "internal";
  const url = request.nextUrl.clone();
  url.search = checked.ok && internal ? "?audience=internal" : "";
  url.pathname = checked.ok ? `/reports/${checked.period.id}` : "/reports";
  return NextResponse.redirect(url, 303);
}
