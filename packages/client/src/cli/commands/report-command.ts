import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Audience, reportCsv, reportTable } from "@kpi/catalogue";
import type { QuarterlyReport } from "@kpi/contract";
import { KpiClientError } from "../../errors/kpi-client-error.js";
import type { CliIo, ExitCode } from "../cli-io.js";
import type { CliConfig } from "../config.js";
import { connect } from "../connection.js";

/** What `kpi report` was asked to do. */
export interface ReportCommand {
  readonly period: string;
  readonly format: "json" | "csv";
  /** Who the output is for: `published` (small counts suppressed, the default) or `internal`. */
  readonly audience: Audience;
  /** A file to write, or `undefined` for standard output. */
  readonly out?: string;
}

/**
 * The text `kpi report` writes, by the catalogue's one publication path (decision 186): CSV is
 * `reportCsv` (the portal's download); JSON for the `published` audience is the same `reportTable`
 * (period, label, audience, columns, rows, notes, sources), and for `internal` the whole report as the
 * API answers it. Only `internal` shows small counts.
 *
 * @param report - the report from the API
 * @param format - `json` or `csv`
 * @param audience - `published` or `internal`
 * @returns the text, ending with a line break
 * @example
 * ```ts
 * reportText(report, "json", "published"); // '{\n  "period": "FY2019-20-Q2", …'
 * ```
 */
export function reportText(report: QuarterlyReport, format: "json" | "csv", audience: Audience): string {
  if (format === "csv") return reportCsv(report, { audience });
  if (audience === "internal") return `${JSON.stringify(report, null, 2)}\n`;
  const table = reportTable(report, { audience });
  const published = {
    period: report.period,
    label: report.label,
    audience,
    columns: table.columns,
    rows: table.rows,
    notes: table.notes,
    sources: { columns: table.sourceColumns, rows: table.sources },
  };
  return `${JSON.stringify(published, null, 2)}\n`;
}

/**
 * `kpi report <period>`: fetch the quarterly report and write its published form ({@link reportText}:
 * small counts shown as c) or, with `--internal`, every figure, as CSV or JSON, to standard output or `--out`.
 *
 * @param command - period, format, output file
 * @param config - connection settings
 * @param io - streams and environment
 * @returns 0 on success, 1 when the API refuses or the file cannot be written
 * @example
 * ```ts
 * await runReport({ period: "FY2019-20-Q2", format: "csv", audience: "published", out: "q2.csv" }, config, io);
 * ```
 */
export async function runReport(command: ReportCommand, config: CliConfig, io: CliIo): Promise<ExitCode> {
  const connection = connect(config, io);
  if (!connection.ok) {
    io.stderr.write(`kpi report: ${connection.error}\n`);
    return 2;
  }
  let report: QuarterlyReport;
  try {
    report = await connection.client.report(command.period);
  } catch (error) {
    if (!(error instanceof KpiClientError)) throw error;
    io.stderr.write(
      `kpi report: ${error.message}${error.issues.length > 0 ? `: ${error.issues.map((i) => i.message).join("; ")}` : ""}\n`,
    );
    return 1;
  }
  const text = reportText(report, command.format, command.audience);
  if (command.out === undefined) {
    io.stdout.write(text);
    return 0;
  }
  try {
    await writeFile(resolve(io.cwd, command.out), text, "utf8");
  } catch (e) {
    io.stderr.write(
      `kpi report: cannot write ${command.out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`,
    );
    return 1;
  }
  const count = report.sections.reduce((n, s) => n + s.indicators.length, 0);
  io.stderr.write(
    `kpi report: wrote ${command.period} (${report.sections.length} sections, ${count} indicators) to ${command.out}\n`,
  );
  return 0;
}
