import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Audience, reportCsv } from "@kpi/catalogue";
import type { QuarterlyReport } from "@kpi/contract";
import { KpiClientError } from "../../errors/kpi-client-error.js";
import type { CliIo, ExitCode } from "../cli-io.js";
import type { CliConfig } from "../config.js";
import { connect } from "../connection.js";

/** What `kpi report` was asked to do. */
export interface ReportCommand {
  readonly period: string;
  readonly format: "json" | "csv";
  /** Who the CSV is for: `published` (small counts suppressed) or `internal`. */
  readonly audience: Audience;
  /** A file to write, or `undefined` for standard output. */
  readonly out?: string;
}

/**
 * `kpi report <period>`: fetch the quarterly report and write it as JSON (the whole report) or CSV
 * (the catalogue's `reportCsv`, the portal's download: small counts suppressed unless `--internal`) to standard output or `--out`.
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
  const text =
    command.format === "csv"
      ? reportCsv(report, { audience: command.audience })
      : `${JSON.stringify(report, null, 2)}\n`;
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
