import type { IsoDate } from "@kpi/core";
import type { ReferralRecord } from "../datasets/schemas.js";
import type { EvaluationContext } from "../evaluate/evaluation-context.js";
import type { Formula } from "../evaluate/formula.js";
import { cohortFormula, flowProportion, stockDistinctChildren } from "../evaluate/formula-shapes.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";
import { POPULATION } from "./population-need.js";

const ON_PLAN = "no children were on a child in need plan";

/** Shared by the count and the rate per 10,000, so each date is computed once. */
const onCinPlan = stockDistinctChildren("cin_plans", ON_PLAN);

/**
 * Episodes of need open at the end of day D as the DfE counts them: the referral on or before D, not
 * closed or closed after D, and not a referral with no further action.
 */
function episodesOpenAt(ctx: EvaluationContext, date: IsoDate): readonly ReferralRecord[] {
  return ctx.memo(`cinEpisodesOpen:${date}`, () => {
    const index = ctx.index("referrals", "referral_date");
    const first = index.first;
    if (first === null || first > date) return [];
    return index
      .between(first, date)
      .filter((r) => !r.nfa && (r.closure_date === null || r.closure_date > date));
  });
}

const openEpisodes = cohortFormula({
  measure: "count",
  dataset: "referrals",
  // Episodes open at D: the referrals a return covering D lists (a census lists every episode open in its year).
  reads: [{ dataset: "referrals", days: "day" }],
  empty: "no episodes of need were open",
  members: (ctx, range) => episodesOpenAt(ctx, range.end),
});

/**
 * Shared by the DfE count and its rate per 10,000. Referrals posted without their episodes of need (a
 * front-door extract: no primary need, no closure) cannot say which episodes are still open, so the
 * figure has no value until some referral records its episode, as every CIN census's `<CINdetails>` do.
 */
const inNeedDfe: Formula = {
  ...openEpisodes,
  compute(ctx, range, by) {
    const result = openEpisodes.compute(ctx, range, by);
    const episodes = ctx.memo("referralsRecordingEpisodes", () =>
      ctx
        .records("referrals")
        .some((r) => r.closure_date !== null || r.closure_reason !== null || r.primary_need !== null),
    );
    if (episodes) return result;
    return {
      ...result,
      noValue:
        "No value: no referral records its episode of need (a primary need or a closure, as the CIN census's CINdetails do), so open episodes cannot be told from closed ones.",
    };
  },
};

export const childrenInNeedIndicators: readonly CatalogueIndicator[] = [
  {
    definition: {
      id: "cin.count",
      title: "Children in need (on a CIN plan)",
      section: "cin",
      unit: "count",
      polarity: "none",
      kind: "stock",
      definition:
        "Distinct children with a child in need plan open at the end of the period (the report's usage: CIN plans only, not the DfE's wider children in need).",
      numerator: "children on a CIN plan at period end",
      sources: ["cin_plans"],
      breakdowns: [],
      dfeComparable: false,
    },
    formula: onCinPlan,
  },
  {
    definition: {
      id: "cin.rate_per_10k",
      title: "Children in need per 10,000",
      section: "cin",
      unit: "rate_per_10k",
      polarity: "none",
      kind: "stock",
      definition: "Children on a child in need plan at the end of the period per 10,000 children aged 0–17.",
      numerator: "children on a CIN plan at period end",
      denominator: "children aged 0–17 (mid-year estimate)",
      sources: ["cin_plans", "populations"],
      breakdowns: [],
      dfeComparable: false,
    },
    formula: { ...onCinPlan, measure: "rate", reads: [...onCinPlan.reads, POPULATION] },
  },
  {
    definition: {
      id: "cin.stepped_up_pct",
      title: "CIN plans ending in child protection or care",
      section: "cin",
      unit: "percent",
      polarity: "none",
      kind: "flow",
      definition:
        "Child in need plans ended in the period because the child stepped up to child protection or became looked after, as a share of plans ended; by end reason, each reason's share of plans ended.",
      numerator: "plans ended with reason stepped_up_cp or became_looked_after",
      denominator: "CIN plans ended",
      sources: ["cin_plans"],
      breakdowns: ["end_reason"],
    },
    formula: {
      ...flowProportion(
        "cin_plans",
        "end_date",
        "no child in need plans ended",
        () => true,
        (p) => p.end_reason === "stepped_up_cp" || p.end_reason === "became_looked_after",
      ),
      groupShare: true,
    },
  },
  {
    definition: {
      id: "cin.dfe_count",
      title: "Children in need (DfE definition)",
      section: "cin",
      unit: "count",
      polarity: "none",
      kind: "stock",
      definition:
        "Episodes of need open at the end of the period: referred on or before it, not closed or closed after it, leaving out referrals with no further action — the DfE's \"children in need at 31 March\" (which counts episodes) at a year end, from the CIN census's CINdetails. Wider than the CIN-plan measure: it includes children on child protection plans, looked-after children and those still being assessed.",
      numerator: "episodes of need open at period end",
      sources: ["referrals"],
      breakdowns: ["primary_need", "source"],
    },
    formula: inNeedDfe,
  },
  {
    definition: {
      id: "cin.dfe_rate_per_10k",
      title: "Children in need per 10,000 (DfE definition)",
      section: "cin",
      unit: "rate_per_10k",
      polarity: "none",
      kind: "stock",
      definition:
        "Episodes of need open at the end of the period (as in the DfE's children in need at 31 March) per 10,000 children aged 0–17.",
      numerator: "episodes of need open at period end",
      denominator: "children aged 0–17 (mid-year estimate)",
      sources: ["referrals", "populations"],
      breakdowns: [],
    },
    formula: { ...inNeedDfe, measure: "rate", reads: [...inNeedDfe.reads, POPULATION] },
  },
];
