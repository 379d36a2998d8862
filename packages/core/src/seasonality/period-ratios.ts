import type { Estimate } from "../values/units.js";

/** How a year's annual value is formed: the mean of a count's periods, or a pooled proportion or rate. */
export type SeasonalKind = "count" | "proportion" | "rate";

/**
 * Ratio of each period (quarter or month) of one financial year to the year's annual value, or `null`
 * when the year cannot be used: a period without a value (counts) or without a numerator and a
 * positive denominator (proportions and rates), or an annual value of 0. The annual value of a count is
 * the mean of its periods; of a proportion or rate the pooled Σnumerators / Σdenominators (the display
 * multiplier cancels in the ratio).
 */
export function periodRatios(periods: readonly (Estimate | null)[], kind: SeasonalKind): number[] | null {
  if (kind === "count") {
    const values: number[] = [];
    for (const p of periods) {
      if (p === null || p.value === null || !Number.isFinite(p.value)) return null;
      values.push(p.value);
    }
    const annual = values.reduce((a, b) => a + b, 0) / values.length;
    if (annual <= 0) return null;
    return values.map((v) => v / annual);
  }
  let sumN = 0;
  let sumD = 0;
  const ratios: number[] = [];
  for (const p of periods) {
    if (p === null || p.numerator === null || p.denominator === null || !(p.denominator > 0)) return null;
    sumN += p.numerator;
    sumD += p.denominator;
    ratios.push(p.numerator / p.denominator);
  }
  if (!(sumN > 0)) return null;
  const pooled = sumN / sumD;
  return ratios.map((r) => r / pooled);
}
