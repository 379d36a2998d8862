import type { QuarterlyReport, SeriesEntry, TargetValue } from "@kpi/contract";
import { type DisclosureRow, roundHalfAwayFromZero, suppressTable, type Unit } from "@kpi/core";
import { SOURCE_COLUMNS, sourceCells } from "./source-rows";

/** A published cell: text, a number, or empty. Suppressed figures are the text `c`. */
export type ReportCell = string | number | null;

/** The quarterly report as one flat table for download. */
export interface ReportTable {
  /** Column headings. */
  columns: string[];
  /** One row per indicator and window (quarter, then year to date). */
  rows: ReportCell[][];
  /** Notes printed under the table (disclosure control, rounding). */
  notes: string[];
  /** Headings of the sources table. */
  sourceColumns: string[];
  /** The sources the report's figures drew on, one row each (dataset, name, kind, span, received). */
  sources: string[][];
}

/** Columns of the download, in order. */
export const REPORT_TABLE_COLUMNS = [
  "Section",
  "Indicator id",
  "Indicator",
  "Window",
  "Period",
  "Unit",
  "Numerator",
  "Denominator",
  "Value",
  "Target",
  "Status",
  "Judgement",
] as const;

/** Units whose numerator counts children (and whose denominator, if any, counts children too). */
const CHILD_COUNT_UNITS: ReadonlySet<Unit> = new Set(["count", "percent", "rate_per_10k"]);

function targetText(target: TargetValue | null): ReportCell {
  if (target === null) return null;
  return typeof target === "number" ? target : `${target[0]}–${target[1]}`;
}

/** The disclosure row of one entry: which of its figures are counts of children. */
function disclosureRow(key: string, unit: Unit, entry: SeriesEntry, decimals: number): DisclosureRow {
  const value = entry.value === null ? null : roundHalfAwayFromZero(entry.value, decimals);
  if (CHILD_COUNT_UNITS.has(unit))
    return { key, count: null, numerator: entry.numerator, denominator: entry.denominator, value };
  if (unit === "per_fte") return { key, count: null, numerator: entry.numerator, value };
  return { key, count: null, value };
}

/**
 * Flattens a quarterly report into one table for CSV and Excel downloads, with disclosure control
 * applied (`suppressTable` from `@kpi/core`): counts of children from 1 to 5 become `c`, and so does a
 * value derived from them. Values are rounded as the report prints them (half away from zero, to the
 * indicator's decimals); counts are whole numbers. Quarter rows carry the judgement's verdict
 * (`positive`, `negative`, `neither`), as the report's lists have it. Money, FTE denominators and plain numbers are not
 * counts of children and are published as they are.
 *
 * @param report - the report from `GET /v1/reports/{period}`
 * @returns columns, rows and notes, and the sources its figures drew on
 * @example
 * ```ts
 * const table = reportTable(report);
 * table.rows[0]; // ["Family Front Door", "ffd.contacts", "Contacts", "Quarter", "Q2 2019-20", "count", 1810, null, 1810, null, null, "neither"]
 * ```
 */
export function reportTable(report: QuarterlyReport): ReportTable {
  const rows: ReportCell[][] = [];
  for (const section of report.sections) {
    for (const indicator of section.indicators) {
      for (const [windowName, entry] of [
        ["Quarter", indicator.quarter],
        ["Year to date", indicator.ytd],
      ] as const) {
        const published = suppressTable({
          rows: [disclosureRow(indicator.id, indicator.unit, entry, indicator.decimals)],
        }).rows[0]!;
        const cell = (c: number | string | null | undefined, raw: number | null): ReportCell =>
          c === undefined ? raw : c;
        rows.push([
          section.title,
          indicator.id,
          indicator.title,
          windowName,
          entry.label,
          indicator.unit,
          cell(published.numerator, entry.numerator),
          cell(published.denominator, entry.denominator),
          cell(published.value, null),
          targetText(entry.target),
          entry.status,
          // The judgement is of the quarter (the report's lists); the year to date has none of its own.
          windowName === "Quarter" ? indicator.judgement.verdict : null,
        ]);
      }
    }
  }
  return {
    columns: [...REPORT_TABLE_COLUMNS],
    rows,
    sourceColumns: [...SOURCE_COLUMNS],
    sources: report.sources.map(sourceCells),
    notes: [
      `${report.label}. Values are rounded to the decimals the report prints; percentages are on the 0–100 scale.`,
      "c = suppressed: a count of children from 1 to 5, or a value worked out from one, is not published.",
    ],
  };
}
