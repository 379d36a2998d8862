import { recordKey } from "../datasets/record-key.js";
import type { CpPlanRecord } from "../datasets/schemas.js";
import type { DataQualityCheck, DataQualityFinding } from "./finding.js";
import { isOpenAt } from "./open-at.js";

/**
 * Children with more than one child protection plan open at `asAt`: a child has one plan at a time,
 * so the child is counted twice. One `error` finding per child, listing the plans.
 *
 * @param records - the records (uses `cp_plans`)
 * @param options - `asAt`
 * @returns the findings
 * @example
 * ```ts
 * multipleOpenCpPlans({ cp_plans: [openPlanA, openPlanB] }, { asAt: "2019-09-30" }).length; // 1
 * ```
 */
export const multipleOpenCpPlans: DataQualityCheck = (records, options) => {
  const { asAt } = options;
  const open = new Map<string, CpPlanRecord[]>();
  for (const p of records.cp_plans ?? []) {
    if (!isOpenAt(p.start_date, p.end_date, asAt)) continue;
    const list = open.get(p.child_id) ?? [];
    list.push(p);
    open.set(p.child_id, list);
  }
  const findings: DataQualityFinding[] = [];
  for (const plans of open.values()) {
    if (plans.length < 2) continue;
    findings.push({
      check: "multiple_open_cp_plans",
      severity: "error",
      dataset: "cp_plans",
      keys: plans.map((p) => recordKey("cp_plans", p)),
      message:
        `${plans.length} child protection plans of one child are open at ${asAt} ` +
        `(started ${plans.map((p) => p.start_date).join(", ")}). Record the end date of the plans that have ended ` +
        "in the source system, or remove the duplicate.",
    });
  }
  return findings;
};
