import type { ContactRecord, ReferralRecord } from "../datasets/schemas.js";
import type { EvaluationContext } from "../evaluate/evaluation-context.js";
import { flowCount, flowProportion, flowWithinWorkingDays } from "../evaluate/formula-shapes.js";
import { createTally } from "../evaluate/tally.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";

const isDecided = (c: ContactRecord) => c.level_of_need !== null && c.decision_date !== null;
const DECIDED = "no contacts were decided";
const CONTACT_BREAKDOWNS = ["source", "team"];
const SCHOOLS = "2A";

/** Whether the child had another referral in the 12 months before this one. */
const isRereferral = (referral: ReferralRecord, ctx: EvaluationContext): boolean =>
  ctx.flag("rereferral", referral, (x) => {
    // "12 months before d" is [addMonths(d, −12), d): earlier referrals only, not the same day.
    const from = ctx.addMonths(x.referral_date, -12);
    return (ctx.perChild("referrals", "referral_date").get(x.child_id) ?? []).some(
      (o) => o !== x && o.referral_date >= from && o.referral_date < x.referral_date,
    );
  });

/** Family Front Door: contacts, referrals and social work assessments. */
export const ffdIndicators: readonly CatalogueIndicator[] = [
  {
    definition: {
      id: "ffd.contacts",
      title: "Contacts received",
      section: "ffd",
      unit: "count",
      polarity: "none",
      kind: "flow",
      definition: "Contacts received in the period (by contact date).",
      numerator: "contacts",
      sources: ["contacts"],
      breakdowns: ["source", "team", "level_of_need"],
    },
    formula: flowCount("contacts", "contact_date", "no contacts were received"),
  },
  {
    definition: {
      id: "ffd.contacts_swa_pct",
      title: "Contacts resulting in the need for a social work assessment",
      section: "ffd",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Decided contacts whose level of need is 4 (a social work assessment is needed), as a share of decided contacts.",
      numerator: "decided contacts at level 4",
      denominator: "decided contacts",
      sources: ["contacts"],
      breakdowns: CONTACT_BREAKDOWNS,
      decimals: 2,
      target: { value: 60 },
    },
    formula: flowProportion("contacts", "contact_date", DECIDED, isDecided, (c) => c.level_of_need === 4),
  },
  {
    definition: {
      id: "ffd.contacts_level_2_1_pct",
      title: "Contacts resulting in level 2 or 1",
      complementOf: "ffd.contacts_level_4_3_pct",
      shortTitle: "contacts at level 2 or 1",
      section: "ffd",
      unit: "percent",
      polarity: "low",
      kind: "flow",
      definition: "Decided contacts at level 1 or 2, as a share of decided contacts.",
      numerator: "decided contacts at level 1 or 2",
      denominator: "decided contacts",
      sources: ["contacts"],
      breakdowns: CONTACT_BREAKDOWNS,
    },
    formula: flowProportion(
      "contacts",
      "contact_date",
      DECIDED,
      isDecided,
      (c) => c.level_of_need === 1 || c.level_of_need === 2,
    ),
  },
  {
    definition: {
      id: "ffd.contacts_level_4_3_pct",
      title: "Contacts at level 4 or 3",
      shortTitle: "contacts at level 4 or 3",
      section: "ffd",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Decided contacts at level 3 or 4, as a share of decided contacts; shown by source (schools, 2A) with the level 4 and level 3 shares beside it.",
      numerator: "decided contacts at level 3 or 4",
      denominator: "decided contacts",
      sources: ["contacts"],
      breakdowns: CONTACT_BREAKDOWNS,
    },
    formula: {
      measure: "proportion",
      dataset: "contacts",
      reads: [{ dataset: "contacts", days: "window" }],
      empty: DECIDED,
      compute(ctx, range, by) {
        const tally = createTally(by);
        let level4 = 0;
        let level3 = 0;
        let schools = 0;
        let schools4 = 0;
        let schools3 = 0;
        for (const c of ctx.flow("contacts", "contact_date", range)) {
          if (!isDecided(c)) continue;
          const l = c.level_of_need;
          tally.add(c, l === 3 || l === 4 ? 1 : 0);
          if (l === 4) level4 += 1;
          if (l === 3) level3 += 1;
          if (c.source === SCHOOLS) {
            schools += 1;
            if (l === 4) schools4 += 1;
            if (l === 3) schools3 += 1;
          }
        }
        const decided = tally.total.denominator;
        const pct = (n: number, d: number) => (d === 0 ? null : (100 * n) / d);
        return {
          tally,
          extras: {
            level_4_pct: pct(level4, decided),
            level_3_pct: pct(level3, decided),
            schools_level_4_3_pct: pct(schools3 + schools4, schools),
            schools_level_4_pct: pct(schools4, schools),
            schools_level_3_pct: pct(schools3, schools),
          },
        };
      },
    },
  },
  {
    definition: {
      id: "ffd.contact_decision_timely_pct",
      title: "Contact decisions within 1 working day",
      theme: "timeliness",
      shortTitle: "contact decisions within 1 working day",
      section: "ffd",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Decided contacts whose decision came no more than 1 working day after the contact, as a share of decided contacts.",
      numerator: "decided contacts decided within 1 working day",
      denominator: "decided contacts",
      sources: ["contacts"],
      breakdowns: CONTACT_BREAKDOWNS,
    },
    formula: flowWithinWorkingDays(
      "contacts",
      "contact_date",
      DECIDED,
      { from: "contact_date", to: "decision_date", days: 1 },
      isDecided,
    ),
  },
  {
    definition: {
      id: "ffd.referrals",
      title: "Referrals",
      section: "ffd",
      unit: "count",
      polarity: "none",
      kind: "flow",
      definition: "Referrals received in the period (by referral date).",
      numerator: "referrals",
      sources: ["referrals"],
      breakdowns: ["source", "team"],
    },
    formula: flowCount("referrals", "referral_date", "no referrals were received"),
  },
  {
    definition: {
      id: "ffd.rereferrals_12m_pct",
      title: "Re-referrals within 12 months",
      section: "ffd",
      unit: "percent",
      polarity: "low",
      kind: "flow",
      definition:
        "Referrals whose child had another referral in the 12 months before (from 12 months before the referral date up to the day before it), as a share of referrals.",
      numerator: "referrals whose child had another referral in the 12 months before",
      denominator: "referrals",
      sources: ["referrals"],
      breakdowns: ["source", "team"],
    },
    formula: {
      ...flowProportion("referrals", "referral_date", "no referrals were received", () => true, isRereferral),
      // Each referral looks at the child's referrals of the 12 months before it.
      reads: [{ dataset: "referrals", days: "window", monthsBefore: 12 }],
    },
  },
  {
    definition: {
      id: "ffd.swa_started",
      title: "Social work assessments started",
      section: "ffd",
      unit: "count",
      polarity: "none",
      kind: "flow",
      definition: "Social work assessments started in the period (by start date).",
      numerator: "assessments started",
      sources: ["assessments"],
      breakdowns: ["team"],
    },
    formula: flowCount("assessments", "start_date", "no assessments were started"),
  },
  {
    definition: {
      id: "ffd.swa_completed",
      title: "Social work assessments completed",
      section: "ffd",
      unit: "count",
      polarity: "none",
      kind: "flow",
      definition: "Social work assessments completed (authorised) in the period.",
      numerator: "assessments authorised",
      sources: ["assessments"],
      breakdowns: ["team", "outcome"],
    },
    formula: flowCount("assessments", "authorised_date", "no assessments were completed"),
  },
  {
    definition: {
      id: "ffd.swa_45wd_pct",
      title: "Assessments completed within 45 working days",
      theme: "timeliness",
      shortTitle: "assessments within 45 working days",
      section: "ffd",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Assessments completed in the period that took 45 working days or fewer from start to authorisation, as a share of assessments completed.",
      numerator: "completed assessments taking 45 working days or fewer",
      denominator: "completed assessments",
      sources: ["assessments"],
      breakdowns: ["team"],
    },
    formula: flowWithinWorkingDays("assessments", "authorised_date", "no assessments were completed", {
      from: "start_date",
      to: "authorised_date",
      days: 45,
    }),
  },
  {
    definition: {
      id: "ffd.swa_continued_pct",
      title: "Assessments resulting in continued social work intervention",
      section: "ffd",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Assessments completed in the period whose outcome is a CIN plan, child protection or care, as a share of assessments completed.",
      numerator: "completed assessments with outcome CIN, CP or CLA",
      denominator: "completed assessments",
      sources: ["assessments"],
      breakdowns: ["team"],
    },
    formula: flowProportion(
      "assessments",
      "authorised_date",
      "no assessments were completed",
      () => true,
      (a) => a.outcome === "CIN" || a.outcome === "CP" || a.outcome === "CLA",
    ),
  },
];
