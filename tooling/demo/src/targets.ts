import type { Target } from "@kpi/core";

/** One target the demonstration authority sets: the indicator, the financial year and the target. */
export interface DemoTarget {
  /** Indicator id. */
  readonly indicator: string;
  /** Financial year id, e.g. `FY2019-20`. */
  readonly financial_year: string;
  /** The target (the body of `PUT /v1/indicators/{id}/targets/{financial_year}`). */
  readonly target: Target;
}

/** The targets the demo authority works to (the reference report speaks of them), per indicator. */
const TARGETS: Readonly<Record<string, Target>> = {
  // Through Care: statutory timeliness.
  "cla.health_assessment_timely_pct": { value: 90 },
  "cla.review_timely_pct": { value: 95 },
  "cla.visit_timely_pct": { value: 90 },
  "leavers.pathway_plan_timely_pct": { value: 90 },
  // Staffing: "average case loads remain on target … but we still have too many social workers with
  // over the target"; a permanent workforce.
  "wf.avg_caseload": { value: 18 },
  "wf.over_caseload_target": { value: 12, tolerance: 2 },
  "wf.sw_permanent_pct": { value: 85 },
  "wf.agency_pct": { value: 15 },
};

/** The financial years the demo's targets are set for. */
const YEARS = ["FY2018-19", "FY2019-20"];

/**
 * The targets of the demonstration authority, as the portal's analysts would set them: statutory
 * timeliness in care, caseloads and a permanent workforce, for 2018-19 and 2019-20. `npm start` and the
 * browser tests load them through the API with the demo's records (the contacts target of 60% is the
 * catalogue's own default).
 *
 * @returns one entry per indicator and financial year
 * @example
 * ```ts
 * demoTargets().find((t) => t.indicator === "wf.over_caseload_target")?.target; // { value: 12, tolerance: 2 }
 * ```
 */
export function demoTargets(): DemoTarget[] {
  return Object.entries(TARGETS).flatMap(([indicator, target]) =>
    YEARS.map((financial_year) => ({ indicator, financial_year, target: { ...target } })),
  );
}
