import type { DatasetName } from "@kpi/catalogue";
import type { RowSource } from "../errors/kpi-client-error.js";
import { type SourcedRecord, sourceLabel } from "../input/record-file.js";

/** A source row that was not mapped, and why. */
export interface DroppedRow {
  /** Where the row is in the authority's file. */
  readonly source: RowSource;
  /** Why it was dropped (unknown code, missing mandatory field, unparseable date, failed validation …). */
  readonly reason: string;
}

/** A value of a mapped record that was left empty or supplied by a rule, and why. */
export interface FieldNote {
  /** Where the row is in the authority's file. */
  readonly source: RowSource;
  /** The contract field left empty (or set by a rule). */
  readonly field: string;
  /** Why. */
  readonly reason: string;
  /** True when the value was left empty; false when a rule supplied it (the reason says which). */
  readonly emptied: boolean;
}

/** What happened to the rows bound for one dataset. */
export interface TableReport {
  /** The contract dataset the rows were mapped onto. */
  readonly dataset: DatasetName;
  /** The source table or file, e.g. `episodes.csv` or `cin.xml <CINdetails>`. */
  readonly from: string;
  /** Source rows (or elements) read. */
  readonly read: number;
  /** Records produced, each valid under the dataset's schema. */
  readonly mapped: number;
  /** Rows not mapped, in file order. */
  readonly dropped: readonly DroppedRow[];
  /** Values left empty in mapped records. */
  readonly notes: readonly FieldNote[];
  /** Source columns that have no place in the contract and were ignored. */
  readonly ignoredColumns: readonly string[];
}

/** The records of one dataset produced by an import, valid and ready to post, each with its source row. */
export interface ImportedTable {
  readonly dataset: DatasetName;
  readonly records: readonly SourcedRecord[];
}

/** The collection year a statutory return covers (1 April – 31 March), with the return's name. */
export interface CollectionYear {
  /** 1 April of the year. */
  readonly from: string;
  /** 31 March of the next year. */
  readonly to: string;
  /** The return as staff name it, e.g. `SSDA903 return 2017-18`. */
  readonly name: string;
}

/**
 * The collection year of a statutory return from the year its 31 March falls in.
 *
 * @param collection - the return's name, e.g. `SSDA903 return`, `CIN census`
 * @param yearOfMarch - the year of the return's 31 March (2018 for 2017-18)
 * @returns the year's first and last day and the return's name
 * @example
 * ```ts
 * collectionYear("SSDA903 return", 2018);
 * // { from: "2017-04-01", to: "2018-03-31", name: "SSDA903 return 2017-18" }
 * ```
 */
export function collectionYear(collection: string, yearOfMarch: number): CollectionYear {
  const start = yearOfMarch - 1;
  return {
    from: `${start}-04-01`,
    to: `${yearOfMarch}-03-31`,
    name: `${collection} ${start}-${String(yearOfMarch % 100).padStart(2, "0")}`,
  };
}

/** The outcome of an import: records per dataset (in posting order), and the report of each table. */
export interface ImportResult {
  /** Records per dataset, `children` first. */
  readonly tables: readonly ImportedTable[];
  /** One report per source table and dataset. */
  readonly report: readonly TableReport[];
  /** The collection year the return covers, when known: its dated datasets are posted as covering it. */
  readonly collectionYear?: CollectionYear;
}

/**
 * An import report as text for people: one block per table with counts, then every dropped row and
 * every emptied value as `file:line reason`.
 *
 * @param report - the tables' reports
 * @returns the text (lines end with `\n`)
 * @example
 * ```ts
 * formatImportReport(result.report);
 * // "cla_episodes ← episodes.csv: 12 read, 11 mapped, 1 dropped\n  episodes.csv:5 dropped: LS 'Q9' is not a 903 legal status …\n"
 * ```
 */
export function formatImportReport(report: readonly TableReport[]): string {
  const lines: string[] = [];
  for (const t of report) {
    lines.push(`${t.dataset} ← ${t.from}: ${t.read} read, ${t.mapped} mapped, ${t.dropped.length} dropped`);
    if (t.ignoredColumns.length > 0) lines.push(`  columns not imported: ${t.ignoredColumns.join(", ")}`);
    for (const d of t.dropped) lines.push(`  ${sourceLabel(d.source)} dropped: ${d.reason}`);
    for (const n of t.notes)
      lines.push(`  ${sourceLabel(n.source)} ${n.field}${n.emptied ? " left empty" : ""}: ${n.reason}`);
  }
  return lines.map((l) => `${l}\n`).join("");
}
