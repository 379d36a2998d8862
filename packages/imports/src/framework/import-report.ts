import type { DatasetName } from "@kpi/catalogue";
import type {
  ImportFileReport,
  ImportKind,
  ImportReport,
  ImportRowIssue,
  ImportTableReport,
} from "@kpi/contract";
import type { SourceRow } from "../read/csv-table.js";
import type { FinishedTable } from "./finish-dataset.js";
import type { RowIssue } from "./row-reader.js";
import type { ColumnRole } from "./table-mapping.js";

/** Options every statutory import takes. */
export interface ImportOptions {
  /** The collection year of every file (the year of its 31 March); else each file says, by its name or content. */
  readonly year?: number;
  /** Write nothing if any row would be dropped. */
  readonly strict?: boolean;
  /** Report only. */
  readonly dryRun?: boolean;
  /** The span an extract covers (ISO first and last days), when the file does not state it (Annex A). */
  readonly span?: { readonly from: string; readonly to: string };
  /** A stable id for a record the return gives none, from a prefix and its identifying values (keyed, so it reveals nothing). */
  readonly recordId: (prefix: string, parts: readonly string[]) => string;
}

/** Records of one dataset from one collection year, ready to write. */
export interface ImportedDataset {
  readonly dataset: DatasetName;
  /** The year of the return's 31 March. */
  readonly year: number;
  /** `merge` keeps the fields other sources gave (children); `upsert` replaces the record. */
  readonly write: "upsert" | "merge";
  readonly records: readonly Record<string, unknown>[];
}

/** What an import maps: the report (without what was written) and the records to write. */
export interface MappedImport {
  readonly report: ImportReport;
  /** Empty when the outcome is `failed`. */
  readonly datasets: readonly ImportedDataset[];
}

/** A whole-file problem: the file and what is wrong and what to do. */
export interface FileProblem {
  readonly file: string;
  readonly message: string;
}

/** The most warnings and drops a table's report lists (its counts per rule are complete). */
export const maxListedRowIssues = 1000;

function rowIssue(row: SourceRow, issue: RowIssue, identifying: string): ImportRowIssue {
  return {
    file: row.file,
    ...(row.line === undefined ? {} : { line: row.line }),
    ...(row.element === undefined ? {} : { element: row.element }),
    columns: { [identifying]: row.values[identifying] ?? "", ...issue.columns },
    ...(issue.rule === undefined ? {} : { rule: issue.rule }),
    message: issue.message,
  };
}

/** One table of a return as mapped, for {@link tableReport}. */
export interface TableRun {
  /** The table's name in the return (`episodes`, `CINdetails`). */
  readonly table: string;
  readonly file: string;
  /** The collection year's label. */
  readonly year: string;
  readonly dataset: DatasetName;
  /** Rows (or elements) read. */
  readonly read: number;
  readonly done: FinishedTable;
  /** The mapping's columns (for those not imported). */
  readonly columns: readonly ColumnRole[];
  /** The columns the file has. */
  readonly present: ReadonlySet<string>;
  /** Columns or elements of the file no mapping knows, with why they are not imported. */
  readonly unknown: readonly { readonly column: string; readonly why: string }[];
  /** The column that identifies the row's person in every warning and drop (`CHILD`, `LAchildID`). */
  readonly identifying: string;
}

/**
 * One table's report: rows read, mapped, kept with a warning and dropped; the warnings and drops (at
 * most {@link maxListedRowIssues} of each, each naming the file, line or element, the return's columns
 * and values with the row's identifying column first, and the rule); the counts per rule (complete); the
 * columns not imported and why.
 *
 * @param run - the table as mapped
 * @returns the report
 * @example
 * ```ts
 * const row = { values: { CHILD: "1" }, file: "uasc.csv", line: 2 };
 * const issue = { columns: { DUC: "x" }, rule: "104", message: "DUC 'x' is not a date" };
 * const done = { records: [], kept: [], dropped: [{ row, issue }], droppedKeys: new Set() };
 * const run = { table: "uasc", file: "uasc.csv", year: "2017-18", dataset: "uasc", read: 1, done,
 *   columns: [], present: new Set(["CHILD", "DUC"]), unknown: [], identifying: "CHILD" };
 * tableReport(run).by_rule; // [{ rule: "104", kept: 0, dropped: 1 }]
 * tableReport(run).drops[0]?.columns; // { CHILD: "1", DUC: "x" }
 * ```
 */
