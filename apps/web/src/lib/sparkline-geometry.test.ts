import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sparklineGeometry } from "./sparkline-geometry";

const box = { width: 100, height: 20, pad: 2 };

describe("sparklineGeometry", () => {
  it("puts the lowest value at the bottom and the highest at the top", () => {
    const g = sparklineGeometry([1, 2, 3], box, null);
    expect(g.path).toBe("M2 18L50 10L98 2");
  });

  it("breaks the line where a quarter has no value", () => {
    const g = sparklineGeometry([10, null, 20, 30], box, null);
    expect(g.path).toBe("M2 18M66 10L98 2");
    expect(g.points.map((p) => p.index)).toEqual([0, 2, 3]);
  });

  it("draws a flat series across the middle", () => {
    expect(sparklineGeometry([5, 5], box, null).path).toBe("M2 10L98 10");
  });

  it("includes the target in the scale so the target line is always visible", () => {
    const g = sparklineGeometry([40, 50], box, 60);
    expect(g.targetY).toBe(2);
    expect(g.points[0]?.y).toBe(18);
  });

  it("draws nothing without values", () => {
    expect(sparklineGeometry([null, null], box, 5)).toEqual({ path: "", points: [], targetY: null });
  });

  it("keeps every point inside the box", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), {
          minLength: 1,
          maxLength: 12,
        }),
        (values) => {
          for (const p of sparklineGeometry(values, box, null).points) {
            expect(p.x).toBeGreaterThanOrEqual(box.pad);
            expect(p.x).toBeLessThanOrEqual(box.width - box.pad);
            expect(p.y).toBeGreaterThanOrEqual(box.pad);
            expect(p.y).toBeLessThanOrEqual(box.height - box.pad);
          }
        },
      ),
    );
  });
});
