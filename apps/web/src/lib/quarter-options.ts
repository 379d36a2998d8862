import { parsePeriod, periodLabel, shiftPeriod } from "@kpi/core";

/** One choice of the quarter selector. */
export interface QuarterOption {
  /** The quarter id, e.g. `FY2019-20-Q2`. */
  id: string;
  /** How people read it, e.g. `Q2 2019-20`. */
  label: string;
}

/**
 * The quarters a person can pick: the latest with data and the `count − 1` before it, newest first.
 *
 * @param latest - the latest quarter with data
 * @param count - how many quarters to offer
 * @returns the options, newest first
 * @example
 * ```ts
 * quarterOptions("FY2019-20-Q2", 3).map((o) => o.id); // ["FY2019-20-Q2", "FY2019-20-Q1", "FY2018-19-Q4"]
 * ```
 */
export function quarterOptions(latest: string, count: number): QuarterOption[] {
  const out: QuarterOption[] = [];
  for (let i = 0; i < count; i++) {
    const id = shiftPeriod(latest, -i);
    out.push({ id, label: periodLabel(id) });
  }
  return out;
}

/**
 * Picks the quarter to show from a URL parameter: a valid quarter id no later than the latest with
 * data, otherwise the latest.
 *
 * @param requested - the `period` search parameter, if any
 * @param latest - the latest quarter with data
 * @returns the quarter id to show
 * @example
 * ```ts
 * chooseQuarter("FY2018-19-Q4", "FY2019-20-Q2"); // "FY2018-19-Q4"
 * chooseQuarter("2019-08", "FY2019-20-Q2"); // "FY2019-20-Q2"
 * ```
 */
export function chooseQuarter(requested: string | undefined, latest: string): string {
  if (requested === undefined) return latest;
  const parsed = parsePeriod(requested);
  if (!parsed.ok || parsed.period.kind !== "quarter") return latest;
  return parsed.period.id <= latest ? parsed.period.id : latest;
}
