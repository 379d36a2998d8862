import { parsePeriod } from "@kpi/core";

/** One quarter of the seasonal view: Q1–Q4, with each financial year's value. */
export interface SeasonalRow {
  /** `Q1` … `Q4`. */
  quarter: string;
  /** Financial-year label (`2019-20`) → value, `null` where there is none. */
  values: Record<string, number | null>;
}

/**
 * Rearranges a quarterly series into the seasonal view: one row per quarter of the financial year
 * (Q1–Q4) and one column per financial year, so each year can be drawn as its own line.
 *
 * @param entries - quarterly entries (`period` a quarter id, `value`), any order
 * @returns the financial years, oldest first, and the four rows
 * @example
 * ```ts
 * seasonalRows([{ period: "FY2019-20-Q1", value: 5 }]).years; // ["2019-20"]
 * ```
 */
export function seasonalRows(entries: readonly { period: string; value: number | null }[]): {
  years: string[];
  rows: SeasonalRow[];
} {
  const years = new Set<string>();
  const rows: SeasonalRow[] = [1, 2, 3, 4].map((q) => ({ quarter: `Q${q}`, values: {} }));
  for (const e of entries) {
    const parsed = parsePeriod(e.period);
    if (!parsed.ok || parsed.period.kind !== "quarter" || parsed.period.quarter === null) continue;
    const fy = `${parsed.period.fyStartYear}-${String((parsed.period.fyStartYear + 1) % 100).padStart(2, "0")}`;
    years.add(fy);
    rows[parsed.period.quarter - 1]!.values[fy] = e.value;
  }
  const sorted = [...years].sort();
  for (const row of rows) for (const fy of sorted) row.values[fy] ??= null;
  return { years: sorted, rows };
}
