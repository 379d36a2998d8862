import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchRows } from "./batches.js";

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of source) out.push(x);
  return out;
}

describe("batchRows", () => {
  it("cuts 5 rows into batches of 2, 2 and 1 and marks the last", async () => {
    const batches = await collect(batchRows(["a", "b", "c", "d", "e"], 2));
    expect(batches).toEqual([
      { index: 0, firstRow: 0, rows: ["a", "b"], last: false },
      { index: 1, firstRow: 2, rows: ["c", "d"], last: false },
      { index: 2, firstRow: 4, rows: ["e"], last: true },
    ]);
  });

  it("gives one batch when the input exactly fills it", async () => {
    const batches = await collect(batchRows([1, 2, 3], 3));
    expect(batches).toEqual([{ index: 0, firstRow: 0, rows: [1, 2, 3], last: true }]);
  });

  it("gives one empty batch for an empty input", async () => {
    expect(await collect(batchRows([], 10))).toEqual([{ index: 0, firstRow: 0, rows: [], last: true }]);
  });

  it("reads async iterables", async () => {
    async function* rows() {
      yield 1;
      yield 2;
      yield 3;
    }
    const batches = await collect(batchRows(rows(), 2));
    expect(batches.map((b) => b.rows)).toEqual([[1, 2], [3]]);
  });

  it("keeps every row once, in order, in batches no larger than the size", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer()), fc.integer({ min: 1, max: 7 }), async (rows, size) => {
        const batches = await collect(batchRows(rows, size));
        expect(batches.flatMap((b) => b.rows)).toEqual(rows);
        expect(batches.every((b) => b.rows.length <= size)).toBe(true);
        expect(batches.filter((b) => b.last)).toHaveLength(1);
        expect(batches.at(-1)?.last).toBe(true);
        for (const b of batches) expect(b.firstRow).toBe(b.index * size);
      }),
    );
  });
});
