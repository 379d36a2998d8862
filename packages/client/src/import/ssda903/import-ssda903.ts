import { finishTable, type MappedTable } from "../finish-table.js";
import { collectionYear, type ImportedTable, type ImportResult, type TableReport } from "../import-report.js";
import { mapEpisodes } from "./map-episodes.js";
import { mapHeader } from "./map-header.js";
import { mapMissing } from "./map-missing.js";
import { mapOc3 } from "./map-oc3.js";
import type { Ssda903Table } from "./ssda903-table.js";

/** The 903 tables of one extract; any may be absent. */
export interface Ssda903Tables {
  readonly header?: Ssda903Table;
  readonly episodes?: Ssda903Table;
  readonly missing?: Ssda903Table;
  readonly oc3?: Ssda903Table;
}

/** Options of {@link importSsda903}. */
export interface Ssda903Options {
  /** The authority's id key for generated record ids (at least 16 characters; keep it). */
  readonly idKey: string;
  /** The year in which the return's 31 March falls (2020 for 2019-20); needed for `oc3`, and gives the collection year. */
  readonly returnYear?: number;
}

/**
 * Map an authority's SSDA903 extract onto the data contract: `header` → `children`, `episodes` →
 * `cla_episodes`, `missing` → `missing_episodes` (from care), `oc3` → `care_leavers`. Dates are read as
 * DD/MM/YYYY; every record is checked with the catalogue's schemas, so what comes out is accepted by
 * the API; the report lists per table what was mapped, what was dropped and why, and which values were
 * left empty. Pure: the caller reads the files.
 *
 * @param tables - the tables read from the extract's CSV files
 * @param options - id key and return year
 * @returns the records per dataset (children first) and the report per table
 * @example
 * ```ts
 * const { tables, report } = importSsda903({ header, episodes }, { idKey: "an-id-key-0123456789" });
 * ```
 */
export function importSsda903(tables: Ssda903Tables, options: Ssda903Options): ImportResult {
  const mapped: MappedTable[] = [];
  const datesOfBirth = new Map<string, string>();
  if (tables.header) {
    const children = mapHeader(tables.header);
    for (const c of children.candidates) {
      const dob = c.values.date_of_birth;
      if (typeof dob === "string") datesOfBirth.set(String(c.values.child_id), dob);
    }
    mapped.push(children);
  }
  if (tables.episodes) mapped.push(mapEpisodes(tables.episodes, options.idKey));
  if (tables.missing) mapped.push(mapMissing(tables.missing, options.idKey));
  if (tables.oc3) mapped.push(mapOc3(tables.oc3, datesOfBirth, options.returnYear));
  const out: ImportedTable[] = [];
  const report: TableReport[] = [];
  for (const m of mapped) {
    const finished = finishTable(m);
    out.push(finished.table);
    report.push(finished.report);
  }
  return {
    tables: out,
    report,
    ...(options.returnYear === undefined
      ? {}
      : { collectionYear: collectionYear("SSDA903 return", options.returnYear) }),
  };
}
