import { describe, expect, it } from "vitest";
import { CoreError } from "../errors/core-error.js";
import type { Estimate } from "../values/units.js";
import { monthlyIndices } from "./monthly-indices.js";

const share = (n: number, d = 100): Estimate => ({
  value: (100 * n) / d,
  numerator: n,
  denominator: d,
  lower: null,
  upper: null,
  method: "wilson",
  confidence: 0.95,
  note: null,
});
const count = (n: number): Estimate => ({
  ...share(n),
  numerator: n,
  denominator: null,
  value: n,
  method: "byar",
});

describe("monthlyIndices", () => {
  it("pools a proportion's year and averages each month's ratio over the 3 latest usable years", () => {
    // Each year 90 of 100 every month but July and August (80 of 100): pooled 1,060/1,200 = 0.88333…,
    // so July's ratio is 0.8 / 0.88333 = 0.90566 and April's 0.9 / 0.88333 = 1.01887.
    const months = [90, 90, 90, 80, 80, 90, 90, 90, 90, 90, 90, 90].map((n) => share(n));
    const r = monthlyIndices(
      [2015, 2016, 2017, 2018].map((fyStartYear) => ({ fyStartYear, months })),
      "proportion",
    );
    expect(r.yearsUsed).toEqual([2016, 2017, 2018]);
    expect(r.indices?.[3]).toBeCloseTo(0.8 / (1060 / 1200), 12);
    expect(r.indices?.[0]).toBeCloseTo(0.9 / (1060 / 1200), 12);
  });

  it("uses the mean of a count's months, skips incomplete years and says when too few are left", () => {
    // 2018: 12 each month but 24 in July: mean 13, July 24/13; 2017 the same; 2016 flat 10.
    const peak = Array.from({ length: 12 }, (_, m) => count(m === 3 ? 24 : 12));
    const flat = Array.from({ length: 12 }, () => count(10));
    const gap = [...flat.slice(0, 11), null];
    const r = monthlyIndices(
      [
        { fyStartYear: 2018, months: peak },
        { fyStartYear: 2017, months: peak },
        { fyStartYear: 2016, months: flat },
        { fyStartYear: 2015, months: gap },
      ],
      "count",
    );
    expect(r.indices?.[3]).toBeCloseTo((24 / 13 + 24 / 13 + 1) / 3, 12);
    const short = monthlyIndices(
      [
        { fyStartYear: 2015, months: gap },
        { fyStartYear: 2018, months: peak },
      ],
      "count",
    );
    expect(short).toEqual({
      indices: null,
      yearsUsed: [2018],
      reason: "1 complete financial years of monthly figures, and 3 are needed.",
    });
  });

  it("refuses a year without 12 months", () => {
    expect(() => monthlyIndices([{ fyStartYear: 2018, months: [count(1)] }], "count")).toThrow(CoreError);
  });
});
