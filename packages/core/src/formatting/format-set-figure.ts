import type { Unit } from "../values/units.js";
import { formatQuantity } from "./format-quantity.js";
import { roundHalfAwayFromZero } from "./round.js";

/**
 * A set figure (a target, a benchmark) in words with no more decimals than it needs, up to the
 * indicator's own: `60%` rather than `60.0%`, but `53.7%` as it is.
 *
 * @param value - the figure on the display scale
 * @param unit - the indicator's unit
 * @param decimals - the indicator's display decimals (the most shown)
 * @returns the text
 * @example
 * ```ts
 * formatSetFigure(60, "percent", 1); // "60%"
 * formatSetFigure(53.7, "percent", 2); // "53.7%"
 * formatSetFigure(45, "rate_per_10k", 1); // "45 per 10,000"
 * ```
 */
export function formatSetFigure(value: number, unit: Unit, decimals: number): string {
  const full = roundHalfAwayFromZero(value, decimals);
  let k = 0;
  while (k < decimals && roundHalfAwayFromZero(value, k) !== full) k += 1;
  return formatQuantity(value, unit, k);
}
