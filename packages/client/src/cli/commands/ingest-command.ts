import {
  createBatchValidator,
  type DatasetName,
  datasetNames,
  describeSpan,
  isDatasetName,
} from "@kpi/catalogue";
import { type CoverageOption, type IngestSummary, summariseBatches } from "../../client/ingest.js";
import { KpiClientError } from "../../errors/kpi-client-error.js";
import type { SourcedRecord } from "../../input/record-file.js";
import type { CliIo, ExitCode } from "../cli-io.js";
import type { CliConfig } from "../config.js";
import { connect } from "../connection.js";
import { issueLines } from "../issue-lines.js";
import { createProgressBar } from "../progress-bar.js";
import { readRecordFiles } from "../read-record-files.js";

/** What `kpi ingest` was asked to do. */
export interface IngestCommand {
  readonly dataset: string;
  readonly files: readonly string[];
  readonly dryRun: boolean;
  readonly mode: "upsert" | "replace";
  readonly batchSize?: number;
  readonly idempotencyKey?: string;
  /** What the files' records are complete for (`--covers`, `--as-of`). */
  readonly coverage?: CoverageOption;
}

/**
 * `kpi ingest <dataset> <file…>`: read the files, then either validate them locally with the
 * catalogue's schemas (`--dry-run`) or post them in batches with a progress bar, declaring what they
 * cover when asked (`--covers`, `--as-of`); print every rejected row as `file:line field: message`, a
 * summary (received / inserted / updated / unchanged / rejected) and the coverage recorded.
 *
 * @param command - dataset, files and options
 * @param config - connection settings
 * @param io - streams and environment
 * @returns 0 when every row was accepted (or is valid), 1 otherwise, 2 for an unknown dataset
 * @example
 * ```ts
 * await runIngest({ dataset: "children", files: ["children.csv"], dryRun: true, mode: "upsert" }, config, io);
 * ```
 */
export async function runIngest(command: IngestCommand, config: CliConfig, io: CliIo): Promise<ExitCode> {
  if (!isDatasetName(command.dataset)) {
    io.stderr.write(
      `kpi ingest: unknown dataset '${command.dataset}'; datasets: ${datasetNames.join(", ")}\n`,
    );
    return 2;
  }
  const dataset: DatasetName = command.dataset;
  const read = await readRecordFiles(command.files, io.cwd);
  if (!read.ok) {
    io.stderr.write(`kpi ingest: ${read.error}\n`);
    return 1;
  }
  const { records, format } = read;
  if (command.dryRun) return dryRun(dataset, records, format, io);

  const connection = connect(config, io);
  if (!connection.ok) {
    io.stderr.write(`kpi ingest: ${connection.error}\n`);
    return 2;
  }
  const bar = createProgressBar(io.stderr, records.length, dataset);
  try {
    const summary = await connection.client.ingest(
      dataset,
      records.map((r) => r.values),
      {
        mode: command.mode,
        format,
        locate: (row) => records[row]?.source,
        onBatch: (p) => bar.update(p.rows),
        ...(command.batchSize === undefined ? {} : { batchSize: command.batchSize }),
        ...(command.idempotencyKey === undefined ? {} : { idempotencyKey: command.idempotencyKey }),
        ...(command.coverage === undefined ? {} : { coverage: command.coverage }),
      },
    );
    bar.done();
    io.stdout.write(summaryLine(dataset, summary, 0));
    if (summary.coverage !== null) io.stdout.write(coverageLine(summary.coverage));
    return 0;
  } catch (error) {
    bar.done();
    if (!(error instanceof KpiClientError)) throw error;
    io.stderr.write(issueLines(error.issues));
    if (error.issueCount > error.issues.length)
      io.stderr.write(`… and ${error.issueCount - error.issues.length} more problems\n`);
    const hint = error.code === "payload_too_large" ? " (use a smaller --batch-size)" : "";
    io.stderr.write(`kpi ingest: ${error.message}${hint}\n`);
    const rejected = new Set(error.issues.map((i) => i.row).filter((r) => r !== null)).size;
    const written = summariseBatches(dataset, command.mode, error.completed);
    io.stdout.write(summaryLine(dataset, written, rejected));
    if (error.completed.length > 0)
      io.stdout.write(
        `${error.completed.length} earlier batch${error.completed.length === 1 ? " was" : "es were"} written; the failed batch and any after it were not\n`,
      );
    return 1;
  }
}

function dryRun(
  dataset: DatasetName,
  records: readonly SourcedRecord[],
  format: "json" | "csv",
  io: CliIo,
): ExitCode {
  const validator = createBatchValidator(dataset, { format });
  for (const r of records) validator.push(r.values);
  const { issues, issueCount, received } = validator.finish();
  io.stderr.write(
    issueLines(
      issues.map((i) => {
        const source = records[i.row]?.source;
        return { row: i.row, field: i.field, message: i.message, ...(source ? { source } : {}) };
      }),
    ),
  );
  if (issueCount > issues.length) io.stderr.write(`… and ${issueCount - issues.length} more problems\n`);
  const invalidRows = new Set(issues.map((i) => i.row)).size;
  io.stdout.write(
    `${dataset} (dry run, nothing posted): ${received} rows read, ${received - invalidRows} valid, ${invalidRows} rejected\n`,
  );
  return issueCount === 0 ? 0 : 1;
}

function coverageLine(source: NonNullable<IngestSummary["coverage"]>): string {
  return `coverage recorded (${source.kind}): ${describeSpan(source)}, "${source.name}"\n`;
}

function summaryLine(dataset: string, s: IngestSummary, rejected: number): string {
  const deleted = s.mode === "replace" ? `, ${s.deleted} deleted` : "";
  const batches = `${s.batches.length} batch${s.batches.length === 1 ? "" : "es"}`;
  return `${dataset}: ${s.received} received, ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged${deleted}, ${rejected} rejected (${batches})\n`;
}
