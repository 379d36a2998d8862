import type { IsoDate } from "@kpi/core";
import type { CpPlanRecord } from "../datasets/schemas.js";
import type { EvaluationContext } from "../evaluate/evaluation-context.js";
import type { Formula } from "../evaluate/formula.js";
import {
  cohortFormula,
  dueOnTime,
  flowCount,
  flowProportion,
  flowWithinWorkingDays,
  latestOpenPerChild,
  type MemberTest,
  stockDistinctChildren,
  stockProportion,
} from "../evaluate/formula-shapes.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";
import { POPULATION } from "./population-need.js";

const STARTED = "no child protection plans started";
const ENDED = "no child protection plans ended";
const SUBJECT = "no children were subject to a child protection plan";

/** The child's plans that started before this one, latest start last. */
function earlierPlans(ctx: EvaluationContext, plan: CpPlanRecord): CpPlanRecord[] {
  const all = ctx.perChild("cp_plans", "start_date").get(plan.child_id) ?? [];
  return all.filter((p) => p !== plan && p.start_date < plan.start_date);
}

/** Whether a plan is a second or subsequent plan: `previous_plans` when given, else the data. */
const isRepeat = (plan: CpPlanRecord, ctx: EvaluationContext): boolean =>
  ctx.flag("cpRepeat", plan, (p) =>
    p.previous_plans !== null ? p.previous_plans > 0 : earlierPlans(ctx, p).length > 0,
  );

/** Whether a plan started within 2 years of the end of the child's previous plan in the data. */
const isRepeatWithin2Years = (plan: CpPlanRecord, ctx: EvaluationContext): boolean =>
  ctx.flag("cpRepeat2y", plan, (p) => {
    if (p.previous_plans === 0) return false;
    const previous = earlierPlans(ctx, p).at(-1);
    if (previous === undefined || previous.end_date === null || previous.end_date > p.start_date)
      return false;
    return p.start_date <= ctx.addMonths(previous.end_date, 24);
  });

/** Of the plans ended in the window, the share whose duration passes the test. */
const plansEnded = (lasted: MemberTest<CpPlanRecord>): Formula =>
  flowProportion("cp_plans", "end_date", ENDED, (p) => p.end_date !== null, lasted);

/**
 * Whether a plan's reviews up to D kept to the statutory timescale: the first within 3 months of the
 * plan's start (the initial conference), each later one within 6 months of the one before, and none
 * overdue at D. Reviews on or before the start are not reviews of this plan (CIN census rule 8841).
 */
function reviewedInTime(ctx: EvaluationContext, plan: CpPlanRecord, date: IsoDate): boolean {
  const reviews = ctx.perChild("cp_reviews", "review_date").get(plan.child_id) ?? [];
  let due = ctx.addMonths(plan.start_date, 3);
  for (const r of reviews) {
    if (r.plan_id !== plan.plan_id || r.review_date <= plan.start_date) continue;
    if (r.review_date > date) break;
    if (r.review_date > due) return false;
    due = ctx.addMonths(r.review_date, 6);
  }
  return due >= date;
}

const timelyReviews = cohortFormula({
  measure: "proportion",
  dataset: "cp_plans",
  // Plans open at D, and the reviews of the 6 months to D (a review is due at most 6 months after the last).
  reads: [
    { dataset: "cp_plans", days: "day" },
    { dataset: "cp_reviews", days: "day", monthsBefore: 6 },
  ],
  empty: "no children had been on a child protection plan for 3 months",
  members: (ctx, range) => {
    const onFor3Months = ctx.addMonths(range.end, -3);
    return latestOpenPerChild(
      ctx.openAt("cp_plans", range.end),
      (p) => p.start_date <= onFor3Months,
    ).values();
  },
  inNumerator: (p, ctx, range) => reviewedInTime(ctx, p, range.end),
});

/** {@link reviewedInTime} over the children on a plan for 3 months; no value without any review dates. */
const reviewedInTimeFormula: Formula = {
  ...timelyReviews,
  compute(ctx, range, by) {
    const result = timelyReviews.compute(ctx, range, by);
    if (ctx.records("cp_reviews").length > 0) return result;
    return {
      ...result,
      noValue:
        "No value: no child protection review dates are loaded (the cp_reviews dataset, from the CIN census's CPPreviewDate).",
    };
  },
};

