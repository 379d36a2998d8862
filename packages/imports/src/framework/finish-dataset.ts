import { createBatchValidator, type DatasetName } from "@kpi/catalogue";
import type { SourceRow } from "../read/csv-table.js";
import type { RowIssue } from "./row-reader.js";
import type { ColumnRole, RowOutcome } from "./table-mapping.js";

/** A row with what its mapping made of it. */
export interface MappedRow {
  readonly row: SourceRow;
  readonly outcome: RowOutcome;
}

/** The records one table gave its dataset after the contract's own checks, and every row's fate. */
export interface FinishedTable {
  /** Records valid under the dataset's schema, normalised by it, in file order. */
  readonly records: Record<string, unknown>[];
  /** Rows kept with their warnings (only those with warnings). */
  readonly kept: { row: SourceRow; warnings: readonly RowIssue[] }[];
  /** Rows dropped, with why. */
  readonly dropped: { row: SourceRow; issue: RowIssue }[];
  /** Keys of the rows dropped, for dependants. */
  readonly droppedKeys: ReadonlySet<string>;
}

/**
 * Check one table's mapped records with the catalogue's own validator (the schemas the API applies:
 * codes, rules relating fields, keys repeated in the batch), so what an import writes is accepted as a
 * whole. A record the validator refuses is dropped with its messages, the contract's field names
 * replaced by the return's columns (`end_date` → `DEC`). A record whose parent was dropped is dropped
 * with it, and the reason says where the parent is.
 *
 * @param dataset - the dataset
 * @param rows - the table's rows with their mapping outcomes, in file order
 * @param columns - the table's columns (to name fields by the return's columns)
 * @param droppedParents - keys of dropped parent rows per table, with where each was
 * @returns the valid records, the warnings and the drops
 * @example
 * ```ts
 * const row = { values: { CHILD: "1" }, file: "uasc.csv", line: 2 };
 * finishDataset("uasc", [{ row, outcome: { record: { child_id: "1", ceased_date: null }, warnings: [] } }], [], new Map()).records;
 * // [{ child_id: "1", ceased_date: null }]
 * ```
 */
export function finishDataset(
  dataset: DatasetName,
  rows: readonly MappedRow[],
  columns: readonly ColumnRole[],
  droppedParents: ReadonlyMap<string, ReadonlyMap<string, string>>,
): FinishedTable {
  const validator = createBatchValidator(dataset, { format: "json", maxIssues: Number.MAX_SAFE_INTEGER });
  const columnOf = new Map(columns.filter((c) => c.field).map((c) => [c.field as string, c.column]));
  const records: Record<string, unknown>[] = [];
  const kept: FinishedTable["kept"] = [];
  const dropped: FinishedTable["dropped"] = [];
  const droppedKeys = new Set<string>();
  const firstAt = new Map<number, SourceRow>();
  let seen = 0;
  let index = 0;
  for (const { row, outcome } of rows) {
    if ("drop" in outcome) {
      dropped.push({ row, issue: outcome.drop });
      if (outcome.key !== undefined) droppedKeys.add(outcome.key);
      continue;
    }
    const parentWhere = outcome.parent && droppedParents.get(outcome.parent.table)?.get(outcome.parent.key);
    if (parentWhere !== undefined && outcome.parent) {
      dropped.push({
        row,
        issue: {
          columns: {},
          message: `dropped with its ${outcome.parent.table} row (${parentWhere}), which was dropped`,
        },
      });
      if (outcome.key !== undefined) droppedKeys.add(outcome.key);
      continue;
    }
    const record = validator.push(outcome.record);
    const position = index;
    index += 1;
    // A row the validator accepts adds no issue, so its issues are read only when it refuses one.
    if (record !== null) {
      firstAt.set(position, row);
      records.push(record as Record<string, unknown>);
      if (outcome.warnings.length > 0) kept.push({ row, warnings: outcome.warnings });
      continue;
    }
    const { issues } = validator.finish();
    const fresh = issues.slice(seen);
    seen = issues.length;
    const cols: Record<string, string> = {};
    const messages = fresh.map((i) => {
      const column = i.field === null ? undefined : columnOf.get(i.field);
      if (column !== undefined) cols[column] = row.values[column] ?? "";
      let m = i.message;
      for (const [field, col] of columnOf) m = m.replaceAll(field, col);
      return m.replace(/also on row (\d+)$/, (whole, n: string) => {
        const first = firstAt.get(Number(n));
        return first ? `also at ${first.file}${first.line ? `:${first.line}` : ""}` : whole;
      });
    });
    dropped.push({ row, issue: { columns: cols, message: messages.join("; ") } });
    if (outcome.key !== undefined) droppedKeys.add(outcome.key);
  }
  return { records, kept, dropped, droppedKeys };
}
