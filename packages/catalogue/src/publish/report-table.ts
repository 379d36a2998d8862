import type { QuarterlyReport, TargetValue } from "../report/schemas.js";
import { csvText } from "./csv-text.js";
import { type Audience, disclosureNote, type PublishOptions, publishedEntry } from "./published-entry.js";
import { SOURCE_COLUMNS, sourceCells } from "./source-rows.js";

/** A published cell: text, a number, or empty. Suppressed figures are the text `c`. */
export type ReportCell = string | number | null;

/** Options of {@link reportTable}: the audience (default `published`) and thresholds. */
export type ReportTableOptions = PublishOptions;

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

function targetText(target: TargetValue | null): ReportCell {
  if (target === null) return null;
  return typeof target === "number" ? target : `${target[0]}–${target[1]}`;
}

/**
 * Flattens a quarterly report into one table: the one publication path of a report (the portal's CSV
 * and Excel downloads, `kpi report --format csv`). For the `published` audience (the default)
 * disclosure control is applied by {@link publishedEntry} (`suppressTable` from `@kpi/core` with each
 * indicator's `disclosureThreshold`): counts of children from 1 to the threshold
 * become `c`, and so does a value derived from them; for `internal` every figure is shown. Values are rounded as the report prints them (half away from zero, to the
 * indicator's decimals); counts are whole numbers. Quarter rows carry the judgement's verdict
 * (`positive`, `negative`, `neither`), as the report's lists have it. Money, FTE denominators and plain numbers are not
 * counts of children and are published as they are.
 *
 * @param report - the report from `GET /v1/reports/{period}`
 * @param options - the audience (default `published`)
 * @returns columns, rows and notes, and the sources its figures drew on
 * @example
 * ```ts
 * const table = reportTable(report);
 * table.rows[0]; // ["Family Front Door", "ffd.contacts", "Contacts", "Quarter", "Q2 2019-20", "count", 1810, null, 1810, null, null, "neither"]
 * ```
 */
export function reportTable(report: QuarterlyReport, options: ReportTableOptions = {}): ReportTable {
  const audience: Audience = options.audience ?? "published";
  const rows: ReportCell[][] = [];
  const thresholds = new Set<number>();
  for (const section of report.sections) {
    for (const indicator of section.indicators) {
      for (const [windowName, entry] of [
        ["Quarter", indicator.quarter],
        ["Year to date", indicator.ytd],
      ] as const) {
        const shown = publishedEntry(indicator, entry, options);
        thresholds.add(shown.threshold);
        rows.push([
          section.title,
          indicator.id,
          indicator.title,
          windowName,
          entry.label,
          indicator.unit,
          shown.numerator,
          shown.denominator,
          shown.value,
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
      disclosureNote(audience, thresholds),
    ],
  };
}

/**
 * The CSV download of a quarterly report, the same for the portal (`/reports/{period}/export.csv`) and
 * `kpi report --format csv`: the {@link reportTable} for the audience, a blank row, then a "Sources"
 * section listing the sources its figures drew on (decision 093: no notes rows, so it stays
 * machine-readable; the workbook has them). Written by {@link csvText} (formula injection guarded).
 *
 * @param report - the report from `GET /v1/reports/{period}`
 * @param options - the audience (default `published`: small-number suppression)
 * @returns CSV text, ending with CRLF (no byte-order mark: the portal adds one for Excel)
 * @example
 * ```ts
 * reportCsv(report).split("\r\n")[0]; // "Section,Indicator id,Indicator,Window,Period,Unit,…"
 * ```
 */
export function reportCsv(report: QuarterlyReport, options: ReportTableOptions = {}): string {
  const table = reportTable(report, options);
  return csvText([table.columns, ...table.rows, [], ["Sources"], table.sourceColumns, ...table.sources]);
}
