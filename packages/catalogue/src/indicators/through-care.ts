import type { ClaEpisodeRecord } from "../datasets/schemas.js";
import type { DateRange, EvaluationContext } from "../evaluate/evaluation-context.js";
import {
  cohortFormula,
  dueOnTime,
  flowDistinctChildren,
  openPerChildAt,
  stockChildrenProportion,
  stockDistinctChildren,
  stockProportion,
} from "../evaluate/formula-shapes.js";
import { type CareLeaving, careLeavingsIn, LEGAL_ORDERS, PERMANENCE_REASONS } from "../evaluate/leavers.js";
import { currentPlacementStart, placementsInYearTo } from "../evaluate/placements.js";
import { createTally } from "../evaluate/tally.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";
import { POPULATION } from "./population-need.js";

const LOOKED_AFTER = "no children were looked after";
const LEFT = "no children left care";
const EPISODE_BREAKDOWNS = ["legal_status", "placement_type"];
const FOSTER = new Set(["U1", "U2", "U3", "U4", "U5", "U6"]);
const ADOPTION = new Set(["E11", "E12"]);

/** The cohort of the leaver measures: the window's children leaving care, each by their last exit. */
const LEAVERS = {
  dataset: "cla_episodes",
  reads: [{ dataset: "cla_episodes", days: "window" }],
  members: careLeavingsIn,
  recordOf: (l: CareLeaving) => l.episode,
} as const;

/** A share of all the window's children leaving care. */
const LEAVER_SHARE = { ...LEAVERS, measure: "proportion", empty: LEFT } as const;

const isLegalOrder = (l: CareLeaving) => LEGAL_ORDERS.has(l.episode.legal_status);
const isPermanence = (l: CareLeaving) =>
  l.episode.reason_ceased !== null && PERMANENCE_REASONS.has(l.episode.reason_ceased);
/** Whether a period of care ended before the same day `months` calendar months after it started. */
const endedWithin = (ctx: EvaluationContext, l: CareLeaving, months: number) =>
  l.period.end !== null && l.period.end < ctx.addMonths(l.period.start, months);

/** Children looked after at D, each once (by their latest-started open episode). */
const lookedAfterCount = stockDistinctChildren("cla_episodes", LOOKED_AFTER);

/** What every age-based measure reads besides its records: the children's dates of birth. */
const BIRTH_DATES = { dataset: "children", days: "whole" } as const;

/** Whether a looked-after child had 3 or more placements in the 12 months to D. */
function hasThreePlacements(episode: ClaEpisodeRecord, ctx: EvaluationContext, range: DateRange): boolean {
  const spanStart = ctx.addMonths(range.end, -12);
  let placements = 0;
  for (const p of ctx.periodsOfCare().byChild.get(episode.child_id) ?? [])
    placements += placementsInYearTo(p.episodes, range.end, spanStart);
  return placements >= 3;
}