/** Shared by the count and the rate per 10,000, so each date is computed once. */
const subjectToPlan = stockDistinctChildren("cp_plans", SUBJECT);

/** Child Protection: plans, conferences, repeats and durations. */
export const childProtectionIndicators: readonly CatalogueIndicator[] = [
  {
    definition: {
      id: "cp.count",
      title: "Children subject to a child protection plan",
      section: "cp",
      unit: "count",
      polarity: "none",
      kind: "stock",
      definition: "Distinct children with a child protection plan open at the end of the period.",
      numerator: "children subject to a plan at period end",
      sources: ["cp_plans"],
      breakdowns: ["latest_category"],
    },
    formula: subjectToPlan,
  },
  {
    definition: {
      id: "cp.rate_per_10k",
      title: "Children subject to a CP plan per 10,000",
      section: "cp",
      unit: "rate_per_10k",
      polarity: "none",
      kind: "stock",
      definition:
        "Children subject to a child protection plan at the end of the period per 10,000 children aged 0–17.",
      numerator: "children subject to a plan at period end",
      denominator: "children aged 0–17 (mid-year estimate)",
      sources: ["cp_plans", "populations"],
      breakdowns: [],
    },
    formula: { ...subjectToPlan, measure: "rate", reads: [...subjectToPlan.reads, POPULATION] },
  },
  {
    definition: {
      id: "cp.starts",
      title: "Child protection plans started",
      section: "cp",
      unit: "count",
      polarity: "none",
      kind: "flow",
      definition: "Child protection plans that started in the period.",
      numerator: "plans started",
      sources: ["cp_plans"],
      breakdowns: ["initial_category", "latest_category"],
    },
    formula: flowCount("cp_plans", "start_date", STARTED),
  },
  {
    definition: {
      id: "cp.icpc_plan_pct",
      title: "ICPCs resulting in a child protection plan",
      section: "cp",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Initial child protection conferences held in the period that resulted in a plan, as a share of conferences held.",
      numerator: "ICPCs resulting in a plan",
      denominator: "ICPCs held",
      sources: ["s47_enquiries"],
      breakdowns: [],
    },
    formula: flowProportion(
      "s47_enquiries",
      "icpc_date",
      "no initial child protection conferences were held",
      () => true,
      (s) => s.icpc_cp_plan === true,
    ),
  },
  {
    definition: {
      id: "cp.icpc_15wd_pct",
      title: "ICPCs within 15 working days of the strategy discussion",
      theme: "timeliness",
      shortTitle: "ICPCs within 15 working days",
      section: "cp",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Initial child protection conferences held in the period no more than 15 working days after the strategy discussion that started the section 47 enquiry, as a share of conferences held.",
      numerator: "ICPCs held within 15 working days",
      denominator: "ICPCs held",
      sources: ["s47_enquiries"],
      breakdowns: [],
    },
    formula: flowWithinWorkingDays(
      "s47_enquiries",
      "icpc_date",
      "no initial child protection conferences were held",
      { from: "start_date", to: "icpc_date", days: 15 },
    ),
  },
  {
    definition: {
      id: "cp.repeat_pct",
      title: "Plans that are a second or subsequent plan",
      section: "cp",
      unit: "percent",
      polarity: "low",
      kind: "flow",
      definition:
        "Plans started in the period whose child had an earlier plan (the census count of previous plans when given, otherwise earlier plans in the data), as a share of plans started.",
      numerator: "plans started whose child had an earlier plan",
      denominator: "plans started",
      sources: ["cp_plans"],
      breakdowns: ["initial_category"],
    },
    formula: flowProportion("cp_plans", "start_date", STARTED, () => true, isRepeat),
  },
  {
    definition: {
      id: "cp.repeat_2y_pct",
      title: "Repeat plans within 2 years",
      section: "cp",
      unit: "percent",
      polarity: "low",
      kind: "flow",
      definition:
        "Plans started in the period within 2 years of the end of the child's previous plan, as a share of plans started.",
      numerator: "plans starting within 2 years of the end of the child's previous plan",
      denominator: "plans started",
      sources: ["cp_plans"],
      breakdowns: ["initial_category"],
    },
    formula: {
      ...flowProportion("cp_plans", "start_date", STARTED, () => true, isRepeatWithin2Years),
      // A previous plan ending in the 24 months before a plan's start must be loaded.
      reads: [{ dataset: "cp_plans", days: "window", monthsBefore: 24 }],
    },
  },
  {
    definition: {
      id: "cp.ended_3m_pct",
      title: "Plans ended at or before 3 months",
      section: "cp",
      unit: "percent",
      polarity: "low",
      kind: "flow",
      definition:
        "Plans ended in the period that lasted 3 months or less (ended on or before the same day 3 months after they started), as a share of plans ended.",
      numerator: "plans ended lasting 3 months or less",
      denominator: "plans ended",
      sources: ["cp_plans"],
      breakdowns: ["latest_category"],
    },
    formula: plansEnded((p, ctx) => p.end_date !== null && p.end_date <= ctx.addMonths(p.start_date, 3)),
  },
  {
    definition: {
      id: "cp.ended_2y_plus_pct",
      title: "Plans ended that lasted 2 years or more",
      section: "cp",
      unit: "percent",
      polarity: "low",
      kind: "flow",
      definition: "Plans ended in the period that lasted 24 months or more, as a share of plans ended.",
      numerator: "plans ended lasting 24 months or more",
      denominator: "plans ended",
      sources: ["cp_plans"],
      breakdowns: ["latest_category"],
    },
    formula: plansEnded((p, ctx) => p.end_date !== null && p.end_date >= ctx.addMonths(p.start_date, 24)),
  },
  {
    definition: {
      id: "cp.neglect_pct",
      title: "Open plans with neglect as the category",
      section: "cp",
      unit: "percent",
      polarity: "none",
      kind: "stock",
      definition:
        "Plans open at the end of the period whose latest category is neglect (NEG), as a share of open plans; by category, each category's share of open plans.",
      numerator: "open plans with latest category NEG",
      denominator: "open plans",
      sources: ["cp_plans"],
      breakdowns: ["latest_category"],
    },
    formula: {
      ...stockProportion(
        "cp_plans",
        "no child protection plans were open",
        () => true,
        (p) => p.latest_category === "NEG",
      ),
      groupShare: true,
    },
  },
  {
    definition: {
      id: "cp.review_timely_pct",
      title: "CP reviews on time",
      theme: "timeliness",
      shortTitle: "CP reviews",
      section: "cp",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Child protection reviews due in the period that were held on or before the due date, as a share of those due.",
      numerator: "CP reviews completed by the due date",
      denominator: "CP reviews due",
      sources: ["due_activities"],
      breakdowns: [],
    },
    formula: dueOnTime("cp_review", "no child protection reviews were due"),
  },
  {
    definition: {
      id: "cp.visit_timely_pct",
      title: "CP visits on time",
      theme: "timeliness",
      shortTitle: "CP visits",
      section: "cp",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Child protection visits due in the period that were made on or before the due date, as a share of those due.",
      numerator: "CP visits made by the due date",
      denominator: "CP visits due",
      sources: ["due_activities"],
      breakdowns: [],
    },
    formula: dueOnTime("cp_visit", "no child protection visits were due"),
  },
  {
    definition: {
      id: "cp.reviews_in_timescale_pct",
      title: "Children on a CP plan reviewed within timescales (DfE)",
      section: "cp",
      unit: "percent",
      polarity: "high",
      kind: "stock",
      definition:
        "Children subject to a child protection plan at the end of the period who had been on it for at least 3 months, whose reviews kept to the statutory timescale (Working Together: the first review within 3 months of the initial conference, then at intervals of no more than 6 months, none overdue at period end), as a share of those children — the DfE's \"review of child protection cases\" at 31 March, from the CIN census's review dates.",
      numerator: "children whose plan was reviewed within timescales",
      denominator: "children on a plan for at least 3 months at period end",
      sources: ["cp_plans", "cp_reviews"],
      breakdowns: ["latest_category"],
    },
    formula: reviewedInTimeFormula,
  },
];
