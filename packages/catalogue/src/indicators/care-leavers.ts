import type { CareLeaverRecord } from "../datasets/schemas.js";
import type { EvaluationContext } from "../evaluate/evaluation-context.js";
import type { Formula } from "../evaluate/formula.js";
import { cohortFormula, dueOnTime } from "../evaluate/formula-shapes.js";
import { latestPerPerson } from "../evaluate/latest-per-person.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";

const EET = new Set(["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"]);
const NEET = new Set(["G4", "G5", "G6"]);

/** Each young person's latest record in the 12 months to D, with their age at D (null: no birth date). */
function latestWithAge(
  ctx: EvaluationContext,
  date: string,
): { record: CareLeaverRecord; age: number | null }[] {
  return ctx.memo(`careLeavers:${date}`, () =>
    latestPerPerson(ctx.index("care_leavers", "as_at_date"), (r) => r.child_id, date, 12).map((record) => {
      const dob = ctx.dateOfBirth(record.child_id);
      return { record, age: dob === null ? null : ctx.ageOn(dob, date) };
    }),
  );
}

/** A care-leaver measure over young people of an age range at D, each by their latest record. */
function careLeaverFormula(
  measure: "count" | "proportion",
  [youngest, oldest]: [number, number],
  empty: string,
  inDenominator: (r: CareLeaverRecord) => boolean,
  inNumerator: (r: CareLeaverRecord) => boolean,
): Formula {
  return cohortFormula({
    measure,
    dataset: "care_leavers",
    // Records are dated through the year (a young person's birthday): every day of the 12 months to D.
    reads: [
      { dataset: "care_leavers", days: "day", monthsBefore: 12 },
      { dataset: "children", days: "whole" },
    ],
    empty,
    members: (ctx, range) => latestWithAge(ctx, range.end),
    recordOf: (m) => m.record,
    birthUnknown: (m) => m.age === null,
    inDenominator: ({ record, age }) =>
      age !== null && age >= youngest && age <= oldest && inDenominator(record),
    inNumerator: ({ record }) => inNumerator(record),
  });
}

const alive = (r: CareLeaverRecord) => r.in_touch !== "DIED";
const EMPTY_18_21 = "no care leavers aged 18–21 with a record in the previous 12 months were known";

/** Care leavers: pathway plans, and the 18–21 cohort's activity, accommodation and contact. */
export const careLeaverIndicators: readonly CatalogueIndicator[] = [
  {
    definition: {
      id: "leavers.pathway_plan_timely_pct",
      title: "Pathway plans on time",
      theme: "timeliness",
      shortTitle: "pathway plans",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition:
        "Pathway plans due in the period that were completed on or before the due date, as a share of those due.",
      numerator: "pathway plans completed by the due date",
      denominator: "pathway plans due",
      sources: ["due_activities"],
      breakdowns: [],
    },
    formula: dueOnTime("pathway_plan", "no pathway plans were due"),
  },
  {
    definition: {
      id: "leavers.eet_18_21_pct",
      title: "Care leavers aged 18–21 in education, employment or training",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "stock",
      definition:
        "Young people aged 18–21 at the end of the period, each by their latest record in the 12 months to it, who are in education, employment or training (activity F* or P*), as a share of all of them except those who died.",
      numerator: "care leavers aged 18–21 in education, employment or training",
      denominator: "care leavers aged 18–21 with a record in the last 12 months, except those who died",
      sources: ["care_leavers", "children"],
      breakdowns: [],
      dfeComparable: false,
    },
    formula: careLeaverFormula("proportion", [18, 21], EMPTY_18_21, alive, (r) => EET.has(r.activity ?? "")),
  },
  {
    definition: {
      id: "leavers.suitable_accommodation_pct",
      title: "Care leavers aged 18–21 in suitable accommodation",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "stock",
      definition:
        "Young people aged 18–21 at the end of the period, each by their latest record in the 12 months to it, whose accommodation is suitable, as a share of all of them except those who died.",
      numerator: "care leavers aged 18–21 in suitable accommodation",
      denominator: "care leavers aged 18–21 with a record in the last 12 months, except those who died",
      sources: ["care_leavers", "children"],
      breakdowns: [],
      dfeComparable: false,
    },
    formula: careLeaverFormula(
      "proportion",
      [18, 21],
      EMPTY_18_21,
      alive,
      (r) => r.accommodation_suitable === true,
    ),
  },
  {
    definition: {
      id: "leavers.in_touch_pct",
      title: "Care leavers aged 18–21 in touch",
      section: "through_care",
      unit: "percent",
      polarity: "high",
      kind: "stock",
      definition:
        "Young people aged 18–21 at the end of the period, each by their latest record in the 12 months to it, with whom the authority is in touch (YES), as a share of all of them except those who died.",
      numerator: "care leavers aged 18–21 in touch",
      denominator: "care leavers aged 18–21 with a record in the last 12 months, except those who died",
      sources: ["care_leavers", "children"],
      breakdowns: [],
      dfeComparable: false,
    },
    formula: careLeaverFormula("proportion", [18, 21], EMPTY_18_21, alive, (r) => r.in_touch === "YES"),
  },
  {
    definition: {
      id: "leavers.neet_16_21",
      title: "Care leavers aged 16–21 not in education, employment or training",
      shortTitle: "care leavers not in education, employment or training",
      section: "through_care",
      unit: "count",
      polarity: "low",
      kind: "stock",
      definition:
        "Young people aged 16–21 at the end of the period whose latest record in the 12 months to it shows them not in education, employment or training (activity G4, G5 or G6).",
      numerator: "care leavers aged 16–21 whose latest activity is G4, G5 or G6",
      sources: ["care_leavers", "children"],
      breakdowns: ["activity"],
      dfeComparable: false,
    },
    formula: careLeaverFormula(
      "count",
      [16, 21],
      "no care leavers aged 16–21 with a record in the previous 12 months were known",
      (r) => NEET.has(r.activity ?? ""),
      () => true,
    ),
  },
];
