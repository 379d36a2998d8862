import type { SourcedRecord } from "../../input/record-file.js";

/**
 * One 903 CSV table as read from the authority's extract: its file name, header columns (upper-cased,
 * as the return names them) and rows of cell text with their lines.
 *
 * @example
 * ```ts
 * const t: Ssda903Table = { file: "header.csv", columns: ["CHILD", "SEX", "DOB", "ETHNIC"], rows: [] };
 * ```
 */
export interface Ssda903Table {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: readonly SourcedRecord[];
}

/**
 * The text of a 903 cell, trimmed, by column name in any case (`child` = `CHILD`).
 *
 * @param row - the row's cells
 * @param column - the 903 column name, upper case
 * @returns the trimmed text, `""` when absent
 * @example
 * ```ts
 * cell({ child: " 1001 " }, "CHILD"); // "1001"
 * ```
 */
export function cell(row: Readonly<Record<string, unknown>>, column: string): string {
  const direct = row[column];
  if (typeof direct === "string") return direct.trim();
  for (const [name, value] of Object.entries(row))
    if (name.toUpperCase() === column && typeof value === "string") return value.trim();
  return "";
}

/**
 * The table's columns that the mapping does not use, for the report.
 *
 * @param columns - the header columns
 * @param used - the 903 columns the mapper reads
 * @returns the others, in header order
 * @example
 * ```ts
 * unusedColumns(["CHILD", "HOME_POST"], ["CHILD"]); // ["HOME_POST"]
 * ```
 */
export function unusedColumns(columns: readonly string[], used: readonly string[]): string[] {
  return columns.filter((c) => !used.includes(c.toUpperCase()));
}
