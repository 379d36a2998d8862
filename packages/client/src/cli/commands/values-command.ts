import type { IndicatorSeries, SeriesEntry } from "@kpi/contract";
import type { ValuesQuery } from "../../client/create-client.js";
import { KpiClientError } from "../../errors/kpi-client-error.js";
import type { CliIo, ExitCode } from "../cli-io.js";
import type { CliConfig } from "../config.js";
import { connect } from "../connection.js";
import { formatFigure } from "../format-figure.js";
import { formatTextTable } from "../text-table.js";

/** What `kpi values` was asked to do. */
export interface ValuesCommand {
  readonly indicator: string;
  readonly query: ValuesQuery;
  readonly json: boolean;
}

const WINDOWS = ["quarter", "month", "ytd", "year", "rolling12"] as const;

/**
 * Whether a string is a window the API knows.
 *
 * @param value - the `--window` flag
 * @returns true for quarter, month, ytd, year or rolling12
 * @example
 * ```ts
 * isWindow("ytd"); // true
 * ```
 */
export function isWindow(value: string): value is NonNullable<ValuesQuery["window"]> {
  return (WINDOWS as readonly string[]).includes(value);
}

/**
 * `kpi values <indicator>`: fetch an indicator's values and print them as a table (period, value,
 * numerator, denominator, target, status, note; with `--by`, one indented line per group), or as the
 * API's JSON with `--json`.
 *
 * @param command - indicator, query and output choice
 * @param config - connection settings
 * @param io - streams and environment
 * @returns 0 on success, 1 when the API refuses or cannot be reached
 * @example
 * ```ts
 * await runValues({ indicator: "ffd.contacts_swa_pct", query: { from: "FY2019-20-Q1", to: "FY2019-20-Q2" }, json: false }, config, io);
 * ```
 */
export async function runValues(command: ValuesCommand, config: CliConfig, io: CliIo): Promise<ExitCode> {
  const connection = connect(config, io);
  if (!connection.ok) {
    io.stderr.write(`kpi values: ${connection.error}\n`);
    return 2;
  }
  let series: IndicatorSeries;
  try {
    series = await connection.client.values(command.indicator, command.query);
  } catch (error) {
    if (!(error instanceof KpiClientError)) throw error;
    io.stderr.write(
      `kpi values: ${error.message}${error.issues.length > 0 ? `: ${error.issues.map((i) => i.message).join("; ")}` : ""}\n`,
    );
    return 1;
  }
  if (command.json) {
    io.stdout.write(`${JSON.stringify(series, null, 2)}\n`);
    return 0;
  }
  const rows: string[][] = [];
  for (const entry of series.values) {
    rows.push(entryRow(entry.period, entry));
    for (const g of entry.groups ?? [])
      rows.push(entryRow(`  ${g.label}`, { ...g, unit: entry.unit, target: null, status: null, note: null }));
  }
  io.stdout.write(`${series.indicator} (${series.window})\n`);
  io.stdout.write(
    formatTextTable(["period", "value", "numerator", "denominator", "target", "status", "note"], rows),
  );
  return 0;
}

function entryRow(
  label: string,
  e: Pick<SeriesEntry, "value" | "numerator" | "denominator" | "unit" | "target" | "status" | "note">,
): string[] {
  const target =
    e.target === null || e.target === undefined
      ? ""
      : Array.isArray(e.target)
        ? `${formatFigure(e.target[0], e.unit)}–${formatFigure(e.target[1], e.unit)}`
        : formatFigure(e.target, e.unit);
  return [
    label,
    formatFigure(e.value, e.unit),
    e.numerator === null ? "" : formatFigure(e.numerator, "count"),
    e.denominator === null ? "" : formatFigure(e.denominator, "count"),
    target,
    e.status ?? "",
    e.note ?? "",
  ];
}
