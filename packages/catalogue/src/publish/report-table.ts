import {
  DEFAULT_DISCLOSURE_THRESHOLD,
  type DisclosureRow,
  roundHalfAwayFromZero,
  suppressTable,
  type Unit,
} from "@kpi/core";
import { findIndicator } from "../indicators/catalogue.js";
import type { QuarterlyReport, SeriesEntry, TargetValue } from "../report/schemas.js";
import { csvText } from "./csv-text.js";
import { SOURCE_COLUMNS, sourceCells } from "./source-rows.js";

/** A published cell: text, a number, or empty. Suppressed figures are the text `c`. */
export type ReportCell = string | number | null;

/**
 * Who a table is for: `published` (the default: anything that leaves the service, with small-number
 * suppression) or `internal` (the authority's own working copy, every figure shown).
 */
export type Audience = "published" | "internal";

/** Options of {@link reportTable}. */
export interface ReportTableOptions {
  /** Who the table is for; default `published`. */
  readonly audience?: Audience;
  /** Each indicator's threshold when published; default {@link disclosureThreshold} (the catalogue's). */
  readonly threshold?: (indicatorId: string) => number;
}

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
 * The disclosure threshold of an indicator: its definition's `disclosureThreshold`, or the default (5)
 * for an indicator the catalogue does not define (a local indicator) or that does not set one.
 *
 * @param indicatorId - the indicator's id
 * @returns counts from 1 to this are suppressed when published
 * @example
 * ```ts
 * disclosureThreshold("cla.starts"); // 5
 * ```
 */
export function disclosureThreshold(indicatorId: string): number {
  return findIndicator(indicatorId)?.definition.disclosureThreshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
}

/** "a count of children from 1 to 5", or the range of thresholds when indicators set their own. */
function smallCountWords(thresholds: ReadonlySet<number>): string {
  const sorted = [...thresholds].sort((a, b) => a - b);
  const low = sorted[0] ?? DEFAULT_DISCLOSURE_THRESHOLD;
  const high = sorted.at(-1) ?? DEFAULT_DISCLOSURE_THRESHOLD;
  return low === high
    ? `a count of children from 1 to ${low}`
    : `a count of children from 1 to the indicator's threshold (${low} to ${high})`;
}

/**
 * Flattens a quarterly report into one table: the one publication path of a report (the portal's CSV
 * and Excel downloads, `kpi report --format csv`). For the `published` audience (the default)
 * disclosure control is applied (`suppressTable` from `@kpi/core`) with each indicator's
 * `disclosureThreshold` ({@link disclosureThreshold}): counts of children from 1 to the threshold
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
  const published = (options.audience ?? "published") === "published";
  const rows: ReportCell[][] = [];
  const thresholds = new Set<number>();
  const thresholdOf = options.threshold ?? disclosureThreshold;
  for (const section of report.sections) {
    for (const indicator of section.indicators) {
      for (const [windowName, entry] of [
        ["Quarter", indicator.quarter],
        ["Year to date", indicator.ytd],
      ] as const) {
        const threshold = published ? thresholdOf(indicator.id) : 0;
        if (published) thresholds.add(threshold);
        const shown = suppressTable(
          { rows: [disclosureRow(indicator.id, indicator.unit, entry, indicator.decimals)] },
          { threshold },
        ).rows[0]!;
        const cell = (c: number | string | null | undefined, raw: number | null): ReportCell =>
          c === undefined ? raw : c;
        rows.push([
          section.title,
          indicator.id,
          indicator.title,
          windowName,
          entry.label,
          indicator.unit,
          cell(shown.numerator, entry.numerator),
          cell(shown.denominator, entry.denominator),
          cell(shown.value, null),
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
      published
        ? `c = suppressed: ${smallCountWords(thresholds)}, or a value worked out from one, is not published.`
        : "For internal use: small counts are shown. Do not publish or share outside the authority.",
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
