import { addMonths, type IsoDate } from "@kpi/core";
import { keyFromValues } from "../datasets/record-key.js";
import type { DataQualityFinding } from "./finding.js";
import { isOpenAt } from "./open-at.js";

/**
 * Plans of one kind open at `asAt` for longer than a number of years (the start more than that many
 * years before `asAt`, by calendar months): often a plan that ended in practice but whose end was never
 * recorded. Shared by the CP-plan and CIN-plan checks.
 *
 * @param dataset - `cp_plans` or `cin_plans`
 * @param plans - the plans
 * @param asAt - the date looked at
 * @param years - the threshold in years
 * @returns one `warning` finding per plan
 * @example
 * ```ts
 * longOpenPlans("cp_plans", [plan], "2019-09-30", 2);
 * ```
 */
export function longOpenPlans(
  dataset: "cp_plans" | "cin_plans",
  plans: readonly { plan_id: string; start_date: IsoDate; end_date: IsoDate | null }[],
  asAt: IsoDate,
  years: number,
): DataQualityFinding[] {
  const what = dataset === "cp_plans" ? "child protection plan" : "child in need plan";
  const findings: DataQualityFinding[] = [];
  for (const plan of plans) {
    if (!isOpenAt(plan.start_date, plan.end_date, asAt)) continue;
    if (asAt <= addMonths(plan.start_date, 12 * years)) continue;
    findings.push({
      check: dataset === "cp_plans" ? "long_open_cp_plan" : "long_open_cin_plan",
      severity: "warning",
      dataset,
      keys: [keyFromValues(dataset, plan)],
      message:
        `A ${what} has been open since ${plan.start_date}, more than ${years} years at ${asAt}. ` +
        "If it has ended, record the end date in the source system; otherwise confirm it is still active.",
    });
  }
  return findings;
}
