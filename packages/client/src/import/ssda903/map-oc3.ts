import { type CodeOption, careLeaverActivityCodes, inTouchCodes } from "@kpi/catalogue";
import type { SourcedRecord } from "../../input/record-file.js";
import type { MappedTable } from "../finish-table.js";
import type { DroppedRow, FieldNote } from "../import-report.js";
import { statutoryDate } from "../statutory-date.js";
import { oc3Date } from "./oc3-date.js";
import { cell, type Ssda903Table, unusedColumns } from "./ssda903-table.js";

const USED = ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM", "DOB"];
const has = (codes: readonly CodeOption[], code: string) => codes.some((c) => c.code === code);
/** 903 OC3 `ACCOM`: a letter for the kind of accommodation, then 1 = suitable, 2 = not suitable. */
const ACCOM_RE = /^[BCDEGHKRSTUVWXYZ]([12])$/;

/**
 * Map the 903 `oc3` table (CHILD, IN_TOUCH, ACTIV, ACCOM) onto `care_leavers`. `as_at_date` is the
 * young person's birthday in the return year (see `oc3Date`), from their DOB in the header table (or
 * a DOB column of the OC3 table); without a DOB it is the return year's 31 March, noted. ACCOM's
 * second character gives `accommodation_suitable` (1 suitable, 2 not). A row is dropped when CHILD is
 * missing, IN_TOUCH is missing or unknown, or no return year was given; an unknown ACTIV or ACCOM code
 * leaves that field empty (noted).
 *
 * @param table - the oc3 table
 * @param datesOfBirth - child id → ISO date of birth, from the header table
 * @param returnYear - the year in which the return's 31 March falls, or `undefined` when not given
 * @returns candidate `care_leavers` records with what was dropped and noted
 * @example
 * ```ts
 * mapOc3(oc3Table, new Map([["1001", "2001-06-14"]]), 2020).candidates[0]?.values.as_at_date; // "2019-06-14"
 * ```
 */
export function mapOc3(
  table: Ssda903Table,
  datesOfBirth: ReadonlyMap<string, string>,
  returnYear: number | undefined,
): MappedTable {
  const candidates: SourcedRecord[] = [];
  const dropped: DroppedRow[] = [];
  const notes: FieldNote[] = [];
  for (const { values: row, source } of table.rows) {
    const problems: string[] = [];
    const child = cell(row, "CHILD");
    if (child === "") problems.push("CHILD is empty (mandatory)");
    const inTouch = cell(row, "IN_TOUCH").toUpperCase();
    if (inTouch === "") problems.push("IN_TOUCH is empty (mandatory)");
    else if (!has(inTouchCodes, inTouch)) problems.push(`IN_TOUCH '${inTouch}' is not a 903 code`);
    if (returnYear === undefined)
      problems.push("no return year was given (--year), so the date of the status is unknown");
    if (problems.length > 0 || returnYear === undefined) {
      dropped.push({ source, reason: problems.join("; ") });
      continue;
    }
    const ownDob = statutoryDate(cell(row, "DOB"));
    const dob = datesOfBirth.get(child) ?? (ownDob.ok ? ownDob.value : null);
    let asAt: string;
    if (dob === null) {
      asAt = `${returnYear}-03-31`;
      notes.push({
        source,
        field: "as_at_date",
        emptied: false,
        reason: `no date of birth for the child, so the return year's 31 March is used`,
      });
    } else asAt = oc3Date(dob, returnYear);
    const activCode = cell(row, "ACTIV").toUpperCase();
    const activity =
      activCode === "" ? null : has(careLeaverActivityCodes, activCode) ? activCode : undefined;
    if (activity === undefined)
      notes.push({
        source,
        field: "activity",
        emptied: true,
        reason: `ACTIV '${activCode}' is not a 903 code`,
      });
    const accomCode = cell(row, "ACCOM").toUpperCase();
    const accom = ACCOM_RE.exec(accomCode);
    if (accomCode !== "" && accomCode !== "0" && accom === null)
      notes.push({
        source,
        field: "accommodation_suitable",
        emptied: true,
        reason: `ACCOM '${accomCode}' is not a 903 code`,
      });
    candidates.push({
      values: {
        child_id: child,
        as_at_date: asAt,
        in_touch: inTouch,
        activity: activity ?? null,
        accommodation_suitable: accom === null ? null : accom[1] === "1",
      },
      source,
    });
  }
  return {
    dataset: "care_leavers",
    from: table.file,
    read: table.rows.length,
    candidates,
    dropped,
    notes,
    ignoredColumns: unusedColumns(table.columns, USED),
  };
}
