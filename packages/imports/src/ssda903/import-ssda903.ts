import type { ImportTableReport } from "@kpi/contract";
import { collectionYearLabel, collectionYearSpan } from "../framework/collection-year.js";
import { finishDataset, type MappedRow } from "../framework/finish-dataset.js";
import {
  type ImportedDataset,
  type ImportOptions,
  importOutcome,
  type MappedImport,
  tableReport,
} from "../framework/import-report.js";
import { type ImportFile, readSsda903Files } from "./read-ssda903-files.js";
import type { Ssda903Context } from "./ssda903-context.js";
import { ssda903Tables } from "./ssda903-tables.js";

/** Options of {@link importSsda903}. */
export type Ssda903ImportOptions = ImportOptions;

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
      const report = tableReport({
        table: mapping.table,
        file: table.file,
        year: yearLabel,
        dataset: mapping.dataset,
        read: table.rows.length,
        done,
        columns: mapping.columns,
        present: new Set(table.columns),
        unknown: table.unknownColumns.map((column) => ({ column, why: "not a column of the 903 table" })),
        identifying: "CHILD",
      });
      tables.push(report);
      if (table.rows.length > 0 && done.records.length === 0)
        problems.push({
          file: table.file,
          message: `every row of the ${mapping.table} table (${yearLabel}) was dropped: ${report.drops[0]?.message ?? ""}. Check that the file is this table of the return and that its dates are DD/MM/YYYY`,
        });
      if (done.records.length > 0)
        datasets.push({ dataset: mapping.dataset, year, write: mapping.write, records: done.records });
    }
  }
  return importOutcome({
    kind: "ssda903",
    problems,
    files: found.files,
    tables,
    datasets,
    strict: options.strict === true,
    dryRun: options.dryRun === true,
    coverage: datasets.map((d) => ({
      dataset: d.dataset,
      year: collectionYearLabel(d.year),
      ...collectionYearSpan(d.year),
    })),
  });
}
