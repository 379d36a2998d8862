import type { DatasetName } from "@kpi/catalogue";
import type { ImportReport, ImportRowIssue, ImportTableReport } from "@kpi/contract";
import { collectionYearLabel, collectionYearSpan } from "../framework/collection-year.js";
import { finishDataset, type MappedRow } from "../framework/finish-dataset.js";
import type { RowIssue } from "../framework/row-reader.js";
import type { SourceRow } from "../read/csv-table.js";
import { type ImportFile, readSsda903Files } from "./read-ssda903-files.js";
import type { Ssda903Context } from "./ssda903-context.js";
import { ssda903Tables } from "./ssda903-tables.js";

/** Options of {@link importSsda903}. */
export interface Ssda903ImportOptions {
  /** The collection year of every file (the year of its 31 March); else each file's folder or name says. */
  readonly year?: number;
  /** Write nothing if any row would be dropped. */
  readonly strict?: boolean;
  /** Report only. */
  readonly dryRun?: boolean;
  /** A stable id for a record the 903 gives none, from a prefix and its identifying values (keyed, so it reveals nothing). */
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

/** The most warnings and drops a table's report lists (its counts per rule are complete). */
export const maxListedRowIssues = 1000;

function rowIssue(row: SourceRow, issue: RowIssue): ImportRowIssue {
  return {
    file: row.file,
    ...(row.line === undefined ? {} : { line: row.line }),
    ...(row.element === undefined ? {} : { element: row.element }),
    columns: { CHILD: row.values.CHILD ?? "", ...issue.columns },
    ...(issue.rule === undefined ? {} : { rule: issue.rule }),
    message: issue.message,
  };
}

/**
 * Import an SSDA903 return, faithfully: every table of both forms (CSV tables and the XML message),
 * every collection year from 2017-18 to 2025-26 with that year's code lists, one or several years at
 * once (a sub-folder or name prefix per year). A row breaking a DfE rule is kept whenever what it feeds
 * can still be counted, with a warning naming the rule (an open episode with REC stays open, rule 148;
 * a code of another year is kept); only rows that cannot be interpreted are dropped, each drop and
 * warning naming the file, line, the return's columns and values and the rule. Whole-file problems
 * (see `readSsda903Files`), a year nobody states, a table whose every row is dropped, or `strict` with
 * any drop make the outcome `failed`: nothing is to be written. Pure: the caller writes the records.
 *
 * @param files - the uploaded files (paths as in the authority's folder)
 * @param options - year, strict, dry run and the record-id function
 * @returns the report and the records per dataset and year (children first)
 * @example
 * ```ts
 * const enc = (s) => new TextEncoder().encode(s);
 * const { report, datasets } = importSsda903(
 *   [{ path: "episodes.csv", bytes: enc("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n7,01/05/2017,S,C2,N1,T0,,,X1\n") }],
 *   { year: 2018, recordId: (prefix, parts) => `${prefix}-${parts.join("-")}` },
 * );
 * report.outcome; // "clean"
 * report.tables[0]?.kept_with_warning; // 1
 * datasets[0]?.records[0]?.reason_ceased; // null
 * ```
 */
export function importSsda903(files: readonly ImportFile[], options: Ssda903ImportOptions): MappedImport {
  const found = readSsda903Files(files, options.year);
  const problems = [...found.problems];
  const withoutYear = found.tables.filter((t) => t.year === null);
  if (withoutYear.length > 0)
    problems.push({
      file: withoutYear
        .map((t) => t.file)
        .filter((f, i, all) => all.indexOf(f) === i)
        .join(", "),
      message:
        "no collection year: give it (--year 2018 or 2017-18, the year of the return's 31 March) or name the folder or the files after it (2017-18/episodes.csv, SSDA903_2018_episodes.csv)",
    });
  if (found.tables.length === 0 && problems.length === 0)
    problems.push({
      file: files.map((f) => f.path).join(", ") || "(no file)",
      message: "holds no 903 table",
    });

  const years = [...new Set(found.tables.flatMap((t) => (t.year === null ? [] : [t.year])))].sort();
  const tables: ImportTableReport[] = [];
  const datasets: ImportedDataset[] = [];
  for (const year of years) {
    const yearLabel = collectionYearLabel(year);
    const births = new Map<string, string>();
    const ordinals = new Map<string, number>();
    const context: Ssda903Context = {
      year,
      yearLabel,
      recordId: options.recordId,
      dateOfBirth: (child) => births.get(child) ?? null,
      ordinal(table, key) {
        const k = `${table}|${key}`;
        const n = ordinals.get(k) ?? 0;
        ordinals.set(k, n + 1);
        return n;
      },
    };
    const droppedParents = new Map<string, ReadonlyMap<string, string>>();
    for (const { mapping } of ssda903Tables) {
      const table = found.tables.find((t) => t.year === year && t.table === mapping.table);
      if (table === undefined) continue;
      const mapped: MappedRow[] = table.rows.map((row) => ({ row, outcome: mapping.map(row, context) }));
      const done = finishDataset(mapping.dataset, mapped, mapping.columns, droppedParents);
      if (mapping.table === "header")
        for (const r of done.records)
          if (typeof r.date_of_birth === "string") births.set(String(r.child_id), r.date_of_birth);
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
          if (warnings.length < maxListedRowIssues) warnings.push(rowIssue(k.row, w));
        }
      const drops: ImportRowIssue[] = [];
      for (const d of done.dropped) {
        count(d.issue.rule, "dropped");
        if (drops.length < maxListedRowIssues) drops.push(rowIssue(d.row, d.issue));
      }
      const present = new Set(table.columns);
      tables.push({
        table: mapping.table,
        file: table.file,
        year: yearLabel,
        dataset: mapping.dataset,
        read: table.rows.length,
        mapped: done.records.length,
        kept_with_warning: done.kept.length,
        dropped: done.dropped.length,
        warnings,
        drops,
        by_rule: [...byRule]
          .map(([rule, c]) => ({ rule, ...c }))
          .sort((a, b) => a.rule.localeCompare(b.rule, "en", { numeric: true })),
        columns_not_imported: [
          ...mapping.columns
            .filter((c) => c.role === "not_imported" && present.has(c.column))
            .map((c) => ({ column: c.column, why: c.why ?? "" })),
          ...table.unknownColumns.map((column) => ({ column, why: "not a column of the 903 table" })),
        ],
      });
      if (table.rows.length > 0 && done.records.length === 0)
        problems.push({
          file: table.file,
          message: `every row of the ${mapping.table} table (${yearLabel}) was dropped: ${drops[0]?.message ?? ""}. Check that the file is this table of the return and that its dates are DD/MM/YYYY`,
        });
      if (done.records.length > 0)
        datasets.push({ dataset: mapping.dataset, year, write: mapping.write, records: done.records });
    }
  }
  const dropped = tables.reduce((n, t) => n + t.dropped, 0);
  const strictFailed = options.strict === true && dropped > 0;
  const failed = problems.length > 0 || strictFailed;
  const outcome = failed ? "failed" : dropped > 0 ? "partial" : "clean";
  const kept = tables.reduce((n, t) => n + t.mapped, 0);
  const message = failed
    ? problems.length > 0
      ? `Nothing was imported: ${problems.length === 1 ? "a file has a problem" : `${problems.length} problems`} (see problems).`
      : `Nothing was imported: --strict, and ${dropped} row${dropped === 1 ? "" : "s"} would be dropped.`
    : `${options.dryRun ? "Dry run: would import" : "Imported"} ${kept} record${kept === 1 ? "" : "s"}${dropped > 0 ? `; ${dropped} row${dropped === 1 ? "" : "s"} dropped` : ""}.`;
  const coverage = failed
    ? []
    : datasets.map((d) => ({
        dataset: d.dataset,
        year: collectionYearLabel(d.year),
        ...collectionYearSpan(d.year),
      }));
  return {
    report: {
      kind: "ssda903",
      outcome,
      dry_run: options.dryRun === true,
      strict: options.strict === true,
      written: [],
      message,
      problems,
      files: found.files,
      tables,
      coverage,
    },
    datasets: failed ? [] : datasets,
  };
}
