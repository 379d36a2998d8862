import { flowProportion, stockDistinctChildren } from "../evaluate/formula-shapes.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";
import { POPULATION } from "./population-need.js";

const ON_PLAN = "no children were on a child in need plan";

/** Shared by the count and the rate per 10,000, so each date is computed once. */
const onCinPlan = stockDistinctChildren("cin_plans", ON_PLAN);

/** Children in Need: the CIN plan population and how plans end. */
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
];
