import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import { type DisclosureRow, suppressTable } from "./suppress.js";

describe("suppressTable", () => {
  it("suppresses counts from 1 to 5 but shows 0 and 6", () => {
    const out = suppressTable({
      rows: [
        { key: "a", count: 0 },
        { key: "b", count: 1 },
        { key: "c", count: 5 },
        { key: "d", count: 6 },
        { key: "e", count: null },
      ],
    });
    expect(out.rows.map((r) => r.count)).toEqual([0, "c", "c", 6, null]);
    expect(out.rows.map((r) => r.suppressed)).toEqual([false, true, true, false, false]);
    expect(out.rows[1]!.reason).toBe("A count from 1 to 5 is suppressed.");
    expect(out.rows[0]!.reason).toBeNull();
    expect(out.total).toBeUndefined();
    expect(out.threshold).toBe(5);
  });

  it("suppresses a percentage computed from a suppressed numerator or denominator", () => {
    const out = suppressTable({
      rows: [
        { key: "schools", count: 120, numerator: 3, denominator: 120, value: 2.5 },
        { key: "police", count: 4, numerator: 4, denominator: 4, value: 100 },
        { key: "health", count: 80, numerator: 40, denominator: 80, value: 50 },
      ],
    });
    expect(out.rows[0]).toEqual({
      key: "schools",
      count: 120,
      numerator: "c",
      denominator: 120,
      value: "c",
      suppressed: true,
      reason: "A count from 1 to 5 is suppressed. The value is derived from a suppressed count.",
    });
    expect(out.rows[1]).toMatchObject({ count: "c", numerator: "c", denominator: "c", value: "c" });
    expect(out.rows[2]).toEqual({
      key: "health",
      count: 80,
      numerator: 40,
      denominator: 80,
      value: 50,
      suppressed: false,
      reason: null,
    });
  });

  it("hides the next-smallest row when a total would reveal a single suppressed count", () => {
    const out = suppressTable({
      rows: [
        { key: "NEG", count: 40, value: 72.7 },
        { key: "SAB", count: 3, value: 5.5 },
        { key: "PHY", count: 12, value: 21.8 },
        { key: "EMO", count: 0, value: 0 },
      ],
      total: { key: "all", count: 55, value: 100 },
    });
    expect(out.rows.map((r) => r.count)).toEqual([40, "c", "c", 0]);
    expect(out.rows.map((r) => r.value)).toEqual([72.7, "c", "c", 0]);
    expect(out.rows[2]!.reason).toBe(
      "Suppressed so that another suppressed count cannot be worked out from the total. The value is derived from a suppressed count.",
    );
    expect(out.total).toEqual({ key: "all", count: 55, value: 100, suppressed: false, reason: null });
  });

  it("needs no secondary suppression when two rows are already hidden or no total is shown", () => {
    const twoHidden = suppressTable({
      rows: [
        { key: "a", count: 2 },
        { key: "b", count: 4 },
        { key: "c", count: 30 },
      ],
      total: { key: "all", count: 36 },
    });
    expect(twoHidden.rows.map((r) => r.count)).toEqual(["c", "c", 30]);
    const noTotal = suppressTable({
      rows: [
        { key: "a", count: 2 },
        { key: "b", count: 30 },
      ],
    });
    expect(noTotal.rows.map((r) => r.count)).toEqual(["c", 30]);
  });

  it("suppresses a small total, and the total when no other row can be hidden", () => {
    const smallTotal = suppressTable({
      rows: [
        { key: "a", count: 3 },
        { key: "b", count: 0 },
      ],
      total: { key: "t", count: 3 },
    });
    expect(smallTotal.total!.count).toBe("c");
    expect(smallTotal.rows.map((r) => r.count)).toEqual(["c", 0]);

    const onlyUnknown = suppressTable({
      rows: [
        { key: "a", count: 3 },
        { key: "b", count: null },
      ],
      total: { key: "t", count: 20 },
    });
    expect(onlyUnknown.total).toMatchObject({ count: "c", suppressed: true });
  });

  it("protects numerators against the total's numerator on their own", () => {
    const out = suppressTable({
      rows: [
        { key: "a", count: 50, numerator: 2, denominator: 50, value: 4 },
        { key: "b", count: 60, numerator: 9, denominator: 60, value: 15 },
        { key: "c", count: 70, numerator: 30, denominator: 70, value: 42.9 },
      ],
      total: { key: "t", count: 180, numerator: 41, denominator: 180, value: 22.8 },
    });
    expect(out.rows.map((r) => r.numerator)).toEqual(["c", "c", 30]);
    expect(out.rows.map((r) => r.value)).toEqual(["c", "c", 42.9]);
    expect(out.rows.map((r) => r.count)).toEqual([50, 60, 70]);
    expect(out.total!.numerator).toBe(41);
  });

  it("takes the threshold from the options", () => {
    const out = suppressTable(
      {
        rows: [
          { key: "a", count: 7 },
          { key: "b", count: 10 },
        ],
      },
      { threshold: 9 },
    );
    expect(out.rows.map((r) => r.count)).toEqual(["c", 10]);
    expect(suppressTable({ rows: [{ key: "a", count: 1 }] }, { threshold: 0 }).rows[0]!.count).toBe(1);
  });

  it("rejects impossible thresholds and counts", () => {
    expect(() => suppressTable({ rows: [] }, { threshold: -1 })).toThrow(CoreError);
    expect(() => suppressTable({ rows: [] }, { threshold: 2.5 })).toThrow(CoreError);
    expect(() => suppressTable({ rows: [{ key: "a", count: -3 }] })).toThrow(CoreError);
  });

  it("never lets a suppressed count be recovered as the total minus the shown rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 6 }),
        (counts, threshold) => {
          const rows: DisclosureRow[] = counts.map((count, i) => ({ key: `r${i}`, count }));
          const total = counts.reduce((a, b) => a + b, 0);
          const out = suppressTable({ rows, total: { key: "total", count: total } }, { threshold });
          const shown = out.rows.filter((r) => r.count !== "c").map((r) => r.count as number);
          for (const cell of [...out.rows, out.total!]) {
            if (typeof cell.count === "number") {
              expect(cell.count === 0 || cell.count > threshold).toBe(true);
            }
          }
          if (out.total!.count === "c") return;
          const remainder = total - shown.reduce((a, b) => a + b, 0);
          out.rows.forEach((r, i) => {
            if (r.count === "c") expect(remainder).not.toBe(counts[i]);
          });
        },
      ),
    );
  });
});
