import { CoreError } from "../errors/core-error.js";
import type { Unit } from "../values/units.js";
import { roundHalfAwayFromZero } from "./round.js";

/** What is shown where there is no value: an en dash. */
export const NO_VALUE_TEXT = "–";

/** The minus sign (U+2212) used for negative figures, rather than a hyphen. */
export const MINUS_SIGN = "−";

const groupers = new Map<number, Intl.NumberFormat>();

/** Digits of a non-negative, already rounded number with en-GB thousands separators. */
function groupedDigits(magnitude: number, decimals: number): string {
  let formatter = groupers.get(decimals);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat("en-GB", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    groupers.set(decimals, formatter);
  }
  return formatter.format(magnitude);
}

/** Rounds for display and splits into a sign flag and grouped digits. */
function roundedParts(value: number, decimals: number, what: string): { rounded: number; digits: string } {
  if (!Number.isFinite(value)) {
    throw new CoreError("invalid_argument", `${what} must be a finite number, got ${value}`);
  }
  const rounded = roundHalfAwayFromZero(value, decimals);
  return { rounded, digits: groupedDigits(Math.abs(rounded), decimals) };
}

/**
 * Formats an unrounded value for display in a table: rounded half away from zero to `decimals`,
 * en-GB thousands separators, `%` for percentages and `£` for money. Rates and per-FTE figures are
 * plain numbers (the column heading carries the unit). Negative values take a minus sign (−).
 *
 * @param value - the unrounded value on the display scale (percent 0–100), or `null`
 * @param unit - the indicator's unit
 * @param decimals - display decimals (see `displayDecimals`)
 * @returns the text to show; `–` (en dash) when `value` is `null`
 * @throws CoreError `invalid_argument` for a non-finite value or bad `decimals`
 * @example
 * ```ts
 * formatValue(47.45856, "percent", 2); // "47.46%"
 * formatValue(1810, "count", 0); // "1,810"
 * formatValue(1234.4, "gbp", 0); // "£1,234"
 * formatValue(null, "percent", 1); // "–"
 * ```
 */
export function formatValue(value: number | null, unit: Unit, decimals: number): string {
  if (value === null) return NO_VALUE_TEXT;
  const { rounded, digits } = roundedParts(value, decimals, "value");
  const sign = rounded < 0 ? MINUS_SIGN : "";
  switch (unit) {
    case "percent":
      return `${sign}${digits}%`;
    case "gbp":
      return `${sign}£${digits}`;
    default:
      return `${sign}${digits}`;
  }
}

/** Sign of a rounded change: `+` above zero, `−` below, nothing at zero. */
function changeSign(rounded: number): string {
  if (rounded > 0) return "+";
  if (rounded < 0) return MINUS_SIGN;
  return "";
}

/**
 * Formats a change (current − baseline, display-scale units) in words for sentences: always signed
 * (+ or −, no sign when it rounds to zero); percentage changes are "percentage points", rates
 * "per 10,000", per-FTE figures "per FTE", money in pounds.
 *
 * @param change - the unrounded change, or `null`
 * @param unit - the indicator's unit
 * @param decimals - display decimals
 * @returns e.g. `+2.4 percentage points`; `–` when `change` is `null`
 * @throws CoreError `invalid_argument` for a non-finite change or bad `decimals`
 * @example
 * ```ts
 * formatChange(2.36, "percent", 1); // "+2.4 percentage points"
 * formatChange(-3, "count", 0); // "−3"
 * formatChange(2, "rate_per_10k", 1); // "+2.0 per 10,000"
 * ```
 */
export function formatChange(change: number | null, unit: Unit, decimals: number): string {
  if (change === null) return NO_VALUE_TEXT;
  const { rounded, digits } = roundedParts(change, decimals, "change");
  const sign = changeSign(rounded);
  switch (unit) {
    case "percent":
      return `${sign}${digits} percentage ${digits === "1" ? "point" : "points"}`;
    case "rate_per_10k":
      return `${sign}${digits} per 10,000`;
    case "per_fte":
      return `${sign}${digits} per FTE`;
    case "gbp":
      return `${sign}£${digits}`;
    default:
      return `${sign}${digits}`;
  }
}

/**
 * Formats a change for tables and charts: signed, percentage points written `pp`, money with `£`,
 * other units as plain signed numbers.
 *
 * @param change - the unrounded change, or `null`
 * @param unit - the indicator's unit
 * @param decimals - display decimals
 * @returns e.g. `+2.4pp`; `–` when `change` is `null`
 * @throws CoreError `invalid_argument` for a non-finite change or bad `decimals`
 * @example
 * ```ts
 * formatChangeShort(2.36, "percent", 1); // "+2.4pp"
 * formatChangeShort(-1250, "count", 0); // "−1,250"
 * ```
 */
export function formatChangeShort(change: number | null, unit: Unit, decimals: number): string {
  if (change === null) return NO_VALUE_TEXT;
  const { rounded, digits } = roundedParts(change, decimals, "change");
  const sign = changeSign(rounded);
  switch (unit) {
    case "percent":
      return `${sign}${digits}pp`;
    case "gbp":
      return `${sign}£${digits}`;
    default:
      return `${sign}${digits}`;
  }
}
