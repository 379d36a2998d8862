import type { Unit } from "../values/units.js";

/** A change in a percentage is material from this many percentage points (decision 151). */
export const MATERIAL_PERCENTAGE_POINTS = 3;
/** A change in anything else (counts, rates, money, ratios) is material from this share of the earlier figure. */
export const MATERIAL_RELATIVE_CHANGE = 0.1;
/**
 * A material change whose significance test gives a p-value at or above this is within chance
 * variation and does not count: the change is smaller than about one standard error (p = 0.3173 for
 * |z| = 1). Small numbers move a lot by chance.
 */
export const CHANCE_P_VALUE = 0.3173;

/**
 * Whether a change is large enough to matter to a manager whatever its significance (decision 151): at
 * least {@link MATERIAL_PERCENTAGE_POINTS} percentage points for a percentage, at least
 * {@link MATERIAL_RELATIVE_CHANGE} (10%) of the earlier figure for anything else. A change from 0 is
 * material when it is not 0.
 *
 * @param change - current − baseline on the display scale
 * @param baseline - the earlier figure on the display scale
 * @param unit - the indicator's unit
 * @returns `true` when the change is material
 * @example
 * ```ts
 * isMaterialChange(78.88 - 84.42, 84.42, "percent"); // true (−5.5 percentage points)
 * isMaterialChange(87.87 - 89.13, 89.13, "percent"); // false
 * isMaterialChange(35 - 58, 58, "count"); // true (−40%)
 * isMaterialChange(1005 - 1017, 1017, "gbp"); // false (−1.2%)
 * ```
 */
export function isMaterialChange(change: number, baseline: number, unit: Unit): boolean {
  if (unit === "percent") return Math.abs(change) >= MATERIAL_PERCENTAGE_POINTS - 1e-9;
  if (baseline === 0) return change !== 0;
  return Math.abs(change) >= MATERIAL_RELATIVE_CHANGE * Math.abs(baseline) - 1e-9;
}
