import { checkPeriodForWindow } from "@kpi/core";
import { type NextRequest, NextResponse } from "next/server";

/**
 * The report's quarter selector submits here (`GET /reports/go?period=…`), and is sent on to
 * `/reports/{period}`, so the choice works without JavaScript and the report URL stays clean.
 *
 * @param request - the request with `period`
 * @returns a redirect to the report of that quarter (or to `/reports`)
 */
export function GET(request: NextRequest): NextResponse {
  const checked = checkPeriodForWindow(request.nextUrl.searchParams.get("period") ?? "", "quarter");
  const url = request.nextUrl.clone();
  url.search = "";
  url.pathname = checked.ok ? `/reports/${checked.period.id}` : "/reports";
  return NextResponse.redirect(url, 303);
}
