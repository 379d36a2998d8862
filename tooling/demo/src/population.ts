import type { PopulationRecord } from "@kpi/catalogue";
import type { DemoCalendar } from "./calendar.js";
import { POPULATION_BASE } from "./story.js";

/**
 * Children aged 0–17 in the demo authority by mid-year estimate: about 120,000, slowly growing.
 *
 * @param year - the estimate's year (a financial year `2019-20` uses 2019)
 * @param scale - volume multiplier
 * @returns the count
 * @example
 * ```ts
 * demoPopulation(2016, 1); // 118420
 * ```
 */
export function demoPopulation(year: number, scale: number): number {
  const growth = (1 + POPULATION_BASE.growthPerYear) ** (year - POPULATION_BASE.year);
  return Math.round(POPULATION_BASE.count * growth * scale);
}

/**
 * The `populations` records: one mid-year estimate of children aged 0–17 per year the span touches.
 *
 * @param calendar - the demo calendar
 * @param scale - volume multiplier
 * @returns the records
 * @example
 * ```ts
 * generatePopulations(new DemoCalendar("FY2016-17", "FY2019-20-Q2"), 1).map((r) => r.year);
 * // [2016, 2017, 2018, 2019]
 * ```
 */
export function generatePopulations(calendar: DemoCalendar, scale: number): PopulationRecord[] {
  const out: PopulationRecord[] = [];
  const from = calendar.fyStartOf(calendar.first);
  const to = calendar.fyStartOf(calendar.last);
  for (let year = from; year <= to; year++)
    out.push({ year, age_band: "0-17", count: demoPopulation(year, scale) });
  return out;
}
