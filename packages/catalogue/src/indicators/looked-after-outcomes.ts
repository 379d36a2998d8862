import { addWorkingDays, daysBetween } from "@kpi/core";
import type { DataNeed } from "../coverage/data-need.js";
import type { ClaEpisodeRecord, ClaOutcomeRecord } from "../datasets/schemas.js";
import type { DateRange, EvaluationContext } from "../evaluate/evaluation-context.js";
import type { Formula } from "../evaluate/formula.js";
import { cohortFormula, openPerChildAt } from "../evaluate/formula-shapes.js";
import { careLeavingsIn } from "../evaluate/leavers.js";
import type { PeriodOfCare } from "../evaluate/periods-of-care.js";
import { createTally } from "../evaluate/tally.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";

const ADOPTED = new Set(["E11", "E12"]);
const PLACED_FOR_ADOPTION = new Set(["A3", "A4", "A5", "A6"]);
const LOOKED_AFTER = "no children were looked after";
/** What an age-based share reads besides its records: the children's dates of birth. */
const BIRTH_DATES = { dataset: "children", days: "whole" } as const;

/** One review due under the statutory schedule, and whether a review was held by its due date. */
interface ReviewDue {
  readonly due: string;
  readonly onTime: boolean;
  readonly period: PeriodOfCare;
}

/**
 * The reviews due in one period of care under the statutory schedule (Care Planning Regulations 2010,
 * reg. 33): the first within 20 working days of entering care, the second within 3 months of the
 * first, then every 6 months; each due date counts from the review actually held before it. A due date
 * falls only while the child is still looked after; after the last review held, the next due stays
 * unmet.
 */
function reviewDues(
  ctx: EvaluationContext,
  period: PeriodOfCare,
  reviews: readonly { review_date: string }[],
): ReviewDue[] {
  const out: ReviewDue[] = [];
  const stillInCare = (d: string) => period.end === null || d <= period.end;
  let due = addWorkingDays(period.start, 20, ctx.settings.workingDays);
  let held = 0;
  for (const r of reviews) {
    if (r.review_date < period.start || !stillInCare(r.review_date)) continue;
    if (!stillInCare(due)) return out;
    out.push({ due, onTime: r.review_date <= due, period });
    held += 1;
    due = ctx.addMonths(r.review_date, held === 1 ? 3 : 6);
  }
  if (stillInCare(due)) out.push({ due, onTime: false, period });
  return out;
}

function allReviewDues(ctx: EvaluationContext): readonly ReviewDue[] {
  return ctx.memo("review-dues", () => {
    const reviews = ctx.perChild("cla_reviews", "review_date");
    const out: ReviewDue[] = [];
    for (const p of ctx.periodsOfCare().all) out.push(...reviewDues(ctx, p, reviews.get(p.childId) ?? []));
    return out;
  });
}

/** The latest OC2 record of each child dated in the window (OC2 describes 31 March). */
function outcomesIn(ctx: EvaluationContext, range: DateRange): readonly ClaOutcomeRecord[] {
  const latest = new Map<string, ClaOutcomeRecord>();
  // Oldest first, so a later record of the same child replaces an earlier one.
  for (const o of ctx.flow("cla_outcomes", "as_at_date", range)) latest.set(o.child_id, o);
  return [...latest.values()];
}

/** An OC2 share: of the window's OC2 children (aged `ages` at 31 March, when given), those the test holds for. */
function outcomeShare(
  empty: string,
  inNumerator: (o: ClaOutcomeRecord) => boolean,
  ages?: { min: number; max: number },
  inDenominator: (o: ClaOutcomeRecord) => boolean = () => true,
): Formula {
  return cohortFormula({
    measure: "proportion",
    dataset: "cla_outcomes",
    reads:
      ages === undefined
        ? [{ dataset: "cla_outcomes", days: "window" }]
        : [{ dataset: "cla_outcomes", days: "window" }, BIRTH_DATES],
    empty,
    members: outcomesIn,
    inDenominator: (o, ctx) => {
      if (!inDenominator(o)) return false;
      if (ages === undefined) return true;
      const dob = ctx.dateOfBirth(o.child_id);
      if (dob === null) return false;
      const age = ctx.ageOn(dob, o.as_at_date);
      return age >= ages.min && age <= ages.max;
    },
    inNumerator: (o) => inNumerator(o),
  });
}

