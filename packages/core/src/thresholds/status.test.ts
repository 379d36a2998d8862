import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Target } from "../definitions/target.js";
import { CoreError } from "../errors/core-error.js";
import { type RagStatus, ragStatus, targetTolerance } from "./status.js";

const rank: Record<RagStatus, number> = { red: 0, amber: 1, green: 2 };
const statusOf = (value: number, target: Target, polarity: "high" | "low") =>
  ragStatus({ value }, target, polarity).status;

describe("targetTolerance", () => {
  it("is 5% of the target, of a range's midpoint, or the target's own tolerance", () => {
    expect(targetTolerance({ value: 60 })).toBe(3);
    expect(targetTolerance({ value: -10 })).toBe(0.5);
    expect(targetTolerance({ range: [80, 90] })).toBe(4.25);
    expect(targetTolerance({ value: 60, tolerance: 5 })).toBe(5);
    expect(targetTolerance({ value: 0 })).toBe(0);
  });
});

describe("ragStatus, point rule", () => {
  it("judges the report's SWA outcome against its 60% target as red", () => {
    const result = ragStatus({ value: 47.45856 }, { value: 60 }, "high");
    expect(result).toEqual({
      status: "red",
      reason: null,
      target: { value: 60 },
      tolerance: 3,
      basis: "point",
    });
  });

  it("uses the amber band below a high target, ends included", () => {
    expect(statusOf(60, { value: 60 }, "high")).toBe("green");
    expect(statusOf(59.99, { value: 60 }, "high")).toBe("amber");
    expect(statusOf(57, { value: 60 }, "high")).toBe("amber");
    expect(statusOf(56.99, { value: 60 }, "high")).toBe("red");
    expect(statusOf(55, { value: 60, tolerance: 5 }, "high")).toBe("amber");
    expect(statusOf(54.9, { value: 60, tolerance: 5 }, "high")).toBe("red");
  });

  it("mirrors the bands for a low target", () => {
    expect(statusOf(10, { value: 10 }, "low")).toBe("green");
    expect(statusOf(4, { value: 10 }, "low")).toBe("green");
    expect(statusOf(10.5, { value: 10 }, "low")).toBe("amber");
    expect(statusOf(10.51, { value: 10 }, "low")).toBe("red");
  });

  it("judges the unrounded value, not the displayed one", () => {
    // 56.996 displays as 57.0 but lies below the amber band's edge at 57.
    expect(statusOf(56.996, { value: 60 }, "high")).toBe("red");
  });

  it("treats a range as green inside, amber within tolerance outside, red beyond", () => {
    const range: Target = { range: [80, 90] };
    for (const polarity of ["high", "low"] as const) {
      expect(statusOf(80, range, polarity)).toBe("green");
      expect(statusOf(90, range, polarity)).toBe("green");
      expect(statusOf(76, range, polarity)).toBe("amber");
      expect(statusOf(75.75, range, polarity)).toBe("amber");
      expect(statusOf(75.7, range, polarity)).toBe("red");
      expect(statusOf(94.25, range, polarity)).toBe("amber");
      expect(statusOf(94.3, range, polarity)).toBe("red");
    }
  });

  it("gives a target of zero no amber band unless a tolerance is set", () => {
    expect(statusOf(0, { value: 0 }, "low")).toBe("green");
    expect(statusOf(0.1, { value: 0 }, "low")).toBe("red");
    expect(statusOf(0.1, { value: 0, tolerance: 1 }, "low")).toBe("amber");
  });

  it("says why there is no status", () => {
    expect(ragStatus({ value: 12 }, { value: 10 }, "none")).toEqual({
      status: null,
      reason: "No status: the indicator has no good direction (polarity none).",
      target: { value: 10 },
      tolerance: 0.5,
      basis: null,
    });
    expect(ragStatus({ value: 12 }, null, "high")).toMatchObject({
      status: null,
      reason: "No status: no target is set.",
      target: null,
      tolerance: null,
    });
    expect(ragStatus({ value: 12 }, undefined, "low").reason).toBe("No status: no target is set.");
    expect(ragStatus({ value: null }, { value: 10 }, "low")).toMatchObject({
      status: null,
      reason: "No status: there is no value.",
    });
  });

  it("rejects non-finite numbers", () => {
    expect(() => ragStatus({ value: Number.NaN }, { value: 1 }, "high")).toThrow(CoreError);
  });
});

