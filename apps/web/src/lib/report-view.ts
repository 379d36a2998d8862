import "server-only";
import { type Audience, type ReportView, reportView } from "@kpi/catalogue";
import { cache } from "react";
import { getReport } from "./api";
import { getSparklineHistories } from "./sparkline-histories";

/**
 * The report of a quarter as the audience may see it: the catalogue's `reportView` (the rule of the
 * CSV and Excel downloads, `c` for a suppressed figure) over the API's report and the sparklines'
 * recent quarters, worked out once per render and shared by every section.
 *
 * @param period - the quarter, e.g. `FY2019-20-Q2`
 * @param audience - `published` (the default of the page and its print) or `internal`
 * @returns the view
 * @example
 * ```ts
 * const view = await getReportView("FY2019-20-Q2", "published");
 * view.indicators.get("vul.private_fostering")?.quarter.value; // "c" for 3 children
 * ```
 */
export const getReportView = cache(async (period: string, audience: Audience): Promise<ReportView> => {
  const [report, history] = await Promise.all([getReport(period), getSparklineHistories(period)]);
  return reportView(report, { audience, history });
});
