import ExcelJS from "exceljs";
import { readCsvTable } from "../read/csv-table.js";
import { decodeText } from "../read/decode-text.js";
import type { PublishedFigures } from "./published-figures.js";
import { type PublishedIssue, type PublishedPopulation, readEesFile } from "./read-ees-file.js";
import { laitMeasureNames, readLaitTable } from "./read-lait-table.js";
import { type NeighbourList, readNeighbourList } from "./read-neighbour-list.js";

/** A file as given: its name (path as typed) and bytes. */
export interface PublishedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What each file was read as. */
export interface PublishedFileReport {
  readonly file: string;
  readonly kind:
    | "explore-education-statistics"
    | "lait"
    | "lait-dictionary"
    | "lait-code-list"
    | "neighbours";
  /** The indicators (and `populations`) the file gave figures for; empty for lists and the dictionary. */
  readonly measures: readonly string[];
}

/** The outcome of {@link readPublishedFiles}. */
export type PublishedRead =
  | {
      readonly ok: true;
      readonly figures: PublishedFigures[];
      readonly populations: PublishedPopulation[];
      /** The statistical-neighbour list used: the last one given; `null` when none was. */
      readonly neighbours: NeighbourList | null;
      readonly files: PublishedFileReport[];
      readonly issues: PublishedIssue[];
    }
  | { readonly ok: false; readonly problem: string };

const DICTIONARY_COLUMNS = ["MEASURE_SHORT", "MEASURE", "POLARITY"];

/**
 * Read DfE's published files as they are downloaded, each recognised by its content: an
 * explore-education-statistics CSV (by its columns), LAIT's long table (`.parquet`) and its data
 * dictionary (`Measure_short, Measure, Polarity …`), a statistical-neighbour list (the 2021 groupings
 * or 2025 model CSV, or LAIT's `sn_may_2025.xlsx`); LAIT's `la_code_list.xlsx` is recognised and not
 * needed. The first whole-file problem (unreadable, unknown
 * layout, missing columns) fails the read with the file's name and what was expected, so nothing is
 * posted from a set with a wrong file in it. When several neighbour lists are given, the last is used.
 *
 * @param files - the files
 * @returns figures, populations, the neighbour list and what each file was; or the problem
 * @example
 * ```ts
 * readPublishedFiles([{ name: "notes.txt", bytes: new Uint8Array() }]); // a promise of { ok: false, problem: "notes.txt: not a file DfE publishes …" }
 * ```
 */
export async function readPublishedFiles(files: readonly PublishedFile[]): Promise<PublishedRead> {
  const figures: PublishedFigures[] = [];
  const populations: PublishedPopulation[] = [];
  const reports: PublishedFileReport[] = [];
  const issues: PublishedIssue[] = [];
  let neighbours: NeighbourList | null = null;
  const lait: PublishedFile[] = [];
  let measureNames = new Map<string, string>();

  for (const file of files) {
    const lower = file.name.toLowerCase();
    if (lower.endsWith(".parquet")) {
      lait.push(file);
      continue;
    }
    if (lower.endsWith(".xlsx")) {
      const cells = await xlsxCells(file);
      if (!cells.ok) return cells;
      if (isLaitCodeList(cells.rows)) {
        reports.push({ file: file.name, kind: "lait-code-list", measures: [] });
        continue;
      }
      const list = readNeighbourList(file.name, cells.rows);
      if (!list.ok) return list;
      neighbours = list;
      reports.push({ file: file.name, kind: "neighbours", measures: [] });
      continue;
    }
    if (!lower.endsWith(".csv"))
      return {
        ok: false,
        problem: `${file.name}: not a file DfE publishes in a form we read (expected .csv, LAIT's .parquet, or LAIT's sn_may_2025.xlsx)`,
      };
    const decoded = decodeText(file.bytes);
    if (!decoded.ok) return { ok: false, problem: `${file.name}: ${decoded.problem}` };
    const table = readCsvTable(file.name, decoded.text);
    if (!table.ok) return { ok: false, problem: `${file.name}: ${table.problem}` };
    const columns = new Set(table.columns);
    if (DICTIONARY_COLUMNS.every((c) => columns.has(c))) {
      measureNames = laitMeasureNames(table.rows);
      reports.push({ file: file.name, kind: "lait-dictionary", measures: [] });
      continue;
    }
    if (
      (columns.has("LA NUM") && columns.has("SN1")) ||
      (columns.has("OLD_LA_CODE") && columns.has("SN_1") && !columns.has("TIME_PERIOD"))
    ) {
      const list = readNeighbourList(file.name, [
        table.columns as string[],
        ...table.rows.map((r) => table.columns.map((c) => r.values[c] ?? "")),
      ]);
      if (!list.ok) return list;
      neighbours = list;
      reports.push({ file: file.name, kind: "neighbours", measures: [] });
      continue;
    }
    const ees = readEesFile(file.name, table.columns, table.rows);
    if (!ees.ok) return ees;
    figures.push(...ees.figures);
    populations.push(...ees.populations);
    issues.push(...ees.issues);
    reports.push({ file: file.name, kind: "explore-education-statistics", measures: ees.measures });
  }
  // LAIT's table is read after its dictionary, wherever the dictionary came in the list.
  for (const file of lait) {
    const read = await readLaitTable(file.name, file.bytes, measureNames);
    if (!read.ok) return read;
    figures.push(...read.figures);
    issues.push(...read.issues);
    reports.push({ file: file.name, kind: "lait", measures: read.measures });
  }
  return { ok: true, figures, populations, neighbours, files: reports, issues };
}

/**
 * LAIT's `la_code_list.xlsx` (`LA Number, LA Name, Region, Type`): recognised so a downloaded folder
 * reads whole, and not needed, the catalogue holding every authority's codes and region.
 */
function isLaitCodeList(rows: readonly (readonly string[])[]): boolean {
  const header = (rows[0] ?? []).map((c) => c.trim().toLowerCase());
  return ["la number", "la name", "region", "type"].every((c) => header.includes(c));
}

async function xlsxCells(
  file: PublishedFile,
): Promise<{ ok: true; rows: string[][] } | { ok: false; problem: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (error) {
    return {
      ok: false,
      problem: `${file.name}: not a readable Excel workbook (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return { ok: false, problem: `${file.name}: the workbook has no sheet` };
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      const value = v !== null && typeof v === "object" && "result" in v ? v.result : v;
      cells[col - 1] = value === null || value === undefined ? "" : String(value);
    });
    rows.push(Array.from(cells, (c) => c ?? ""));
  });
  return { ok: true, rows };
}
