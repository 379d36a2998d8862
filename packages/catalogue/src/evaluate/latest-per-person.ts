import { addDays, addMonths, type IsoDate } from "@kpi/core";
import type { DatedIndex } from "./dated-index.js";

/**
 * The latest record of each person in the months up to D, the span `(addMonths(D, −months), D]`:
 * care leavers use 12 months (one record per young person, the latest wins), workforce snapshots 3.
 * Ties on the same date keep the record that comes last in the index.
 *
 * @param index - the records, indexed by their `as_at_date`
 * @param personOf - reads the person's id (`child_id`, `worker_id`)
 * @param date - D
 * @param months - length of the span in calendar months
 * @returns one record per person, in no particular order
 * @example
 * ```ts
 * const rows = [
 *   { id: "A", as_at: "2019-03-31", status: "NEET" },
 *   { id: "A", as_at: "2019-09-01", status: "EET" },
 *   { id: "B", as_at: "2018-06-30", status: "EET" },
 * ];
 * const index = createDatedIndex(rows, (r) => r.as_at);
 * latestPerPerson(index, (r) => r.id, "2019-09-30", 12).map((r) => r.status); // ["EET"]
 * ```
 */
export function latestPerPerson<T>(
  index: DatedIndex<T>,
  personOf: (record: T) => string,
  date: IsoDate,
  months: number,
): T[] {
  // (addMonths(D, −months), D]: the first day of the span is the day after.
  const inSpan = index.between(addDays(addMonths(date, -months), 1), date);
  const latest = new Map<string, T>();
  for (let i = 0; i < inSpan.length; i++) {
    const r = inSpan[i] as T;
    latest.set(personOf(r), r);
  }
  return [...latest.values()];
}