const SDQ_AGES = { min: 5, max: 16 };

/** Children adopted in the window with the number of days from a start date to an end date. */
function adoptionDays(
  empty: string,
  alsoReads: readonly DataNeed[],
  span: (
    ctx: EvaluationContext,
    adopted: { period: PeriodOfCare; childId: string },
  ) => { from: string; to: string } | null,
): Formula {
  return {
    measure: "ratio",
    dataset: "cla_episodes",
    // The children who left care by adoption in the window.
    reads: [{ dataset: "cla_episodes", days: "window" }, ...alsoReads],
    empty,
    compute(ctx, range, by) {
      const tally = createTally(by);
      for (const l of careLeavingsIn(ctx, range)) {
        if (!ADOPTED.has(l.episode.reason_ceased ?? "")) continue;
        const s = span(ctx, l);
        if (s === null || s.to < s.from) continue;
        tally.add(l.episode, daysBetween(s.from, s.to), 1);
      }
      return { tally };
    },
  };
}

/** The date a period of care's first placement for adoption (A3–A6) began, or `null`. */
function placedForAdoption(period: PeriodOfCare): string | null {
  return (
    period.episodes.find((e: ClaEpisodeRecord) => PLACED_FOR_ADOPTION.has(e.placement_type))?.start_date ??
    null
  );
}

/** Whether a child is an unaccompanied asylum-seeking child on a date (903 UASC, DUC after it). */
function isUascOn(ctx: EvaluationContext, child: string, date: string): boolean {
  const uasc = ctx.memo("uasc-by-child", () => new Map(ctx.records("uasc").map((u) => [u.child_id, u])));
  const u = uasc.get(child);
  return u !== undefined && (u.ceased_date === null || u.ceased_date > date);
}

/**
 * Measures that need the 903's own tables: looked-after reviews on time under the statutory schedule,
 * the OC2 outcomes of children looked after for 12 months, adoption timeliness, and unaccompanied
 * asylum-seeking children among those looked after.
 */