export function tableReport(run: TableRun): ImportTableReport {
  const { done, identifying } = run;
  const byRule = new Map<string, { kept: number; dropped: number }>();
  const count = (rule: string | undefined, what: "kept" | "dropped") => {
    for (const one of (rule ?? "").split(", ").filter((x) => x !== "")) {
      const c = byRule.get(one) ?? { kept: 0, dropped: 0 };
      c[what] += 1;
      byRule.set(one, c);
    }
  };
  const warnings: ImportRowIssue[] = [];
  for (const k of done.kept)
    for (const w of k.warnings) {
      count(w.rule, "kept");
      if (warnings.length < maxListedRowIssues) warnings.push(rowIssue(k.row, w, identifying));
    }
  const drops: ImportRowIssue[] = [];
  for (const d of done.dropped) {
    count(d.issue.rule, "dropped");
    if (drops.length < maxListedRowIssues) drops.push(rowIssue(d.row, d.issue, identifying));
  }
  return {
    table: run.table,
    file: run.file,
    year: run.year,
    dataset: run.dataset,
    read: run.read,
    mapped: done.records.length,
    kept_with_warning: done.kept.length,
    dropped: done.dropped.length,
    warnings,
    drops,
    by_rule: [...byRule]
      .map(([rule, c]) => ({ rule, ...c }))
      .sort((a, b) => a.rule.localeCompare(b.rule, "en", { numeric: true })),
    columns_not_imported: [
      ...run.columns
        .filter((c) => c.role === "not_imported" && run.present.has(c.column))
        .map((c) => ({ column: c.column, why: c.why ?? "" })),
      ...run.unknown,
    ],
  };
}

/** What {@link importOutcome} assembles. */
export interface ImportParts {
  readonly kind: ImportKind;
  readonly problems: readonly FileProblem[];
  readonly files: readonly ImportFileReport[];
  readonly tables: readonly ImportTableReport[];
  readonly datasets: readonly ImportedDataset[];
  readonly strict: boolean;
  readonly dryRun: boolean;
  /** What the import covers, per dataset, when it is not failed. */
  readonly coverage: ImportReport["coverage"];
}

/**
 * The outcome of an import: `failed` (nothing to write) when a file has a problem or, with `strict`, a
 * row would be dropped; else `partial` when rows were dropped and `clean` when none were; with the
 * report's one-line message. A failed import has no datasets and no coverage.
 *
 * @param parts - the kind, problems, files, tables, datasets, options and coverage
 * @returns the report and the records to write
 * @example
 * ```ts
 * const parts = { kind: "ssda903", problems: [], files: [], tables: [], datasets: [], strict: false,
 *   dryRun: true, coverage: [] };
 * importOutcome(parts).report.message; // "Dry run: would import 0 records."
 * importOutcome({ ...parts, problems: [{ file: "a.csv", message: "is empty" }] }).report.outcome; // "failed"
 * ```
 */
export function importOutcome(parts: ImportParts): MappedImport {
  const { problems, tables } = parts;
  const dropped = tables.reduce((n, t) => n + t.dropped, 0);
  const failed = problems.length > 0 || (parts.strict && dropped > 0);
  const outcome = failed ? "failed" : dropped > 0 ? "partial" : "clean";
  const kept = tables.reduce((n, t) => n + t.mapped, 0);
  const rows = (n: number) => `${n} row${n === 1 ? "" : "s"}`;
  const message = failed
    ? problems.length > 0
      ? `Nothing was imported: ${problems.length === 1 ? "a file has a problem" : `${problems.length} problems`} (see problems).`
      : `Nothing was imported: --strict, and ${rows(dropped)} would be dropped.`
    : `${parts.dryRun ? "Dry run: would import" : "Imported"} ${kept} record${kept === 1 ? "" : "s"}${dropped > 0 ? `; ${rows(dropped)} dropped` : ""}.`;
  return {
    report: {
      kind: parts.kind,
      outcome,
      dry_run: parts.dryRun,
      strict: parts.strict,
      written: [],
      message,
      problems: [...problems],
      files: [...parts.files],
      tables: [...tables],
      coverage: failed ? [] : [...parts.coverage],
    },
    datasets: failed ? [] : [...parts.datasets],
  };
}
