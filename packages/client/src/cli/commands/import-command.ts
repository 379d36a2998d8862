import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { KpiClientError } from "../../errors/kpi-client-error.js";
import { importCinCensus } from "../../import/cin/import-cin-census.js";
import { formatImportReport, type ImportResult } from "../../import/import-report.js";
import { importReportText } from "../../import/import-report-text.js";
import type { CliIo, ExitCode } from "../cli-io.js";
import type { CliConfig } from "../config.js";
import { connect } from "../connection.js";
import { issueLines } from "../issue-lines.js";
import { createProgressBar } from "../progress-bar.js";
import { readImportFiles } from "../read-import-files.js";

/** What `kpi import` was asked to do. */
export interface ImportCommand {
  readonly kind: "ssda903" | "cin";
  /** The 903 folders or files, or the CIN census XML file (first). */
  readonly paths: readonly string[];
  readonly dryRun: boolean;
  /** Write nothing if any row would be dropped (903). */
  readonly strict?: boolean;
  /** Print the API's report as JSON (903). */
  readonly json?: boolean;
  /** The collection year as typed (`2018` or `2017-18`). */
  readonly year?: string;
  readonly batchSize?: number;
}

/**
 * `kpi import ssda903 <folder|files…>`: upload the return's files to `POST /v1/imports/ssda903`, which
 * maps them (the same mapping the portal uses), and print its report. Exit status 0 when clean, 3 when
 * rows were dropped and the rest written, 1 when nothing was written (a whole-file problem, `--strict`
 * with drops, the API unreachable).
 *
 * @param command - paths and options
 * @param config - connection settings
 * @param io - streams and environment
 * @returns the exit status
 * @example
 * ```ts
 * await runSsda903Import({ kind: "ssda903", paths: ["903"], dryRun: true, year: "2019-20" }, config, io);
 * ```
 */
export async function runSsda903Import(
  command: ImportCommand,
  config: CliConfig,
  io: CliIo,
): Promise<ExitCode> {
  const name = "kpi import ssda903";
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
    report = await connection.client.importReturn("ssda903", read.files, {
      ...(command.year === undefined ? {} : { year: command.year }),
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

/**
 * `kpi import ssda903 …` (see {@link runSsda903Import}) / `kpi import cin <file.xml>`: the CIN census is
 * still mapped on this machine (until it moves to `POST /v1/imports`): print what was mapped and
 * dropped (per table and row), then post each dataset, children first. Its generated record ids need
 * the authority's id key (`--id-key`, `KPI_ID_KEY` or `idKey` in the configuration file); a dry run
 * without one uses a throwaway key.
 *
 * @param command - kind, path and options
 * @param config - connection settings and id key
 * @param io - streams and environment
 * @returns 0 when everything mapped was posted (dropped rows are reported, not failures), 1 when the
 *   return cannot be read or the API refuses a batch, 2 for missing settings
 * @example
 * ```ts
 * await runImport({ kind: "cin", paths: ["cin-census.xml"], dryRun: true }, config, io);
 * ```
 */
export async function runImport(command: ImportCommand, config: CliConfig, io: CliIo): Promise<ExitCode> {
  if (command.kind === "ssda903") return runSsda903Import(command, config, io);
  const name = `kpi import ${command.kind}`;
  const path = command.paths[0] ?? "";
  let idKey = config.idKey;
  if (idKey !== null && idKey.length < 16) {
    io.stderr.write(`${name}: the id key must be at least 16 characters\n`);
    return 2;
  }
  if (idKey === null) {
    if (!command.dryRun) {
      io.stderr.write(
        `${name}: no id key for generated record ids: pass --id-key, set KPI_ID_KEY, or put "idKey" in kpi.config.json ` +
          "(use the same key for every import)\n",
      );
      return 2;
    }
    idKey = randomBytes(24).toString("hex");
    io.stderr.write(
      `${name}: no id key given; this dry run uses a throwaway one (ids differ from a real import)\n`,
    );
  }

  let result: ImportResult;
  {
    let xml: string;
    try {
      xml = await readFile(resolve(io.cwd, path), "utf8");
    } catch (e) {
      io.stderr.write(`${name}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 1;
    }
    const mapped = importCinCensus(xml, { file: basename(path), idKey });
    if (!mapped.ok) {
      io.stderr.write(`${name}: ${mapped.error}\n`);
      return 1;
    }
    result = mapped;
  }

  io.stdout.write(formatImportReport(result.report));
  if (command.dryRun) {
    const total = result.tables.reduce((n, t) => n + t.records.length, 0);
    io.stdout.write(`dry run: ${total} records mapped, nothing posted\n`);
    return 0;
  }

  const connection = connect(config, io);
  if (!connection.ok) {
    io.stderr.write(`${name}: ${connection.error}\n`);
    return 2;
  }
  for (const table of result.tables) {
    if (table.records.length === 0) continue;
    const bar = createProgressBar(io.stderr, table.records.length, table.dataset);
    try {
      const s = await connection.client.ingest(
        table.dataset,
        table.records.map((r) => r.values),
        {
          locate: (row) => table.records[row]?.source,
          onBatch: (p) => bar.update(p.rows),
          ...(command.batchSize === undefined ? {} : { batchSize: command.batchSize }),
        },
      );
      bar.done();
      io.stdout.write(
        `posted ${table.dataset}: ${s.received} received, ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged\n`,
      );
    } catch (error) {
      bar.done();
      if (!(error instanceof KpiClientError)) throw error;
      io.stderr.write(issueLines(error.issues));
      io.stderr.write(`${name}: posting ${table.dataset} failed: ${error.message}\n`);
      return 1;
    }
  }
  return 0;
}
