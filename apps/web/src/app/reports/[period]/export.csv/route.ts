import { reportCsv } from "@kpi/catalogue";
import { checkPeriodForWindow } from "@kpi/core";
import { getReport } from "../../../../lib/api";

/**
 * `GET /reports/{period}/export.csv`: the report's figures as CSV (UTF-8 with a byte-order mark so
 * Excel reads the en dashes), with disclosure control applied: counts of children from 1 to 5 are `c`;
 * after them, a "Sources" section listing the sources the figures drew on.
 *
 * @param _request - the request
 * @param context - the route's `period`
 * @returns the CSV as a download
 */
export async function GET(
  _request: Request,
  context: RouteContext<"/reports/[period]/export.csv">,
): Promise<Response> {
  const checked = checkPeriodForWindow((await context.params).period, "quarter");
  if (!checked.ok) return new Response("A report is for a quarter, such as FY2019-20-Q2.\n", { status: 404 });
  // The published table, then a blank row and the sources its figures drew on (as `kpi report`).
  const csv = reportCsv(await getReport(checked.period.id), { audience: "published" });
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="quarterly-report-${checked.period.id}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
