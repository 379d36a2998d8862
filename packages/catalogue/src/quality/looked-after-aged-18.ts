import { ageOn } from "@kpi/core";
import { recordKey } from "../datasets/record-key.js";
import type { DataQualityCheck, DataQualityFinding } from "./finding.js";
import { isOpenAt } from "./open-at.js";

/**
 * Care episodes open at `asAt` for a child aged 18 or over on that day: a young person stops being
 * looked after at 18, so the episode should have ended (for example `E17`, staying put). Children with
 * no known date of birth are left to the date-of-birth checks.
 *
 * @param records - the records (uses `cla_episodes`, `children`)
 * @param options - `asAt`
 * @returns one `error` finding per episode
 * @example
 * ```ts
 * lookedAfterAged18({ children: [bornIn2000], cla_episodes: [openEpisode] }, { asAt: "2019-09-30" }).length; // 1
 * ```
 */
export const lookedAfterAged18: DataQualityCheck = (records, options) => {
  const { asAt } = options;
  const birth = new Map<string, string>();
  for (const c of records.children ?? [])
    if (c.date_of_birth !== null) birth.set(c.child_id, c.date_of_birth);
  const findings: DataQualityFinding[] = [];
  for (const e of records.cla_episodes ?? []) {
    if (!isOpenAt(e.start_date, e.end_date, asAt)) continue;
    const dob = birth.get(e.child_id);
    if (dob === undefined || ageOn(dob, asAt) < 18) continue;
    findings.push({
      check: "looked_after_aged_18",
      severity: "error",
      dataset: "cla_episodes",
      keys: [recordKey("cla_episodes", e)],
      message:
        `A care episode (from ${e.start_date}) is still open at ${asAt} although the young person is 18 or over. ` +
        "Record the episode's end date and reason ceased (e.g. E17 staying put) in the source system, " +
        "or correct the date of birth.",
    });
  }
  return findings;
};