describe("ragStatus, confidence-aware", () => {
  const aware = (value: number, lower: number, upper: number, target: Target, polarity: "high" | "low") =>
    ragStatus({ value, lower, upper }, target, polarity, { confidenceAware: true });

  it("is green only when the whole interval clears the target", () => {
    expect(aware(65, 61, 70, { value: 60 }, "high")).toMatchObject({ status: "green", basis: "interval" });
    expect(aware(62, 55, 65, { value: 60 }, "high").status).toBe("amber");
    expect(aware(8, 6, 9.9, { value: 10 }, "low").status).toBe("green");
    expect(aware(8, 6, 10.2, { value: 10 }, "low").status).toBe("amber");
  });

  it("is red only when the whole interval is beyond the amber band", () => {
    expect(aware(53, 50, 56.9, { value: 60 }, "high").status).toBe("red");
    expect(aware(54, 50, 58, { value: 60 }, "high").status).toBe("amber");
    expect(aware(14, 11, 16, { value: 10 }, "low").status).toBe("red");
  });

  it("handles ranges, including an interval wider than the whole amber band", () => {
    expect(aware(85, 81, 89, { range: [80, 90] }, "high").status).toBe("green");
    expect(aware(85, 70, 95, { range: [80, 90] }, "high").status).toBe("amber");
    expect(aware(68, 60, 75, { range: [80, 90] }, "high").status).toBe("red");
    expect(aware(98, 95, 99, { range: [80, 90] }, "low").status).toBe("red");
  });

  it("falls back to the point value when there is no interval, and says so", () => {
    const result = ragStatus({ value: 62, lower: null, upper: null }, { value: 60 }, "high", {
      confidenceAware: true,
    });
    expect(result.status).toBe("green");
    expect(result.basis).toBe("point");
    expect(result.reason).toBe(
      "Confidence-aware status asked for, but the value has no interval: judged on the point value.",
    );
  });
});

describe("ragStatus properties", () => {
  const finite = fc.double({ min: -1000, max: 1000, noNaN: true });
  const tolerance = fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined });
  const valueTarget = fc
    .tuple(finite, tolerance)
    .map(([value, tol]): Target => (tol === undefined ? { value } : { value, tolerance: tol }));

  it("never gets worse as the value moves in the good direction", () => {
    fc.assert(
      fc.property(
        valueTarget,
        finite,
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.constantFrom("high" as const, "low" as const),
        (target, value, step, polarity) => {
          const better = polarity === "high" ? value + step : value - step;
          const before = statusOf(value, target, polarity);
          const after = statusOf(better, target, polarity);
          expect(before).not.toBeNull();
          expect(rank[after!]).toBeGreaterThanOrEqual(rank[before!]);
        },
      ),
    );
  });

  it("never gets worse as the interval moves in the good direction", () => {
    fc.assert(
      fc.property(
        valueTarget,
        finite,
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.constantFrom("high" as const, "low" as const),
        (target, value, halfWidth, step, polarity) => {
          const shift = polarity === "high" ? step : -step;
          const run = (centre: number) =>
            ragStatus(
              { value: centre, lower: centre - halfWidth, upper: centre + halfWidth },
              target,
              polarity,
              {
                confidenceAware: true,
              },
            ).status!;
          expect(rank[run(value + shift)]).toBeGreaterThanOrEqual(rank[run(value)]);
        },
      ),
    );
  });

  it("never gets worse as the value moves towards a target range", () => {
    fc.assert(
      fc.property(
        finite,
        fc.double({ min: 0, max: 100, noNaN: true }),
        finite,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (low, width, value, fraction) => {
          const target: Target = { range: [low, low + width] };
          const nearest = Math.min(Math.max(value, low), low + width);
          const closer = value + (nearest - value) * fraction;
          expect(rank[statusOf(closer, target, "high")!]).toBeGreaterThanOrEqual(
            rank[statusOf(value, target, "high")!],
          );
        },
      ),
    );
  });
});
