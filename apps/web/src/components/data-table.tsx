import type { ReactNode } from "react";

/** One column of a {@link DataTable}: its header, whether it holds numbers, and how to draw a cell. */
export interface DataTableColumn<Row> {
  /** Unique among the table's columns (React key; names the row-header column). */
  key: string;
  /** The column header (text, or markup such as a visually hidden label). */
  header: ReactNode;
  /** Right-aligned with tabular figures, header included (class `num`). */
  numeric?: boolean;
  /** Draws this column's cell for a row. */
  cell: (row: Row, index: number) => ReactNode;
}

/** What a {@link DataTable} shows. */
export interface DataTableProps<Row> {
  /** The table's caption: what the table is, for everyone (and its accessible name). */
  caption: ReactNode;
  /** An id for the caption, when a chart or control refers to it (`aria-describedby`). */
  captionId?: string;
  /** Keep the caption for screen readers only, when a visible heading already names the table. */
  hideCaption?: boolean;
  /** The columns, in order. */
  columns: readonly DataTableColumn<Row>[];
  /** The rows, in order. */
  rows: readonly Row[];
  /** A React key for each row, unique in the table. */
  rowKey: (row: Row, index: number) => string;
  /**
   * The key of the column that names each row: its cells are row headers (`<th scope="row">`).
   * Default: the first column. `null` when no column names the rows.
   */
  rowHeader?: string | null;
}

/**
 * The portal's data table: a caption, column headers with `scope="col"`, the column that names each
 * row as row headers (`scope="row"`), numeric columns right-aligned with tabular figures, and a
 * wrapper that scrolls sideways on narrow screens. A server component: cells are drawn on the server.
 *
 * @param props - `caption` (and optional `captionId`, `hideCaption`), `columns`, `rows`, `rowKey`,
 *   and `rowHeader` (the key of the column naming each row; default the first)
 * @returns the table in its scrolling wrapper
 * @example
 * ```tsx
 * <DataTable
 *   caption="Ingested batches"
 *   columns={[
 *     { key: "dataset", header: "Dataset", cell: (b) => b.dataset },
 *     { key: "records", header: "Records", numeric: true, cell: (b) => b.received.toLocaleString("en-GB") },
 *   ]}
 *   rows={batches}
 *   rowKey={(b) => b.id}
 * />
 * ```
 */
export function DataTable<Row>({
  caption,
  captionId,
  hideCaption = false,
  columns,
  rows,
  rowKey,
  rowHeader,
}: DataTableProps<Row>) {
  const headerKey = rowHeader === undefined ? columns[0]?.key : rowHeader;
  const numClass = (column: DataTableColumn<Row>) => (column.numeric === true ? "num" : undefined);
  return (
    <div className="table-wrap">
      <table>
        <caption id={captionId} className={hideCaption ? "visually-hidden" : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={numClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {columns.map((column) =>
                column.key === headerKey ? (
                  <th key={column.key} scope="row" className={numClass(column)}>
                    {column.cell(row, index)}
                  </th>
                ) : (
                  <td key={column.key} className={numClass(column)}>
                    {column.cell(row, index)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
