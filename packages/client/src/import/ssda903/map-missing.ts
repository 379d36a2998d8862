import type { SourcedRecord } from "../../input/record-file.js";
import type { MappedTable } from "../finish-table.js";
import type { DroppedRow } from "../import-report.js";
import { recordId } from "../record-id.js";
import { statutoryDate } from "../statutory-date.js";
import { cell, type Ssda903Table, unusedColumns } from "./ssda903-table.js";

const USED = ["CHILD", "MISSING", "MIS_START", "MIS_END"];
/** 903 `MISSING`: M missing, A absent without authorisation. */
const KIND: Readonly<Record<string, string>> = { M: "missing", A: "absent" };

/**
 * Map the 903 `missing` table (CHILD, MISSING, MIS_START, MIS_END) onto `missing_episodes`, all
 * `from: "care"` (the 903 records looked-after children only); the 903 has no return-interview field,
 * so `return_interview` is empty. The episode id is a keyed hash of CHILD, MISSING and MIS_START. A row
 * is dropped when CHILD or MIS_START is missing, MISSING is not M or A, or a date is not a date.
 *
 * @param table - the missing table
 * @param idKey - the authority's id key for record ids
 * @returns candidate `missing_episodes` records with what was dropped
 * @example
 * ```ts
 * mapMissing(missingTable, "an-id-key-0123456789").candidates[0]?.values.kind; // "missing"
 * ```
 */
export function mapMissing(table: Ssda903Table, idKey: string): MappedTable {
  const candidates: SourcedRecord[] = [];
  const dropped: DroppedRow[] = [];
  for (const { values: row, source } of table.rows) {
    const problems: string[] = [];
    const child = cell(row, "CHILD");
    if (child === "") problems.push("CHILD is empty (mandatory)");
    const kindCode = cell(row, "MISSING").toUpperCase();
    const kind = KIND[kindCode];
    if (kind === undefined)
      problems.push(
        kindCode === "" ? "MISSING is empty (mandatory)" : `MISSING '${kindCode}' is not a 903 code (M or A)`,
      );
    const start = statutoryDate(cell(row, "MIS_START"));
    if (!start.ok) problems.push(`MIS_START '${cell(row, "MIS_START")}' is not a date (DD/MM/YYYY)`);
    else if (start.value === null) problems.push("MIS_START is empty (mandatory)");
    const end = statutoryDate(cell(row, "MIS_END"));
    if (!end.ok) problems.push(`MIS_END '${cell(row, "MIS_END")}' is not a date (DD/MM/YYYY)`);
    if (problems.length > 0) {
      dropped.push({ source, reason: problems.join("; ") });
      continue;
    }
    const startDate = start.ok ? (start.value ?? "") : "";
    candidates.push({
      values: {
        episode_id: recordId(idKey, "MI", [child, kindCode, startDate]),
        child_id: child,
        start_date: startDate,
        end_date: end.ok ? end.value : null,
        kind,
        from: "care",
        return_interview: null,
      },
      source,
    });
  }
  return {
    dataset: "missing_episodes",
    from: table.file,
    read: table.rows.length,
    candidates,
    dropped,
    notes: [],
    ignoredColumns: unusedColumns(table.columns, USED),
  };
}
