import { keyFromValues } from "./record-key.js";
import { datasets } from "./registry.js";
import { createRowChecker } from "./row-check.js";
import type { RowIssue, ValidateOptions } from "./row-issue.js";
import type { DatasetName, RecordOf } from "./schemas.js";

/** What a {@link BatchValidator} found once all rows were pushed. */
export interface BatchSummary {
  /** The first `maxIssues` issues, in row order. */
  issues: RowIssue[];
  /** How many issues there were in all. */
  issueCount: number;
  /** How many rows were pushed. */
  received: number;
}

/** A validator fed one row at a time (see {@link createBatchValidator}). */
export interface BatchValidator<D extends DatasetName> {
  /**
   * Validate the next row.
   *
   * @param row - the row as received
   * @returns the normalised record, or `null` when the row is invalid (its issues are kept)
   */
  push(row: unknown): RecordOf<D> | null;
  /**
   * Finish the batch.
   *
   * @returns the issues (the batch is valid when `issueCount` is 0) and how many rows were received
   */
  finish(): BatchSummary;
}

/**
 * A validator for a batch that arrives row by row (a large upload streamed from CSV or NDJSON): it
 * checks each row as it comes and remembers only the keys seen (and the row of each), so duplicate
 * keys are found across the whole batch with memory in proportion to the number of keys, not rows.
 * The same rows give the same issues as `validateRecords`.
 *
 * @param dataset - the dataset of the batch
 * @param options - format, issue cap (default 1000), row offset (default 0)
 * @returns the validator
 * @example
 * ```ts
 * const v = createBatchValidator("children", { format: "csv" });
 * v.push({ child_id: "C1", date_of_birth: "01/05/2010", sex: "F" }); // { child_id: "C1", date_of_birth: "2010-05-01", … }
 * v.push({ child_id: "C1", date_of_birth: "2010-05-01", sex: "F" }); // null: duplicate key
 * v.finish().issueCount; // 1
 * ```
 */
export function createBatchValidator<D extends DatasetName>(
  dataset: D,
  options: ValidateOptions,
): BatchValidator<D> {
  const maxIssues = options.maxIssues ?? 1000;
  const rowOffset = options.rowOffset ?? 0;
  const keyFields = datasets[dataset].key;
  const seen = new Map<string, number>();
  // A checker of the batch's own, so that the dates it remembers go when the batch does.
  const checkRow = createRowChecker(dataset, { format: options.format, memoise: true });
  const issues: RowIssue[] = [];
  let issueCount = 0;
  let received = 0;

  const report = (row: number, field: string | null, message: string) => {
    issueCount++;
    if (issues.length < maxIssues) issues.push({ row, field, message });
  };

  return {
    push(row: unknown): RecordOf<D> | null {
      const index = rowOffset + received;
      received++;
      const check = checkRow(row);
      for (const p of check.problems) report(index, p.field, p.message);
      let duplicate = false;
      if (check.keyValues !== null) {
        const key = keyFromValues(dataset, check.keyValues);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index);
        else {
          duplicate = true;
          report(
            index,
            keyFields.length === 1 ? (keyFields[0] ?? null) : null,
            duplicateMessage(check.keyValues, first),
          );
        }
      }
      return duplicate ? null : check.record;
    },
    finish(): BatchSummary {
      return { issues: [...issues], issueCount, received };
    },
  };
}

function duplicateMessage(keyValues: Record<string, unknown>, firstRow: number): string {
  const parts = Object.entries(keyValues)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k} '${String(v)}'`);
  return `duplicate key: ${parts.join(", ")} also on row ${firstRow}`;
}
