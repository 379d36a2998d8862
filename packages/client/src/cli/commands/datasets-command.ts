import { describeSpans } from "@kpi/catalogue";
import type { DatasetList } from "@kpi/contract";
import { KpiClientError } from "../../errors/kpi-client-error.js";
import type { CliIo, ExitCode } from "../cli-io.js";
import type { CliConfig } from "../config.js";
import { connect } from "../connection.js";
import { formatTextTable } from "../text-table.js";

/** What `kpi datasets` was asked to do. */
export interface DatasetsCommand {
  readonly json: boolean;
}

/**
 * `kpi datasets`: what the organisation holds of each dataset, as a table (dataset, the spans its
 * records are complete for, and its sources: kind, name and span), or the API's JSON with `--json`.
 *
 * @param command - output choice
 * @param config - connection settings
 * @param io - streams and environment
 * @returns 0 on success, 1 when the API refuses or cannot be reached, 2 without connection settings
 * @example
 * ```ts
 * await runDatasets({ json: false }, config, io);
 * ```
 */
export async function runDatasets(command: DatasetsCommand, config: CliConfig, io: CliIo): Promise<ExitCode> {
  const connection = connect(config, io);
  if (!connection.ok) {
    io.stderr.write(`kpi datasets: ${connection.error}\n`);
    return 2;
  }
  let list: DatasetList;
  try {
    list = await connection.client.datasets();
  } catch (error) {
    if (!(error instanceof KpiClientError)) throw error;
    io.stderr.write(`kpi datasets: ${error.message}\n`);
    return 1;
  }
  if (command.json) {
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const rows: string[][] = [];
  for (const d of list.datasets) {
    const covered =
      d.dating.kind === "undated"
        ? "(no date coverage)"
        : d.coverage.spans.length === 0
          ? "nothing loaded"
          : describeSpans(d.coverage.spans);
    rows.push([d.name, covered, ""]);
    for (const s of d.coverage.sources)
      rows.push(["", `  ${describeSpans([{ from: s.from, to: s.to }])}`, `${s.kind}: ${s.name}`]);
  }
  io.stdout.write(formatTextTable(["dataset", "covered", "source"], rows));
  return 0;
}
