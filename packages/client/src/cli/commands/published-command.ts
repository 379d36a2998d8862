import {
  type Authority,
  createBatchValidator,
  findAuthority,
  findIndicator,
  publishedStatusCodes,
} from "@kpi/catalogue";
import type { Organisation } from "@kpi/contract";
import { type PublishedImport, publishedImport, readPublishedFiles } from "@kpi/imports";
import type { IngestSummary } from "../../client/ingest.js";
import { KpiClientError } from "../../errors/kpi-client-error.js";
import type { CliIo, ExitCode } from "../cli-io.js";
import type { CliConfig } from "../config.js";
import { connect } from "../connection.js";
import { issueLines } from "../issue-lines.js";
import { readImportFiles } from "../read-import-files.js";

/** What `kpi import published` was asked to do. */
export interface PublishedCommand {
  /** The published files, or folders holding them. */
  readonly paths: readonly string[];
  /** The authority's code (`--la`), instead of the organisation's. */
  readonly la?: string;
  /** The organisation whose local-authority code says which authority it is (`--organisation`). */
  readonly organisation?: string;
  readonly dryRun: boolean;
  /** Print what would be posted as JSON. */
  readonly json?: boolean;
}

const NAME = "kpi import published";
const PUBLISHED_FILES = /\.(csv|parquet|xlsx)$/i;
const SHOWN_ISSUES = 20;

/**
 * `kpi import published <file…>`: read DfE's published statistics as downloaded (explore-education-
 * statistics CSVs, LAIT's long table and data dictionary, a statistical-neighbour list), and post, for
 * the authority the organisation is (its `la_code`, read with `GET /v1/organisations/{id}` for
 * `--organisation`) or the one `--la` names, the benchmarks of every indicator mapped (England with the
 * authority's rank and band, its region, its statistical neighbours' mean, median and members) and its
 * populations (0–17). Both are upserted: re-importing a corrected publication updates the figures.
 * Exit status 0 when posted (or valid, `--dry-run`), 1 for a whole-file problem or an API error, 2 for
 * missing settings or no authority.
 *
 * @param command - files and options
 * @param config - connection settings
 * @param io - streams and environment
 * @returns the exit status
 * @example
 * ```ts
 * await runPublished({ paths: ["dfe-published"], la: "885", dryRun: true }, config, io);
 * ```
 */
