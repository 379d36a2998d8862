import { createBatchValidator, type DatasetName } from "@kpi/catalogue";
import { type SourcedRecord, sourceLabel } from "../input/record-file.js";
import type { DroppedRow, FieldNote, ImportedTable, TableReport } from "./import-report.js";

/** What a mapper produced for one dataset before validation. */
export interface MappedTable {
  readonly dataset: DatasetName;
  /** The source table, e.g. `episodes.csv`. */
  readonly from: string;
  /** Source rows read. */
  readonly read: number;
  /** Candidate records with their source rows. */
  readonly candidates: readonly SourcedRecord[];
  /** Rows the mapper already dropped. */
  readonly dropped: readonly DroppedRow[];
  /** Values the mapper left empty. */
  readonly notes: readonly FieldNote[];
  /** Source columns with no place in the contract. */
  readonly ignoredColumns?: readonly string[];
}

/**
 * Check a mapped table with the catalogue's own validator (the same schemas the API applies: codes,
 * field rules, keys repeated in the table) and keep only the records that pass, so what an import
 * posts is accepted as a whole. A candidate that fails is dropped with the validator's messages.
 *
 * @param table - the mapper's output
 * @returns the valid records (normalised by the schema) and the table's report
 * @example
 * ```ts
 * const { table, report } = finishTable({ dataset: "children", from: "header.csv", read: 1,
 *   candidates: [{ values: { child_id: "1", sex: "F", date_of_birth: null, ethnicity: null, disabled: null },
 *   source: { file: "header.csv", line: 2, index: 0 } }], dropped: [], notes: [] });
 * report.mapped; // 1
 * ```
 */
export function finishTable(table: MappedTable): { table: ImportedTable; report: TableReport } {
  const validator = createBatchValidator(table.dataset, {
    format: "json",
    maxIssues: Number.MAX_SAFE_INTEGER,
  });
  const records: SourcedRecord[] = [];
  const dropped: DroppedRow[] = [...table.dropped];
  let seen = 0;
  for (const candidate of table.candidates) {
    const record = validator.push(candidate.values);
    const { issues } = validator.finish();
    const fresh = issues.slice(seen);
    seen = issues.length;
    if (record !== null && fresh.length === 0)
      records.push({ values: record as Record<string, unknown>, source: candidate.source });
    else
      dropped.push({
        source: candidate.source,
        reason: fresh.map((i) => placeDuplicate(i.message, table.candidates)).join("; "),
      });
  }
  dropped.sort((a, b) => a.source.index - b.source.index);
  return {
    table: { dataset: table.dataset, records },
    report: {
      dataset: table.dataset,
      from: table.from,
      read: table.read,
      mapped: records.length,
      dropped,
      notes: table.notes,
      ignoredColumns: table.ignoredColumns ?? [],
    },
  };
}

/** The validator names the first row of a repeated key by its index; name it by its place in the file. */
function placeDuplicate(message: string, candidates: readonly SourcedRecord[]): string {
  return message.replace(/also on row (\d+)$/, (whole, index: string) => {
    const first = candidates[Number(index)]?.source;
    if (first === undefined) return whole;
    return `also at ${sourceLabel(first)}`;
  });
}