export const lookedAfterOutcomeIndicators: readonly CatalogueIndicator[] = [
  {
    definition: {
      id: "cla.reviews_on_time_903_pct",
      title: "Looked-after reviews on time (statutory schedule)",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Reviews due in the period under the statutory schedule — the first within 20 working days of entering care, the second within 3 months of the first, then every 6 months from the review held — that were held on or before the due date, as a share of those due while the child was looked after.",
      numerator: "reviews held by their due date",
      denominator: "reviews due (903 reviews and episodes)",
      sources: ["cla_reviews", "cla_episodes"],
      breakdowns: [],
    },
    formula: {
      measure: "proportion",
      dataset: "cla_reviews",
      // A review due in the window counts from the review held before it, at most 6 months earlier.
      reads: [
        { dataset: "cla_reviews", days: "window", monthsBefore: 6 },
        { dataset: "cla_episodes", days: "window", monthsBefore: 6 },
      ],
      empty: "no looked-after reviews were due",
      compute(ctx, range, by) {
        const tally = createTally(by);
        for (const d of allReviewDues(ctx))
          if (d.due >= range.start && d.due <= range.end) tally.add(d.period.last, d.onTime ? 1 : 0);
        return { tally };
      },
    },
  },
  {
    definition: {
      id: "cla.oc2_health_check_pct",
      title: "Health assessments up to date (children looked after 12 months)",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Children looked after for at least 12 months at 31 March (903 OC2) whose health assessment was up to date, as a share of them.",
      numerator: "children with a health assessment up to date",
      denominator: "children looked after for 12 months at 31 March",
      sources: ["cla_outcomes"],
      breakdowns: [],
    },
    formula: outcomeShare("no child had been looked after for 12 months", (o) => o.health_check === true),
  },
  {
    definition: {
      id: "cla.oc2_teeth_check_pct",
      title: "Dental checks up to date (children looked after 12 months)",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Children looked after for at least 12 months at 31 March (903 OC2) whose teeth were checked by a dentist in the year, as a share of them.",
      numerator: "children with a dental check",
      denominator: "children looked after for 12 months at 31 March",
      sources: ["cla_outcomes"],
      breakdowns: [],
    },
    formula: outcomeShare("no child had been looked after for 12 months", (o) => o.teeth_check === true),
  },
  {
    definition: {
      id: "cla.oc2_immunisations_pct",
      title: "Immunisations up to date (children looked after 12 months)",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Children looked after for at least 12 months at 31 March (903 OC2) whose immunisations were up to date, as a share of them.",
      numerator: "children with immunisations up to date",
      denominator: "children looked after for 12 months at 31 March",
      sources: ["cla_outcomes"],
      breakdowns: [],
    },
    formula: outcomeShare("no child had been looked after for 12 months", (o) => o.immunisations === true),
  },
  {
    definition: {
      id: "cla.oc2_sdq_recorded_pct",
      title: "Children aged 5–16 with an SDQ score (looked after 12 months)",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Children aged 5 to 16 at 31 March looked after for at least 12 months (903 OC2) with a strengths and difficulties questionnaire score, as a share of them (children without a date of birth left out).",
      numerator: "children aged 5–16 with an SDQ score",
      denominator: "children aged 5–16 looked after for 12 months at 31 March",
      sources: ["cla_outcomes", "children"],
      breakdowns: [],
    },
    formula: outcomeShare(
      "no child aged 5–16 had been looked after for 12 months",
      (o) => o.sdq_score !== null,
      SDQ_AGES,
    ),
  },
  {
    definition: {
      id: "cla.oc2_sdq_average",
      title: "Average SDQ score (children aged 5–16 looked after 12 months)",
      section: "through_care",
      unit: "number",
      polarity: "low",
      kind: "flow",
      decimals: 1,
      definition:
        "Mean strengths and difficulties questionnaire score (0–40; 14 to 16 borderline, 17 or more a cause for concern) of children aged 5 to 16 at 31 March looked after for at least 12 months (903 OC2) who have a score.",
      numerator: "total of the SDQ scores",
      denominator: "children aged 5–16 with a score",
      sources: ["cla_outcomes", "children"],
      breakdowns: [],
    },
    formula: {
      measure: "ratio",
      dataset: "cla_outcomes",
      reads: [{ dataset: "cla_outcomes", days: "window" }, BIRTH_DATES],
      empty: "no child aged 5–16 looked after for 12 months had an SDQ score",
      compute(ctx, range, by) {
        const tally = createTally(by);
        for (const o of outcomesIn(ctx, range)) {
          if (o.sdq_score === null) continue;
          const dob = ctx.dateOfBirth(o.child_id);
          if (dob === null) continue;
          const age = ctx.ageOn(dob, o.as_at_date);
          if (age >= SDQ_AGES.min && age <= SDQ_AGES.max) tally.add(o, o.sdq_score, 1);
        }
        return { tally };
      },
    },
  },
  {
    definition: {
      id: "cla.oc2_substance_misuse_pct",
      title: "Substance misuse identified (children looked after 12 months)",
      section: "through_care",
      unit: "percent",
      polarity: "low",
      kind: "flow",
      definition:
        "Children looked after for at least 12 months at 31 March (903 OC2) identified as having a substance misuse problem in the year, as a share of them.",
      numerator: "children with a substance misuse problem",
      denominator: "children looked after for 12 months at 31 March",
      sources: ["cla_outcomes"],
      breakdowns: [],
    },
    formula: outcomeShare("no child had been looked after for 12 months", (o) => o.substance_misuse === true),
  },
  {
    definition: {
      id: "cla.oc2_convicted_pct",
      title: "Convicted or cautioned (children aged 10+ looked after 12 months)",
      section: "through_care",
      unit: "percent",
      polarity: "low",
      kind: "flow",
      definition:
        "Children aged 10 to 17 at 31 March looked after for at least 12 months (903 OC2) convicted, or subject to a youth caution or conditional caution, in the year, as a share of them (children without a date of birth left out).",
      numerator: "children aged 10–17 convicted or cautioned",
      denominator: "children aged 10–17 looked after for 12 months at 31 March",
      sources: ["cla_outcomes", "children"],
      breakdowns: [],
    },
    formula: outcomeShare(
      "no child aged 10–17 had been looked after for 12 months",
      (o) => o.convicted === true,
      { min: 10, max: 17 },
    ),
  },
  {
    definition: {
      id: "cla.adoption_days_to_placement",
      title: "Average days from entering care to moving in with the adoptive family",
      section: "through_care",
      unit: "number",
      polarity: "low",
      kind: "flow",
      decimals: 0,
      definition:
        "For children adopted in the period (left care with E11 or E12), the mean number of days from the start of their period of care to the start of their first placement for adoption (A3–A6) in it; children with no such placement are left out.",
      numerator: "total days from entering care to the placement for adoption",
      denominator: "children adopted with a placement for adoption",
      sources: ["cla_episodes"],
      breakdowns: [],
    },
    formula: adoptionDays("no children were adopted", [], (_ctx, l) => {
      const placed = placedForAdoption(l.period);
      return placed === null ? null : { from: l.period.start, to: placed };
    }),
  },
  {
    definition: {
      id: "cla.adoption_days_order_to_match",
      title: "Average days from placement order to match with adopters",
      section: "through_care",
      unit: "number",
      polarity: "low",
      kind: "flow",
      decimals: 0,
      definition:
        "For children adopted in the period (left care with E11 or E12) with a 903 AD1 record, the mean number of days from the placement order (the first episode of the period with legal status E1) to the date they were matched with their adopters (DATE_MATCH).",
      numerator: "total days from placement order to match",
      denominator: "children adopted with a placement order and a match date",
      sources: ["cla_episodes", "adoptions"],
      breakdowns: [],
    },
    formula: adoptionDays(
      "no children were adopted",
      [{ dataset: "adoptions", days: "window" }],
      (ctx, l) => {
        const order = l.period.episodes.find((e) => e.legal_status === "E1")?.start_date;
        if (order === undefined) return null;
        const matches = ctx
          .records("adoptions")
          .filter((a) => a.child_id === l.childId && a.match_date >= order)
          .map((a) => a.match_date)
          .sort();
        const match = matches[0];
        return match === undefined ? null : { from: order, to: match };
      },
    ),
  },
  {
    definition: {
      id: "cla.uasc_count",
      title: "Unaccompanied asylum-seeking children looked after",
      section: "through_care",
      unit: "count",
      polarity: "none",
      kind: "stock",
      definition:
        "Children looked after at the end of the period who were unaccompanied asylum-seeking children then (903 UASC, their status not yet ceased).",
      numerator: "UASC looked after at period end",
      sources: ["cla_episodes", "uasc"],
      breakdowns: ["legal_status", "placement_type"],
    },
    formula: cohortFormula({
      measure: "count",
      dataset: "cla_episodes",
      reads: [
        { dataset: "cla_episodes", days: "day" },
        { dataset: "uasc", days: "whole" },
      ],
      empty: LOOKED_AFTER,
      members: (ctx, range) => openPerChildAt(ctx, "cla_episodes", range.end).values(),
      inDenominator: (e, ctx, range) => isUascOn(ctx, e.child_id, range.end),
    }),
  },
  {
    definition: {
      id: "cla.uasc_pct",
      title: "Share of looked-after children who are unaccompanied asylum seekers",
      section: "through_care",
      unit: "percent",
      polarity: "none",
      kind: "stock",
      definition:
        "Children looked after at the end of the period who were unaccompanied asylum-seeking children then (903 UASC), as a share of children looked after.",
      numerator: "UASC looked after at period end",
      denominator: "children looked after",
      sources: ["cla_episodes", "uasc"],
      breakdowns: [],
    },
    formula: cohortFormula({
      measure: "proportion",
      dataset: "cla_episodes",
      reads: [
        { dataset: "cla_episodes", days: "day" },
        { dataset: "uasc", days: "whole" },
      ],
      empty: LOOKED_AFTER,
      members: (ctx, range) => openPerChildAt(ctx, "cla_episodes", range.end).values(),
      inNumerator: (e, ctx, range) => isUascOn(ctx, e.child_id, range.end),
    }),
  },
];
