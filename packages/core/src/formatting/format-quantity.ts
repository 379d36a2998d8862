import type { Unit } from "../values/units.js";
import { formatValue } from "./format-value.js";

/**
 * Formats a value with its unit in words, for sentences: `47.46%`, `44.0 per 10,000`, `18.2 per FTE`,
 * `£1,234`, `1,810`. Same rounding as {@link formatValue}.
 *
 * @param value - the unrounded value on the display scale, or `null`
 * @param unit - the indicator's unit
 * @param decimals - display decimals
 * @returns the text; `–` (en dash) when `value` is `null`
 * @throws CoreError `invalid_argument` for a non-finite value or bad `decimals`
 * @example
 * ```ts
 * formatQuantity(43.96, "rate_per_10k", 1); // "44.0 per 10,000"
 * formatQuantity(47.45856, "percent", 2); // "47.46%"
 * ```
 */
export function formatQuantity(value: number | null, unit: Unit, decimals: number): string {
  const text = formatValue(value, unit, decimals);
  if (value === null) return text;
  switch (unit) {
    case "rate_per_10k":
      return `${text} per 10,000`;
    case "per_fte":
      return `${text} per FTE`;
    default:
      return text;
  }
}
