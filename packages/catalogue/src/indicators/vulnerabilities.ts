import type { MissingEpisodeRecord } from "../datasets/schemas.js";
import { flowCount, flowDistinctChildren, stockDistinctChildren } from "../evaluate/formula-shapes.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";

const missingFrom = (from: "care" | "home") => (m: MissingEpisodeRecord) =>
  m.kind === "missing" && m.from === from;

/** Additional vulnerabilities: exploitation flags and children missing from care or home. */
export const vulnerabilityIndicators: readonly CatalogueIndicator[] = [
  {
    definition: {
      id: "vuln.cse_children",
      title: "Children identified as vulnerable to CSE",
      shortTitle: "children vulnerable to CSE",
      section: "vulnerabilities",
      unit: "count",
      polarity: "high",
      kind: "stock",
      definition:
        "Children with a child sexual exploitation (CSE) flag open at the end of the period; an increase is positive (better identification).",
      numerator: "children with an open CSE flag",
      sources: ["vulnerability_flags"],
      breakdowns: [],
    },
    formula: stockDistinctChildren(
      "vulnerability_flags",
      "no children were flagged as vulnerable to CSE",
      (f) => f.flag === "CSE",
    ),
  },
  {
    definition: {
      id: "vuln.county_lines_children",
      title: "Children identified as vulnerable to county lines",
      shortTitle: "children vulnerable to county lines",
      section: "vulnerabilities",
      unit: "count",
      polarity: "high",
      kind: "stock",
      definition:
        "Children with a county lines flag open at the end of the period; an increase is positive (better identification).",
      numerator: "children with an open county lines flag",
      sources: ["vulnerability_flags"],
      breakdowns: [],
    },
    formula: stockDistinctChildren(
      "vulnerability_flags",
      "no children were flagged as vulnerable to county lines",
      (f) => f.flag === "county_lines",
    ),
  },
  {
    definition: {
      id: "missing.care_children",
      title: "Children missing from care",
      theme: "missing",
      shortTitle: "children missing from care",
      alsoDescribedIn: ["through_care"],
      section: "vulnerabilities",
      unit: "count",
      polarity: "low",
      kind: "flow",
      definition: "Distinct children with a missing (not absent) episode from care starting in the period.",
      numerator: "children missing from care",
      sources: ["missing_episodes"],
      breakdowns: [],
    },
    formula: flowDistinctChildren(
      "missing_episodes",
      "start_date",
      "no children went missing from care",
      missingFrom("care"),
    ),
  },
  {
    definition: {
      id: "missing.care_incidents",
      title: "Missing-from-care incidents",
      theme: "missing",
      shortTitle: "missing-from-care incidents",
      alsoDescribedIn: ["through_care"],
      section: "vulnerabilities",
      unit: "count",
      polarity: "low",
      kind: "flow",
      definition: "Missing (not absent) episodes from care starting in the period.",
      numerator: "missing-from-care episodes",
      sources: ["missing_episodes"],
      breakdowns: ["return_interview"],
    },
    formula: flowCount(
      "missing_episodes",
      "start_date",
      "no children went missing from care",
      missingFrom("care"),
    ),
  },
  {
    definition: {
      id: "missing.home_children",
      title: "Children missing from home",
      theme: "missing",
      shortTitle: "children missing from home",
      section: "vulnerabilities",
      unit: "count",
      polarity: "low",
      kind: "flow",
      definition: "Distinct children with a missing (not absent) episode from home starting in the period.",
      numerator: "children missing from home",
      sources: ["missing_episodes"],
      breakdowns: [],
    },
    formula: flowDistinctChildren(
      "missing_episodes",
      "start_date",
      "no children went missing from home",
      missingFrom("home"),
    ),
  },
  {
    definition: {
      id: "missing.home_incidents",
      title: "Missing-from-home incidents",
      theme: "missing",
      shortTitle: "missing-from-home incidents",
      section: "vulnerabilities",
      unit: "count",
      polarity: "low",
      kind: "flow",
      definition: "Missing (not absent) episodes from home starting in the period.",
      numerator: "missing-from-home episodes",
      sources: ["missing_episodes"],
      breakdowns: ["return_interview"],
    },
    formula: flowCount(
      "missing_episodes",
      "start_date",
      "no children went missing from home",
      missingFrom("home"),
    ),
  },
];
