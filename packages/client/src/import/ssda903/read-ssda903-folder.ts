import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { readCsvTable } from "../../input/csv-table.js";
import type { Ssda903Tables } from "./import-ssda903.js";
import type { Ssda903Table } from "./ssda903-table.js";

const TABLES = ["header", "episodes", "missing", "oc3"] as const;

/** Outcome of {@link readSsda903Folder}. */
export type ReadSsda903Result = { ok: true; tables: Ssda903Tables } | { ok: false; error: string };

/**
 * Read the 903 CSV tables of an extract folder: `header.csv`, `episodes.csv`, `missing.csv` and
 * `oc3.csv` (names in any case; absent tables are skipped). Rows keep their file and line.
 *
 * @param folder - the folder holding the extract
 * @returns the tables, or why the folder cannot be read (no 903 table, a broken CSV file)
 * @example
 * ```ts
 * const read = await readSsda903Folder("./903-2019-20");
 * if (read.ok) importSsda903(read.tables, { idKey, returnYear: 2020 });
 * ```
 */
export async function readSsda903Folder(folder: string): Promise<ReadSsda903Result> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (e) {
    return {
      ok: false,
      error: `cannot read the folder ${folder}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    };
  }
  const tables: { -readonly [K in keyof Ssda903Tables]: Ssda903Table } = {};
  for (const table of TABLES) {
    const name = names.find((n) => n.toLowerCase() === `${table}.csv`);
    if (name === undefined) continue;
    const text = await readFile(join(folder, name), "utf8");
    const csv = readCsvTable(text);
    if (!csv.ok) return { ok: false, error: `${name}: ${csv.error}` };
    tables[table] = {
      file: name,
      columns: csv.header,
      rows: csv.rows.map((row, index) => ({
        values: row.cells,
        source: { file: name, line: row.line === 0 ? null : row.line, index },
      })),
    };
  }
  if (Object.keys(tables).length === 0)
    return {
      ok: false,
      error: `no 903 table in ${folder} (expected header.csv, episodes.csv, missing.csv or oc3.csv)`,
    };
  return { ok: true, tables };
}
