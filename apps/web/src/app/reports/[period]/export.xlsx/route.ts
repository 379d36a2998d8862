import { reportTable } from "@kpi/catalogue";
import { checkPeriodForWindow } from "@kpi/core";
import ExcelJS from "exceljs";
import { getReport } from "../../../../lib/api";

/**
 * `GET /reports/{period}/export.xlsx`: the report's figures as an Excel workbook (a "Figures" sheet
 * with a frozen heading row, a "Sources" sheet of the sources they drew on, and a "Notes" sheet), with
 * disclosure control applied: counts of children from 1 to 5 are `c`.
 *
 * @param _request - the request
 * @param context - the route's `period`
 * @returns the workbook as a download
 */
export async function GET(
  _request: Request,
  context: RouteContext<"/reports/[period]/export.xlsx">,
): Promise<Response> {
  const checked = checkPeriodForWindow((await context.params).period, "quarter");
  if (!checked.ok) return new Response("A report is for a quarter, such as FY2019-20-Q2.\n", { status: 404 });
  const report = await getReport(checked.period.id);
  const table = reportTable(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Children’s services performance";
  workbook.title = `Quarterly performance report ${report.label}`;
  const sheet = workbook.addWorksheet("Figures", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((c) => c ?? null));
  sheet.columns.forEach((column, i) => {
    column.width = [20, 30, 60, 14, 28, 14, 12, 12, 12, 12, 10][i] ?? 12;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  const sources = workbook.addWorksheet("Sources", { views: [{ state: "frozen", ySplit: 1 }] });
  sources.addRow(table.sourceColumns).font = { bold: true };
  for (const row of table.sources) sources.addRow(row);
  sources.columns.forEach((column, i) => {
    column.width = [20, 44, 24, 26, 20][i] ?? 16;
  });
  const notes = workbook.addWorksheet("Notes");
  notes.getColumn(1).width = 120;
  for (const note of table.notes) notes.addRow([note]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="quarterly-report-${checked.period.id}.xlsx"`,
      "cache-control": "private, no-store",
    },
  });
}