export async function runPublished(
  command: PublishedCommand,
  config: CliConfig,
  io: CliIo,
): Promise<ExitCode> {
  const files = await readImportFiles(io.cwd, command.paths, PUBLISHED_FILES);
  if (!files.ok) {
    io.stderr.write(`${NAME}: ${files.error}\n`);
    return 1;
  }
  const read = await readPublishedFiles(files.files.map((f) => ({ name: f.path, bytes: f.bytes })));
  if (!read.ok) {
    io.stderr.write(`${NAME}: ${read.problem}; nothing was posted\n`);
    return 1;
  }
  if (read.figures.length === 0 && read.populations.length === 0) {
    io.stderr.write(
      `${NAME}: the files hold no published figures (give the publications' CSVs or LAIT's table); nothing was posted\n`,
    );
    return 1;
  }

  const connection = command.dryRun && command.la !== undefined ? null : connect(config, io);
  if (connection !== null && !connection.ok) {
    io.stderr.write(`${NAME}: ${connection.error}\n`);
    return 2;
  }
  let authority: Authority;
  if (command.la !== undefined) {
    const found = findAuthority(command.la);
    if (found === null || found === undefined) {
      io.stderr.write(
        `${NAME}: no local authority in England has the code ${command.la} (--la takes 885 or E10000034)\n`,
      );
      return 2;
    }
    authority = found;
  } else if (connection !== null) {
    // The organisation named, or else the token's own: its local-authority code says which authority.
    const named = command.organisation;
    let organisation: Organisation;
    try {
      organisation =
        named === undefined
          ? await connection.client.currentOrganisation()
          : await connection.client.organisation(named);
    } catch (error) {
      if (!(error instanceof KpiClientError)) throw error;
      const which = named === undefined ? "this token's organisation" : `organisation ${named}`;
      io.stderr.write(`${NAME}: reading ${which}: ${error.message}\n`);
      return 1;
    }
    const code = organisation.authority?.old_la_code ?? null;
    const found = code === null ? null : findAuthority(code);
    if (found === null || found === undefined) {
      io.stderr.write(
        `${NAME}: organisation ${organisation.id} has no local-authority code: its admin sets it (PATCH /v1/organisations/${organisation.id} with la_code), or give --la CODE\n`,
      );
      return 2;
    }
    authority = found;
  } else {
    io.stderr.write(
      `${NAME}: which authority? give --organisation ID (the organisation's local-authority code is used) or --la CODE (e.g. 885 or E10000034)\n`,
    );
    return 2;
  }

  const neighbours = read.neighbours?.neighbours.get(authority.oldCode) ?? [];
  const result = publishedImport(read, {
    oldCode: authority.oldCode,
    regionCode: authority.regionCode,
    neighbours,
  });
  writeReadSummary(io, read, authority, neighbours.length, result);
  if (command.json)
    io.stdout.write(
      `${JSON.stringify({ benchmarks: result.benchmarks, populations: result.populations }, null, 2)}\n`,
    );

  if (command.dryRun || connection === null) {
    for (const [dataset, rows] of [
      ["benchmarks", result.benchmarks],
      ["populations", result.populations],
    ] as const) {
      const validator = createBatchValidator(dataset, { format: "json" });
      for (const r of rows) validator.push(r as unknown as Record<string, unknown>);
      const { issues, issueCount, received } = validator.finish();
      io.stderr.write(issueLines(issues));
      io.stdout.write(
        `${dataset} (dry run, nothing posted): ${received} rows, ${received - new Set(issues.map((i) => i.row)).size} valid\n`,
      );
      if (issueCount > 0) return 1;
    }
    return 0;
  }
  try {
    for (const [dataset, rows] of [
      ["benchmarks", result.benchmarks],
      ["populations", result.populations],
    ] as const) {
      if (rows.length === 0) continue;
      const summary = await connection.client.ingest(dataset, rows as unknown as Record<string, unknown>[], {
        mode: "upsert",
        format: "json",
      });
      io.stdout.write(summaryLine(summary));
    }
  } catch (error) {
    if (!(error instanceof KpiClientError)) throw error;
    io.stderr.write(issueLines(error.issues));
    io.stderr.write(`${NAME}: ${error.message}\n`);
    return 1;
  }
  return 0;
}

function writeReadSummary(
  io: CliIo,
  read: Extract<Awaited<ReturnType<typeof readPublishedFiles>>, { ok: true }>,
  authority: Authority,
  neighbourCount: number,
  result: PublishedImport,
): void {
  for (const f of read.files)
    io.stdout.write(`${f.file}: ${f.kind}${f.measures.length > 0 ? ` (${f.measures.join(", ")})` : ""}\n`);
  io.stdout.write(
    `authority: ${authority.name} (${authority.oldCode}, ${authority.newCode}), ${authority.regionName}\n`,
  );
  io.stdout.write(
    read.neighbours === null
      ? "statistical neighbours: no list given, so no neighbour benchmarks\n"
      : `statistical neighbours: ${neighbourCount} from ${read.neighbours.file}\n`,
  );
  for (const p of result.posted) {
    const title = findIndicator(p.indicatorId)?.definition.title ?? p.indicatorId;
    io.stdout.write(`  ${p.indicatorId} (${title}): ${p.periods.join(", ")}\n`);
  }
  for (const n of result.notPosted) io.stdout.write(`  not posted: ${n.indicatorId}: ${n.reason}\n`);
  // DfE's symbols are posted as the benchmark's status, never as 0: say how many, in words.
  const statuses = new Map<string, number>();
  for (const b of result.benchmarks)
    if (b.status !== undefined) statuses.set(b.status, (statuses.get(b.status) ?? 0) + 1);
  for (const { code, label } of publishedStatusCodes) {
    const n = statuses.get(code);
    if (n !== undefined)
      io.stdout.write(`  ${n} figure${n === 1 ? "" : "s"} '${code}': ${label} (kept, not 0)\n`);
  }
  for (const i of read.issues.slice(0, SHOWN_ISSUES))
    io.stderr.write(`${i.file}${i.line === null ? "" : `:${i.line}`} ${i.column}: ${i.message} (left out)\n`);
  if (read.issues.length > SHOWN_ISSUES)
    io.stderr.write(`… and ${read.issues.length - SHOWN_ISSUES} more cells left out\n`);
}

function summaryLine(s: IngestSummary): string {
  return `${s.dataset}: ${s.received} received, ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged\n`;
}
