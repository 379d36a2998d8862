import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { datasets } from "@kpi/catalogue";
import { DEFAULT_BATCH_SIZE } from "../../client/ingest.js";
import { KpiClientError } from "../../errors/kpi-client-error.js";
import { importCinCensus } from "../../import/cin/import-cin-census.js";
import { formatImportReport, type ImportResult } from "../../import/import-report.js";
import { importSsda903 } from "../../import/ssda903/import-ssda903.js";
import { readSsda903Folder } from "../../import/ssda903/read-ssda903-folder.js";
import type { CliIo, ExitCode } from "../cli-io.js";
import type { CliConfig } from "../config.js";
import { connect } from "../connection.js";
import { issueLines } from "../issue-lines.js";
import { createProgressBar } from "../progress-bar.js";

/** What `kpi import` was asked to do. */
export interface ImportCommand {
  readonly kind: "ssda903" | "cin";
  /** The 903 extract folder, or the CIN census XML file. */
  readonly path: string;
  readonly dryRun: boolean;
  /** The year of the 903 return's 31 March. */
  readonly year?: number;
  readonly batchSize?: number;
}

/**
 * `kpi import ssda903 <folder>` / `kpi import cin <file.xml>`: map a statutory return onto the data
 * contract, print what was mapped and dropped (per table and row), then post each dataset, children
 * first; with the return's collection year known (`--year` for SSDA903, the CIN census's reference
 * date), each dated dataset is posted as a statutory return covering that year, replacing what was
 * stored within it. Generated record ids need the authority's id key (`--id-key`, `KPI_ID_KEY` or `idKey` in the
 * configuration file); a dry run without one uses a throwaway key.
 *
 * @param command - kind, path and options
 * @param config - connection settings and id key
 * @param io - streams and environment
 * @returns 0 when everything mapped was posted (dropped rows are reported, not failures), 1 when the
 *   return cannot be read or the API refuses a batch, 2 for missing settings
 * @example
 * ```ts
 * await runImport({ kind: "ssda903", path: "./903", dryRun: true, year: 2020 }, config, io);
 * ```
 */
export async function runImport(command: ImportCommand, config: CliConfig, io: CliIo): Promise<ExitCode> {
  const name = `kpi import ${command.kind}`;
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
  if (command.kind === "ssda903") {
    const read = await readSsda903Folder(resolve(io.cwd, command.path));
    if (!read.ok) {
      io.stderr.write(`${name}: ${read.error}\n`);
      return 1;
    }
    if (read.tables.oc3 !== undefined && command.year === undefined)
      io.stderr.write(
        `${name}: oc3.csv needs --year (the year of the return's 31 March); its rows are dropped\n`,
      );
    result = importSsda903(read.tables, {
      idKey,
      ...(command.year === undefined ? {} : { returnYear: command.year }),
    });
  } else {
    let xml: string;
    try {
      xml = await readFile(resolve(io.cwd, command.path), "utf8");
    } catch (e) {
      io.stderr.write(
        `${name}: cannot read ${command.path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`,
      );
      return 1;
    }
    const mapped = importCinCensus(xml, { file: basename(command.path), idKey });
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
  const year = result.collectionYear;
  if (year === undefined)
    io.stderr.write(`${name}: the collection year is not known, so the records' coverage will be inferred\n`);
  for (const table of result.tables) {
    // A dated dataset of a return covers its collection year, and replaces what was stored within it
    // (in one batch: replacing batch by batch would delete the earlier batches' rows).
    const replaces = year !== undefined && datasets[table.dataset].dating.kind !== "undated";
    if (table.records.length === 0 && !replaces) continue;
    const bar = createProgressBar(io.stderr, table.records.length, table.dataset);
    const batchSize = command.batchSize ?? DEFAULT_BATCH_SIZE;
    try {
      const s = await connection.client.ingest(
        table.dataset,
        table.records.map((r) => r.values),
        {
          locate: (row) => table.records[row]?.source,
          onBatch: (p) => bar.update(p.rows),
          ...(replaces
            ? {
                mode: "replace" as const,
                coverage: { from: year.from, to: year.to, kind: "statutory" as const, name: year.name },
                batchSize: Math.max(batchSize, table.records.length),
              }
            : { batchSize }),
        },
      );
      bar.done();
      const replaced = replaces ? `, ${s.deleted} deleted (${year.name})` : "";
      io.stdout.write(
        `posted ${table.dataset}: ${s.received} received, ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged${replaced}\n`,
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
