import type { IsoDate } from "@kpi/core";

/** Stands for an open end (`end_date` null): later than any real date. */
const OPEN_END = "9999-12-31";

interface StockNode<T> {
  center: IsoDate;
  /** Records containing `center`, by start date ascending. */
  byStart: T[];
  starts: IsoDate[];
  /** The same records by end date descending. */
  byEnd: T[];
  ends: IsoDate[];
  left: StockNode<T> | null;
  right: StockNode<T> | null;
}

interface Item<T> {
  record: T;
  start: IsoDate;
  end: IsoDate;
}

/**
 * Dated ranges (`start_date`, `end_date` or null while open) indexed so that "what is open at D" is
 * answered without a scan: `openAt(D)` returns the records with `start ≤ D` and (`end` null or
 * `end > D`), the data contract's stock rule ("what closed on day D is not open at the end of D").
 *
 * @example
 * ```ts
 * const plans = [{ start: "2019-01-01", end: null }, { start: "2019-02-01", end: "2019-09-30" }];
 * const index = createStockIndex(plans, (p) => p.start, (p) => p.end);
 * index.openAt("2019-09-30").length; // 1
 * index.openAt("2019-09-29").length; // 2
 * ```
 */
export interface StockIndex<T> {
  /** Records open at the end of day `date`, in no particular order. */
  openAt(date: IsoDate): T[];
  /** Earliest start date, or `null` when there are no records. */
  readonly firstStart: IsoDate | null;
}

function build<T>(items: Item<T>[]): StockNode<T> | null {
  if (items.length === 0) return null;
  const starts = items.map((i) => i.start).sort();
  const center = starts[starts.length >>> 1] as IsoDate;
  const left: Item<T>[] = [];
  const right: Item<T>[] = [];
  const here: Item<T>[] = [];
  for (const item of items) {
    if (item.end <= center) left.push(item);
    else if (item.start > center) right.push(item);
    else here.push(item);
  }
  const byStart = [...here].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const byEnd = [...here].sort((a, b) => (a.end > b.end ? -1 : a.end < b.end ? 1 : 0));
  return {
    center,
    byStart: byStart.map((i) => i.record),
    starts: byStart.map((i) => i.start),
    byEnd: byEnd.map((i) => i.record),
    ends: byEnd.map((i) => i.end),
    left: build(left),
    right: build(right),
  };
}

/**
 * Build a {@link StockIndex} (a centred interval tree): built once per evaluator, each query costs
 * O(log n + what is open). Ranges closed the day they opened are never open at the end of a day and
 * are left out.
 *
 * @param records - the records, in any order
 * @param startOf - reads the start date
 * @param endOf - reads the end date, `null` while open
 * @returns the index
 * @example
 * ```ts
 * const index = createStockIndex([{ s: "2019-04-01", e: "2019-04-01" }], (r) => r.s, (r) => r.e);
 * index.openAt("2019-04-01").length; // 0
 * ```
 */
export function createStockIndex<T>(
  records: readonly T[],
  startOf: (record: T) => IsoDate,
  endOf: (record: T) => IsoDate | null,
): StockIndex<T> {
  const items: Item<T>[] = [];
  let firstStart: IsoDate | null = null;
  for (const record of records) {
    const start = startOf(record);
    const end = endOf(record) ?? OPEN_END;
    if (firstStart === null || start < firstStart) firstStart = start;
    if (end > start) items.push({ record, start, end });
  }
  const root = build(items);
  return {
    firstStart,
    openAt(date) {
      const out: T[] = [];
      let node = root;
      while (node !== null) {
        if (date < node.center) {
          // Every record here ends after the centre, so after `date`: keep those started by `date`.
          for (let i = 0; i < node.starts.length && (node.starts[i] as IsoDate) <= date; i++)
            out.push(node.byStart[i] as T);
          node = node.left;
        } else {
          // Every record here started by the centre, so by `date`: keep those still open after it.
          for (let i = 0; i < node.ends.length && (node.ends[i] as IsoDate) > date; i++)
            out.push(node.byEnd[i] as T);
          node = node.right;
        }
      }
      return out;
    },
  };
}
