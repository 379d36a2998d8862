/** One batch of rows cut from a larger input. */
export interface RowBatch<T> {
  /** 0-based batch number. */
  readonly index: number;
  /** 0-based index, in the whole input, of the batch's first row. */
  readonly firstRow: number;
  /** The rows. */
  readonly rows: readonly T[];
  /** Whether this is the input's last batch. */
  readonly last: boolean;
}

/**
 * Cut an input (array, iterable or async iterable) into batches of at most `size` rows, holding only
 * one batch (plus one row of look-ahead) in memory, and saying which batch is the last, so a caller can
 * refuse to split a `mode=replace` ingest before sending anything. An empty input gives one empty batch.
 *
 * @param source - the rows
 * @param size - rows per batch (a positive integer)
 * @returns the batches, in order
 * @example
 * ```ts
 * for await (const b of batchRows([1, 2, 3, 4, 5], 2)) console.log(b.index, b.rows, b.last);
 * // 0 [1, 2] false / 1 [3, 4] false / 2 [5] true
 * ```
 */
export async function* batchRows<T>(
  source: Iterable<T> | AsyncIterable<T>,
  size: number,
): AsyncGenerator<RowBatch<T>> {
  let rows: T[] = [];
  let index = 0;
  let firstRow = 0;
  for await (const row of source) {
    if (rows.length === size) {
      yield { index, firstRow, rows, last: false };
      index++;
      firstRow += rows.length;
      rows = [];
    }
    rows.push(row);
  }
  yield { index, firstRow, rows, last: true };
}
