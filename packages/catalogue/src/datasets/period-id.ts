import { parsePeriod } from "@kpi/core";

/**
 * Whether a value is a period id the aggregate datasets accept: a financial year `FY2019-20`, a
 * quarter `FY2019-20-Q2` or a month `2019-08`, parsed strictly by `@kpi/core`'s `parsePeriod` (the
 * second year of a financial year must follow the first).
 *
 * @param value - any value
 * @returns true for a valid period id
 * @example
 * ```ts
 * isPeriodId("FY2019-20-Q2"); // true
 * isPeriodId("FY2019-21"); // false
 * isPeriodId("2019-13"); // false
 * ```
 */
export function isPeriodId(value: unknown): value is string {
  return typeof value === "string" && parsePeriod(value).ok;
}
