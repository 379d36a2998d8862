import { recordKey } from "../datasets/record-key.js";
import type { DataQualityCheck, DataQualityFinding } from "./finding.js";

/**
 * Children with care episodes or care-leaver records whose `date_of_birth` is empty: ages at entry,
 * at leaving care and of care leavers cannot be worked out, so those children drop out of such
 * measures. One `error` finding per child record.
 *
 * @param records - the records (uses `children`, `cla_episodes`, `care_leavers`)
 * @returns the findings
 * @example
 * ```ts
 * missingDateOfBirth({ children: [noDob], cla_episodes: [episode] }, { asAt: "2019-09-30" }).length; // 1
 * ```
 */
export const missingDateOfBirth: DataQualityCheck = (records) => {
  const needed = new Set<string>();
  for (const e of records.cla_episodes ?? []) needed.add(e.child_id);
  for (const l of records.care_leavers ?? []) needed.add(l.child_id);
  const findings: DataQualityFinding[] = [];
  for (const child of records.children ?? []) {
    if (child.date_of_birth !== null || !needed.has(child.child_id)) continue;
    findings.push({
      check: "missing_date_of_birth",
      severity: "error",
      dataset: "children",
      keys: [recordKey("children", child)],
      message:
        "A child with care episodes or care-leaver records has no date of birth, so ages in care and on " +
        "leaving care cannot be worked out. Record the date of birth in the source system and post the child again.",
    });
  }
  return findings;
};
