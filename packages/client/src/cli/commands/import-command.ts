import type { ImportKind } from "@kpi/contract";
import { KpiClientError } from "../../errors/kpi-client-error.js";
import { importReportText } from "../../import/import-report-text.js";
import type { CliIo, ExitCode } from "../cli-io.js";
import type { CliConfig } from "../config.js";
import { connect } from "../connection.js";
import { issueLines } from "../issue-lines.js";
import { readImportFiles } from "../read-import-files.js";

/** What `kpi import` was asked to do. */
export interface ImportCommand {
  /** The return: `ssda903`, `cin-census`, `workforce-census` or `annex-a`. */
  readonly kind: ImportKind;
  /** The return's folders or files. */
  readonly paths: readonly string[];
  readonly dryRun: boolean;
  /** Write nothing if any row would be dropped. */
  readonly strict?: boolean;
  /** Print the API's report as JSON. */
  readonly json?: boolean;
  /** The collection year as typed (`2018` or `2017-18`). */
  readonly year?: string;
  /** The first and last days an Annex A workbook covers (`--covers from..to`), when it does not say. */
  readonly from?: string;
  readonly to?: string;
}

/**
 * `kpi import <ssda903|cin-census|workforce-census|annex-a> <folder|files…>`: upload the return's files to
 * `POST /v1/imports/{kind}`, which maps them (the same mapping the portal uses), and print its report.
 * Exit status 0 when clean, 3 when rows were dropped and the rest written, 1 when nothing was written (a
 * whole-file problem, `--strict` with drops, the API unreachable), 2 for missing settings.
 *
 * @param command - the return, its paths and options
 * @param config - connection settings
 * @param io - streams and environment
 * @returns the exit status
 * @example
 * ```ts
 * await runImport({ kind: "cin-census", paths: ["cin-census.xml"], dryRun: true }, config, io);
 * ```
 */
export async function runImport(command: ImportCommand, config: CliConfig, io: CliIo): Promise<ExitCode> {
  const name = `kpi import ${command.kind}`;
  const read = await readImportFiles(io.cwd, command.paths);
  if (!read.ok) {
    io.stderr.write(`${name}: ${read.error}\n`);
    return 1;
  }
  const connection = connect(config, io);
  if (!connection.ok) {
    io.stderr.write(`${name}: ${connection.error}\n`);
    return 2;
  }
  let report: Awaited<ReturnType<typeof connection.client.importReturn>>;
  try {
    report = await connection.client.importReturn(command.kind, read.files, {
      ...(command.year === undefined ? {} : { year: command.year }),
      ...(command.from === undefined ? {} : { from: command.from }),
      ...(command.to === undefined ? {} : { to: command.to }),
      dryRun: command.dryRun,
      strict: command.strict === true,
    });
  } catch (error) {
    if (!(error instanceof KpiClientError)) throw error;
    io.stderr.write(issueLines(error.issues));
    io.stderr.write(`${name}: ${error.message}\n`);
    return 1;
  }
  io.stdout.write(command.json ? `${JSON.stringify(report, null, 2)}\n` : importReportText(report));
  if (report.outcome === "failed") return 1;
  return report.outcome === "partial" ? 3 : 0;
}
