import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDatedIndex, lowerBound, upperBound } from "./dated-index.js";

describe("createDatedIndex", () => {
  const contacts = [
    { id: "a", contact_date: "2019-07-01" },
    { id: "b", contact_date: "2019-06-30" },
    { id: "c", contact_date: "2019-09-30" },
    { id: "d", contact_date: "2019-10-01" },
    { id: "e", contact_date: null },
  ];
  const index = createDatedIndex(contacts, (c) => c.contact_date);

  it("returns the records dated in a closed window, both ends included", () => {
    expect(index.between("2019-07-01", "2019-09-30").map((c) => c.id)).toEqual(["a", "c"]);
  });

  it("leaves out records without the date and knows the first and last dates", () => {
    expect(index.sorted.map((c) => c.id)).toEqual(["b", "a", "c", "d"]);
    expect(index.first).toBe("2019-06-30");
    expect(index.last).toBe("2019-10-01");
  });

  it("is empty for a window with nothing in it or reversed", () => {
    expect(index.between("2018-01-01", "2018-12-31")).toEqual([]);
    expect(index.between("2019-09-30", "2019-07-01")).toEqual([]);
  });

  it("finds the same records as a scan, for any dates and window", () => {
    const date = fc.integer({ min: 1, max: 31 }).map((d) => `2019-08-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(fc.array(date, { maxLength: 50 }), date, date, (dates, a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const records = dates.map((d, i) => ({ i, d }));
        const got = createDatedIndex(records, (r) => r.d)
          .between(start, end)
          .map((r) => r.i)
          .sort((x, y) => x - y);
        const want = records.filter((r) => r.d >= start && r.d <= end).map((r) => r.i);
        expect(got).toEqual(want);
      }),
    );
  });
});

describe("lowerBound and upperBound", () => {
  it("bracket a run of equal dates", () => {
    const dates = ["2019-01-01", "2019-02-01", "2019-02-01", "2019-03-01"];
    expect(lowerBound(dates, "2019-02-01")).toBe(1);
    expect(upperBound(dates, "2019-02-01")).toBe(3);
    expect(lowerBound(dates, "2018-12-31")).toBe(0);
    expect(upperBound(dates, "2019-03-02")).toBe(4);
  });
});
