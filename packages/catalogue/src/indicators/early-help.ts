import type { EarlyHelpRecord } from "../datasets/schemas.js";
import { flowCount, flowProportion } from "../evaluate/formula-shapes.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";

const EARLY_HELP_BREAKDOWNS = ["team"];

/**
 * Early help, the Family Front Door's other door (decision 197): the contacts decided at level 2 or 1
 * go to early help, so the front door's figures include the early help assessments it starts and
 * completes, the episodes that end in a step-up to children's social care and those that begin as a
 * step-down from it.
 */
export const earlyHelpIndicators: readonly CatalogueIndicator[] = [
  {
    definition: {
      id: "ffd.early_help_assessments_started",
      title: "Early help assessments started",
      section: "ffd",
      unit: "count",
      polarity: "none",
      kind: "flow",
      definition: "Early help assessments started in the period (by start date).",
      numerator: "early help assessments started",
      sources: ["early_help"],
      breakdowns: EARLY_HELP_BREAKDOWNS,
    },
    formula: flowCount("early_help", "start_date", "no early help assessments were started"),
  },
  {
    definition: {
      id: "ffd.early_help_assessments_completed",
      title: "Early help assessments completed",
      section: "ffd",
      unit: "count",
      polarity: "none",
      kind: "flow",
      definition: "Early help assessments completed in the period (by completion date).",
      numerator: "early help assessments completed",
      sources: ["early_help"],
      breakdowns: EARLY_HELP_BREAKDOWNS,
    },
    formula: flowCount(
      "early_help",
      "assessment_completed_date",
      "no early help assessments were completed",
      (r: EarlyHelpRecord) => r.assessment_completed_date !== null,
    ),
  },
  {
    definition: {
      id: "ffd.early_help_step_up_pct",
      title: "Early help episodes ending in a step-up to social care",
      shortTitle: "early help episodes stepped up",
      section: "ffd",
      unit: "percent",
      polarity: "none",
      kind: "flow",
      definition:
        "Early help episodes ended in the period (by end date) whose reason is a step-up to children's social care, as a share of the episodes ended with a reason recorded.",
      numerator: "early help episodes ended with a step-up",
      denominator: "early help episodes ended with a reason",
      sources: ["early_help"],
      breakdowns: EARLY_HELP_BREAKDOWNS,
    },
    formula: flowProportion(
      "early_help",
      "end_date",
      "no early help episodes ended with a reason recorded",
      (r) => r.end_date !== null && r.end_reason !== null,
      (r) => r.end_reason === "step_up",
    ),
  },
  {
    definition: {
      id: "ffd.early_help_step_down_pct",
      title: "Early help episodes begun as a step-down from social care",
      shortTitle: "early help episodes stepped down",
      section: "ffd",
      unit: "percent",
      polarity: "none",
      kind: "flow",
      definition:
        "Early help episodes started in the period (by start date) that began as a step-down from children's social care, as a share of the episodes started whose origin is recorded.",
      numerator: "early help episodes begun as a step-down",
      denominator: "early help episodes started with their origin recorded",
      sources: ["early_help"],
      breakdowns: EARLY_HELP_BREAKDOWNS,
    },
    formula: flowProportion(
      "early_help",
      "start_date",
      "no early help episodes started with their origin recorded",
      (r) => r.step_down !== null,
      (r) => r.step_down === true,
    ),
  },
];
