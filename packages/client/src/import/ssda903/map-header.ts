import type { SourcedRecord } from "../../input/record-file.js";
import { ethnicityCodes } from "../ethnicity-codes.js";
import type { MappedTable } from "../finish-table.js";
import type { DroppedRow, FieldNote } from "../import-report.js";
import { statutoryDate } from "../statutory-date.js";
import { cell, type Ssda903Table, unusedColumns } from "./ssda903-table.js";

const USED = ["CHILD", "SEX", "DOB", "ETHNIC"];
/** 903 `SEX`: 1 male, 2 female. */
const SEX: Readonly<Record<string, string>> = { "1": "M", "2": "F" };

/**
 * Map the 903 `header` table (CHILD, SEX, DOB, ETHNIC) onto `children`. A row without CHILD, or
 * whose SEX is not 1 or 2, is dropped; an unparseable DOB or unknown ETHNIC code leaves that field
 * empty (the child is still posted) and is noted.
 *
 * @param table - the header table
 * @returns candidate `children` records with what was dropped and noted
 * @example
 * ```ts
 * mapHeader({ file: "header.csv", columns: ["CHILD", "SEX", "DOB", "ETHNIC"],
 *   rows: [{ values: { CHILD: "1001", SEX: "2", DOB: "14/06/2008", ETHNIC: "WBRI" },
 *   source: { file: "header.csv", line: 2, index: 0 } }] }).candidates[0]?.values;
 * // { child_id: "1001", date_of_birth: "2008-06-14", sex: "F", ethnicity: "WBRI", disabled: null }
 * ```
 */
export function mapHeader(table: Ssda903Table): MappedTable {
  const candidates: SourcedRecord[] = [];
  const dropped: DroppedRow[] = [];
  const notes: FieldNote[] = [];
  for (const { values: row, source } of table.rows) {
    const child = cell(row, "CHILD");
    if (child === "") {
      dropped.push({ source, reason: "CHILD is empty (mandatory)" });
      continue;
    }
    const sexCode = cell(row, "SEX");
    const sex = SEX[sexCode];
    if (sex === undefined) {
      dropped.push({
        source,
        reason:
          sexCode === ""
            ? "SEX is empty (mandatory)"
            : `SEX '${sexCode}' is not a 903 code (1 male, 2 female)`,
      });
      continue;
    }
    const dob = statutoryDate(cell(row, "DOB"));
    if (!dob.ok)
      notes.push({
        source,
        field: "date_of_birth",
        emptied: true,
        reason: `DOB '${cell(row, "DOB")}' is not a date (DD/MM/YYYY)`,
      });
    else if (dob.value === null)
      notes.push({ source, field: "date_of_birth", emptied: true, reason: "DOB is empty" });
    const ethnic = cell(row, "ETHNIC").toUpperCase();
    const ethnicity = ethnic === "" ? null : ethnicityCodes.has(ethnic) ? ethnic : undefined;
    if (ethnicity === undefined)
      notes.push({
        source,
        field: "ethnicity",
        emptied: true,
        reason: `ETHNIC '${ethnic}' is not a 903 ethnicity code`,
      });
    candidates.push({
      values: {
        child_id: child,
        date_of_birth: dob.ok ? dob.value : null,
        sex,
        ethnicity: ethnicity ?? null,
        disabled: null,
      },
      source,
    });
  }
  return {
    dataset: "children",
    from: table.file,
    read: table.rows.length,
    candidates,
    dropped,
    notes,
    ignoredColumns: unusedColumns(table.columns, USED),
  };
}
