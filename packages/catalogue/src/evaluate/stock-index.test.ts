import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createStockIndex } from "./stock-index.js";

interface Range {
  id: number;
  start: string;
  end: string | null;
}

const day = (n: number) => `2019-01-${String(n).padStart(2, "0")}`;

describe("createStockIndex", () => {
  const plans: Range[] = [
    { id: 1, start: "2019-04-01", end: null },
    { id: 2, start: "2019-05-01", end: "2019-09-30" },
    { id: 3, start: "2019-09-30", end: "2019-10-15" },
    { id: 4, start: "2019-10-01", end: null },
    { id: 5, start: "2019-06-01", end: "2019-06-01" },
  ];
  const index = createStockIndex(
    plans,
    (p) => p.start,
    (p) => p.end,
  );
  const ids = (date: string) =>
    index
      .openAt(date)
      .map((p) => p.id)
      .sort();

  it("counts what started on or before D and had not ended by D", () => {
    // 30 Sep: plan 2 closed that day (not open); plan 3 opened that day (open); plan 4 not yet started.
    expect(ids("2019-09-30")).toEqual([1, 3]);
    expect(ids("2019-09-29")).toEqual([1, 2]);
  });

  it("never counts a range that closed the day it opened", () => {
    expect(ids("2019-06-01")).toEqual([1, 2]);
  });

  it("is empty before anything started", () => {
    expect(ids("2019-03-31")).toEqual([]);
    expect(index.firstStart).toBe("2019-04-01");
  });

  it("agrees with a plain scan for any ranges and date", () => {
    const range = fc
      .tuple(fc.integer({ min: 1, max: 28 }), fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }))
      .map(([s, len]) => ({ start: day(s), end: len === null ? null : day(Math.min(28, s + len)) }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 60 }), fc.integer({ min: 1, max: 28 }), (ranges, d) => {
        const rs = ranges.map((r, id) => ({ ...r, id }));
        const at = day(d);
        const expected = rs
          .filter((r) => r.start <= at && (r.end === null || r.end > at))
          .map((r) => r.id)
          .sort((a, b) => a - b);
        const actual = createStockIndex(
          rs,
          (r) => r.start,
          (r) => r.end,
        )
          .openAt(at)
          .map((r) => r.id)
          .sort((a, b) => a - b);
        expect(actual).toEqual(expected);
      }),
    );
  });
});