/** Through Care: children looked after, entries, leavers, permanence, stability and statutory activity. */
export const throughCareIndicators: readonly CatalogueIndicator[] = [
  {
    definition: {
      id: "cla.count",
      title: "Children looked after",
      section: "through_care",
      unit: "count",
      polarity: "none",
      kind: "stock",
      definition:
        "Children with an open care episode at the end of the period (short breaks, V3 and V4, excluded).",
      numerator: "children looked after at period end",
      sources: ["cla_episodes"],
      breakdowns: EPISODE_BREAKDOWNS,
    },
    formula: lookedAfterCount,
  },
  {
    definition: {
      id: "cla.rate_per_10k",
      title: "Children looked after per 10,000",
      section: "through_care",
      unit: "rate_per_10k",
      polarity: "none",
      kind: "stock",
      definition: "Children looked after at the end of the period per 10,000 children aged 0–17.",
      numerator: "children looked after at period end",
      denominator: "children aged 0–17 (mid-year estimate)",
      sources: ["cla_episodes", "populations"],
      breakdowns: [],
    },
    formula: { ...lookedAfterCount, measure: "rate", reads: [...lookedAfterCount.reads, POPULATION] },
  },
  {
    definition: {
      id: "cla.starts",
      title: "Children starting to be looked after",
      section: "through_care",
      unit: "count",
      polarity: "none",
      kind: "flow",
      definition:
        "Distinct children with an episode starting in the period whose reason for a new episode is S (started to be looked after); a child counts once, on the first start.",
      numerator: "children starting to be looked after",
      sources: ["cla_episodes"],
      breakdowns: EPISODE_BREAKDOWNS,
    },
    formula: flowDistinctChildren(
      "cla_episodes",
      "start_date",
      "no children started to be looked after",
      (e) => e.reason_new_episode === "S",
    ),
  },
  {
    definition: {
      id: "cla.leavers",
      title: "Children leaving care",
      section: "through_care",
      unit: "count",
      polarity: "none",
      kind: "flow",
      definition:
        "Distinct children with an episode ending in the period with a reason other than X1; a child counts once, on the last exit, whose attributes the leaver measures use.",
      numerator: "children leaving care",
      sources: ["cla_episodes"],
      breakdowns: ["legal_status", "reason_ceased", "placement_type"],
    },
    formula: cohortFormula({ ...LEAVERS, measure: "count", empty: LEFT }),
  },
  {
    definition: {
      id: "cla.s20_pct",
      title: "Looked-after children accommodated under S20",
      section: "through_care",
      unit: "percent",
      polarity: "low",
      kind: "stock",
      definition:
        "Children looked after at the end of the period whose open episode has legal status V2 (section 20), as a share of children looked after.",
      numerator: "children looked after under section 20",
      denominator: "children looked after",
      sources: ["cla_episodes"],
      breakdowns: [],
    },
    formula: stockChildrenProportion("cla_episodes", LOOKED_AFTER, (e) => e.legal_status === "V2"),
  },
  {
    definition: {
      id: "cla.leavers_s20_pct",
      title: "Leavers who were accommodated under S20",
      section: "through_care",
      unit: "percent",
      polarity: "none",
      kind: "flow",
      definition:
        "Children leaving care in the period whose last legal status was V2 (section 20), as a share of children leaving care.",
      numerator: "leavers whose last legal status is V2",
      denominator: "children leaving care",
      sources: ["cla_episodes"],
      breakdowns: [],
    },
    formula: cohortFormula({ ...LEAVER_SHARE, inNumerator: (l) => l.episode.legal_status === "V2" }),
  },
  {
    definition: {
      id: "cla.leavers_legal_order",
      title: "Leavers who were subject to a legal order",
      section: "through_care",
      unit: "count",
      polarity: "none",
      kind: "flow",
      definition:
        "Children leaving care in the period whose last legal status was a legal order (C1, C2, D1, E1).",
      numerator: "leavers whose last legal status is C1, C2, D1 or E1",
      sources: ["cla_episodes"],
      breakdowns: ["legal_status", "reason_ceased"],
    },
    formula: cohortFormula({ ...LEAVERS, measure: "count", empty: LEFT, inDenominator: isLegalOrder }),
  },
  {
    definition: {
      id: "cla.permanency_pct",
      title: "Legal-order leavers achieving permanency",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Legal-order leavers whose care ended in adoption (E11, E12), a child arrangements order (E41) or a special guardianship order (E43–E48), as a share of legal-order leavers.",
      numerator: "legal-order leavers ending E11, E12, E41 or E43–E48",
      denominator: "legal-order leavers",
      sources: ["cla_episodes"],
      breakdowns: [],
    },
    formula: cohortFormula({
      ...LEAVERS,
      measure: "proportion",
      empty: "no children subject to a legal order left care",
      inDenominator: isLegalOrder,
      inNumerator: isPermanence,
    }),
  },
  {
    definition: {
      id: "cla.permanency_24m_pct",
      title: "Permanency within 24 months of entering care",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Of the legal-order leavers achieving permanency, those whose period of care ended before the same day 24 months after it started (also shown: within 12 months).",
      numerator: "permanency leavers whose period of care lasted less than 24 months",
      denominator: "legal-order leavers achieving permanency",
      sources: ["cla_episodes"],
      breakdowns: [],
    },
    formula: {
      measure: "proportion",
      dataset: "cla_episodes",
      // A period of care ending in the window that lasted under 24 months started after the 24 months
      // before the window began; one that started earlier shows an earlier start either way.
      reads: [{ dataset: "cla_episodes", days: "window", monthsBefore: 24 }],
      empty: "no children subject to a legal order left care through permanency",
      compute(ctx, range, by) {
        const tally = createTally(by);
        let within12 = 0;
        for (const l of careLeavingsIn(ctx, range)) {
          if (!isLegalOrder(l) || !isPermanence(l)) continue;
          tally.add(l.episode, endedWithin(ctx, l, 24) ? 1 : 0);
          if (endedWithin(ctx, l, 12)) within12 += 1;
        }
        const n = tally.total.denominator;
        return {
          tally,
          extras: { within_12_months: within12, within_12_months_pct: n === 0 ? null : (100 * within12) / n },
        };
      },
    },
  },
  {
    definition: {
      id: "cla.leavers_16_plus_pct",
      title: "Leavers aged 16 or over",
      section: "through_care",
      unit: "percent",
      polarity: "none",
      kind: "flow",
      definition:
        "Children leaving care in the period who were 16 or over on the day they left, as a share of children leaving care (children without a date of birth left out).",
      numerator: "leavers aged 16 or over on leaving",
      denominator: "children leaving care with a known date of birth",
      sources: ["cla_episodes", "children"],
      breakdowns: [],
    },
    formula: {
      measure: "proportion",
      dataset: "cla_episodes",
      reads: [{ dataset: "cla_episodes", days: "window" }, BIRTH_DATES],
      empty: LEFT,
      compute(ctx, range, by) {
        const tally = createTally(by);
        let leftOut = 0;
        for (const l of careLeavingsIn(ctx, range)) {
          const dob = ctx.dateOfBirth(l.childId);
          if (dob === null || l.period.end === null) {
            leftOut += 1;
            continue;
          }
          tally.add(l.episode, ctx.ageOn(dob, l.period.end) >= 16 ? 1 : 0);
        }
        return { tally, leftOutNoBirthDate: leftOut };
      },
    },
  },
  {
    definition: {
      id: "cla.adopted_pct",
      title: "Leavers adopted",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Children leaving care in the period through adoption (E11, E12), as a share of children leaving care.",
      numerator: "leavers ending E11 or E12",
      denominator: "children leaving care",
      sources: ["cla_episodes"],
      breakdowns: [],
    },
    formula: cohortFormula({
      ...LEAVER_SHARE,
      inNumerator: (l) => ADOPTION.has(l.episode.reason_ceased ?? ""),
    }),
  },
  {
    definition: {
      id: "cla.placements_3plus_pct",
      title: "Looked-after children with 3 or more placements in the last 12 months",
      shortTitle: "children with 3 or more placements",
      section: "through_care",
      unit: "percent",
      polarity: "low",
      kind: "stock",
      definition:
        "Children looked after at the end of the period with 3 or more placements in the 12 months to it (a placement: an episode starting in that span with reason S, P, B, T or U, or the episode open at its start), as a share of children looked after.",
      numerator: "children looked after with 3 or more placements in the 12 months to period end",
      denominator: "children looked after",
      sources: ["cla_episodes"],
      breakdowns: [],
    },
    formula: {
      ...stockChildrenProportion("cla_episodes", LOOKED_AFTER, hasThreePlacements),
      reads: [{ dataset: "cla_episodes", days: "day", monthsBefore: 12 }],
    },
  },
  {
    definition: {
      id: "cla.long_term_stability_pct",
      title: "Long-term placement stability",
      shortTitle: "long-term placement stability",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "stock",
      definition:
        "Children under 16 at the end of the period who have been looked after for 30 months or more, whose current placement (episodes joined only by legal-status changes) began at least 24 months before, as a share of children under 16 looked after for 30 months or more.",
      numerator: "children under 16 in care 30+ months in the same placement for 24+ months",
      denominator: "children under 16 in care for 30+ months",
      sources: ["cla_episodes", "children"],
      breakdowns: [],
    },
    formula: {
      measure: "proportion",
      dataset: "cla_episodes",
      // Every child open at D whose period of care began 30 months or more before it shows a start that
      // old, once the days after the latest such start are loaded.
      reads: [{ dataset: "cla_episodes", days: "day", monthsBefore: 30, reckon: "age" }, BIRTH_DATES],
      empty: "no children under 16 had been looked after for 30 months or more",
      compute(ctx, range, by) {
        const tally = createTally(by);
        const d = range.end;
        const periods = ctx.periodsOfCare();
        let leftOut = 0;
        for (const [child, e] of openPerChildAt(ctx, "cla_episodes", d)) {
          const period = periods.periodOf(e);
          if (period === undefined || d < ctx.addMonths(period.start, 30)) continue;
          const dob = ctx.dateOfBirth(child);
          if (dob === null) {
            leftOut += 1;
            continue;
          }
          if (ctx.ageOn(dob, d) >= 16) continue;
          tally.add(e, d >= ctx.addMonths(currentPlacementStart(period.episodes, e), 24) ? 1 : 0);
        }
        return { tally, leftOutNoBirthDate: leftOut };
      },
    },
  },
  {
    definition: {
      id: "cla.internal_foster_pct",
      title: "Foster placements with the authority's own carers",
      shortTitle: "foster placements with our own carers",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "stock",
      definition:
        "Open foster placements (U1–U6) provided by the authority itself (PR1), as a share of open foster placements.",
      numerator: "open foster episodes with provider PR1",
      denominator: "open foster episodes",
      sources: ["cla_episodes"],
      breakdowns: ["placement_type"],
    },
    formula: stockProportion(
      "cla_episodes",
      "no children were in foster placements",
      (e) => FOSTER.has(e.placement_type),
      (e) => e.placement_provider === "PR1",
    ),
  },
  {
    definition: {
      id: "cla.avg_weekly_cost",
      title: "Average weekly cost of a placement",
      shortTitle: "the average weekly cost of a placement",
      section: "through_care",
      unit: "gbp",
      polarity: "low",
      kind: "stock",
      definition:
        "Mean weekly cost of the placements open at the end of the period that have a cost recorded.",
      numerator: "total weekly cost of open placements with a cost",
      denominator: "open placements with a cost",
      sources: ["cla_episodes"],
      breakdowns: ["placement_type"],
    },
    formula: {
      measure: "ratio",
      dataset: "cla_episodes",
      reads: [{ dataset: "cla_episodes", days: "day" }],
      empty: "no open placement had a weekly cost recorded",
      compute(ctx, range, by) {
        const tally = createTally(by);
        for (const e of ctx.openAt("cla_episodes", range.end))
          if (e.weekly_cost !== null) tally.add(e, e.weekly_cost, 1);
        return { tally };
      },
    },
  },
  {
    definition: {
      id: "cla.health_assessment_timely_pct",
      title: "Health assessments on time",
      theme: "timeliness",
      shortTitle: "health assessments",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Health assessments due in the period that were completed on or before the due date, as a share of those due.",
      numerator: "health assessments completed by the due date",
      denominator: "health assessments due",
      sources: ["due_activities"],
      breakdowns: [],
    },
    formula: dueOnTime("health_assessment", "no health assessments were due"),
  },
  {
    definition: {
      id: "cla.review_timely_pct",
      title: "Looked-after reviews on time",
      theme: "timeliness",
      shortTitle: "looked-after reviews",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Looked-after reviews due in the period that were held on or before the due date, as a share of those due.",
      numerator: "reviews completed by the due date",
      denominator: "reviews due",
      sources: ["due_activities"],
      breakdowns: [],
    },
    formula: dueOnTime("cla_review", "no looked-after reviews were due"),
  },
  {
    definition: {
      id: "cla.visit_timely_pct",
      title: "Statutory visits on time",
      theme: "timeliness",
      shortTitle: "statutory visits",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Statutory visits to looked-after children due in the period that were made on or before the due date, as a share of those due.",
      numerator: "visits made by the due date",
      denominator: "visits due",
      sources: ["due_activities"],
      breakdowns: [],
    },
    formula: dueOnTime("cla_visit", "no statutory visits were due"),
  },
];
