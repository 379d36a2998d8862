import {
  type CodeOption,
  categoryOfNeedCodes,
  legalStatusCodes,
  placementProviderCodes,
  placementTypeCodes,
  reasonCeasedCodes,
  reasonNewEpisodeCodes,
} from "@kpi/catalogue";
import type { SourcedRecord } from "../../input/record-file.js";
import type { MappedTable } from "../finish-table.js";
import type { DroppedRow, FieldNote } from "../import-report.js";
import { recordId } from "../record-id.js";
import { statutoryDate } from "../statutory-date.js";
import { cell, type Ssda903Table, unusedColumns } from "./ssda903-table.js";

const USED = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC"];

const has = (codes: readonly CodeOption[], code: string) => codes.some((c) => c.code === code);

/**
 * Map the 903 `episodes` table onto `cla_episodes`: CHILD → child_id, DECOM/DEC → start/end date,
 * RNE, LS, CIN, PLACE, PLACE_PROVIDER, REC → the contract's codes (the same code sets). The episode id
 * is a keyed hash of CHILD and DECOM (see `recordId`). A row is dropped when CHILD, DECOM, RNE, LS,
 * PLACE or PLACE_PROVIDER is missing or unknown, when DECOM or DEC is not a date, or when REC is
 * unknown; an unknown CIN code leaves category_of_need empty (noted). REASON_PLACE_CHANGE, HOME_POST,
 * PL_POST and URN have no place in the contract and are not imported.
 *
 * @param table - the episodes table
 * @param idKey - the authority's id key for record ids
 * @returns candidate `cla_episodes` records with what was dropped and noted
 * @example
 * ```ts
 * mapEpisodes(episodesTable, "an-id-key-0123456789").candidates[0]?.values.legal_status; // "C2"
 * ```
 */
export function mapEpisodes(table: Ssda903Table, idKey: string): MappedTable {
  const candidates: SourcedRecord[] = [];
  const dropped: DroppedRow[] = [];
  const notes: FieldNote[] = [];
  for (const { values: row, source } of table.rows) {
    const problems: string[] = [];
    const child = cell(row, "CHILD");
    if (child === "") problems.push("CHILD is empty (mandatory)");
    const start = statutoryDate(cell(row, "DECOM"));
    if (!start.ok) problems.push(`DECOM '${cell(row, "DECOM")}' is not a date (DD/MM/YYYY)`);
    else if (start.value === null) problems.push("DECOM is empty (mandatory)");
    const end = statutoryDate(cell(row, "DEC"));
    if (!end.ok) problems.push(`DEC '${cell(row, "DEC")}' is not a date (DD/MM/YYYY)`);
    const code = (column: string, codes: readonly CodeOption[], what: string, mandatory: boolean) => {
      const value = cell(row, column).toUpperCase();
      if (value === "") {
        if (mandatory) problems.push(`${column} is empty (mandatory)`);
        return null;
      }
      if (!has(codes, value)) {
        problems.push(`${column} '${value}' is not a 903 ${what} code`);
        return null;
      }
      return value;
    };
    const rne = code("RNE", reasonNewEpisodeCodes, "reason for new episode", true);
    const ls = code("LS", legalStatusCodes, "legal status", true);
    const place = code("PLACE", placementTypeCodes, "placement type", true);
    const provider = code("PLACE_PROVIDER", placementProviderCodes, "placement provider", true);
    const rec = code("REC", reasonCeasedCodes, "reason episode ceased", false);
    const cinCode = cell(row, "CIN").toUpperCase();
    const cin = cinCode === "" ? null : has(categoryOfNeedCodes, cinCode) ? cinCode : undefined;
    if (problems.length > 0) {
      dropped.push({ source, reason: problems.join("; ") });
      continue;
    }
    if (cin === undefined)
      notes.push({
        source,
        field: "category_of_need",
        emptied: true,
        reason: `CIN '${cinCode}' is not a 903 category of need (N1–N8)`,
      });
    const startDate = start.ok ? (start.value ?? "") : "";
    candidates.push({
      values: {
        episode_id: recordId(idKey, "EP", [child, startDate]),
        child_id: child,
        start_date: startDate,
        end_date: end.ok ? end.value : null,
        reason_new_episode: rne,
        legal_status: ls,
        category_of_need: cin ?? null,
        placement_type: place,
        placement_provider: provider,
        reason_ceased: rec,
        weekly_cost: null,
        team: null,
      },
      source,
    });
  }
  return {
    dataset: "cla_episodes",
    from: table.file,
    read: table.rows.length,
    candidates,
    dropped,
    notes,
    ignoredColumns: unusedColumns(table.columns, USED),
  };
}
