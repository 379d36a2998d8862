import type { DatasetName } from "@kpi/catalogue";
import type { SourceRow } from "../read/csv-table.js";
import type { RowIssue, RowReader } from "./row-reader.js";

/** What becomes of a source column: mapped onto a contract field, used only for a check, or not imported. */
export interface ColumnRole {
  readonly column: string;
  readonly role: "mapped" | "check" | "not_imported";
  /** The contract field it becomes (mapped columns). */
  readonly field?: string;
  /** A file without this column cannot be imported (a whole-file problem). */
  readonly mandatory?: boolean;
  /** Why, for checks and columns not imported; shown in the report and the docs. */
  readonly why?: string;
}

/** What a mapping made of one row. */
export type RowOutcome =
  | {
      readonly record: Readonly<Record<string, unknown>>;
      readonly warnings: readonly RowIssue[];
      /** A record this one depends on: dropped with it when that parent is dropped. */
      readonly parent?: { readonly table: string; readonly key: string };
      /** This record's own key for its dependants. */
      readonly key?: string;
    }
  | { readonly drop: RowIssue; readonly warnings: readonly RowIssue[]; readonly key?: string };

/**
 * One table of a return and how it maps onto a dataset of the contract: its columns and what becomes
 * of each (stated as data, for the report and the docs), and the function mapping one row. `C` is the
 * context the import gives every row (the collection year, the record-id function, look-ups across
 * tables).
 */
export interface TableMapping<C> {
  /** The table's name in the return, e.g. `episodes`. */
  readonly table: string;
  /** The dataset its rows become. */
  readonly dataset: DatasetName;
  /** Every column of the table in any collection year. */
  readonly columns: readonly ColumnRole[];
  /** How records of the dataset from this table are written: `merge` keeps fields other sources gave. */
  readonly write: "upsert" | "merge";
  /** Map one row. */
  map(row: SourceRow, context: C): RowOutcome;
}

/**
 * The columns of a table that a file must have: a whole-file problem names the first missing one.
 *
 * @param mapping - the table's mapping
 * @param columns - the file's header columns (upper case)
 * @returns the mandatory columns the file lacks
 * @example
 * ```ts
 * missingColumns({ columns: [{ column: "CHILD", role: "mapped", mandatory: true }] } as never, ["SEX"]); // ["CHILD"]
 * ```
 */
export function missingColumns(
  mapping: Pick<TableMapping<unknown>, "columns">,
  columns: readonly string[],
): string[] {
  return mapping.columns.filter((c) => c.mandatory && !columns.includes(c.column)).map((c) => c.column);
}

/**
 * What a mapping made of a row it read: the record with the reader's warnings, or the drop (every
 * problem joined) when the reader found one.
 *
 * @param reader - the row's reader, after the mapping asked for its cells
 * @param record - the record the row maps to
 * @param links - the row's own key (for its dependants) and its parent's table and key
 * @returns the outcome
 * @example
 * ```ts
 * const r = new RowReader({ values: { CHILD: "" }, file: "uasc.csv", line: 2 });
 * r.required("CHILD", "the child's identifier");
 * "drop" in rowOutcome(r, { child_id: "" }); // true
 * ```
 */
export function rowOutcome(
  reader: RowReader,
  record: Readonly<Record<string, unknown>>,
  links: { readonly key?: string; readonly parent?: { readonly table: string; readonly key: string } } = {},
): RowOutcome {
  const drop = reader.dropReason();
  const key = links.key === undefined ? {} : { key: links.key };
  if (drop !== null) return { drop, warnings: reader.warnings, ...key };
  return {
    record,
    warnings: reader.warnings,
    ...key,
    ...(links.parent === undefined ? {} : { parent: links.parent }),
  };
}
