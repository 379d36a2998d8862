import {
  assessmentFactorCodes,
  cinClosureReasonCodes,
  cpCategoryCodes,
  disabilityCodes,
  primaryNeedCodes,
  referralSourceCodes,
} from "@kpi/catalogue";
import {
  type CodeStanding,
  everyYear,
  sinceYear,
  untilYear,
  type YearCode,
  yearCodeStanding,
} from "../framework/year-codes.js";
import { ssda903Codes } from "../ssda903/ssda903-codes.js";

/** A catalogue code set's codes, those named in `years` valid only in the years given there. */
function fromCatalogue(
  codes: readonly { readonly code: string }[],
  years: Readonly<Record<string, { from?: number; to?: number }>> = {},
): YearCode[] {
  return codes.map((c) => ({ code: c.code, ...years[c.code] }));
}

/**
 * Every CIN census code list, with each code's collection years: the one table of CIN census codes for
 * 2017-18 to 2025-26. From liia-tools' per-year CIN schemas (`../shared/data/cin-census/schemas/`, the
 * file year being the year of the census's 31 March: 18A and 19A until 2019-20, then 18B/18C and
 * 19B/19C; 24A from 2021-22; ReferralSource 5D and ReasonForClosure RC9 from 2022-23) and
 * data-to-insight's validator rules for 2024-25 on (rule 4180: `<Sex>` M/F/U replaces
 * `<GenderCurrent>` 1/2/0/9). Labels live in the catalogue's code sets.
 *
 * @example
 * ```ts
 * cinCodes.ReasonForClosure.find((c) => c.code === "RC9"); // { code: "RC9", from: 2023 }
 * ```
 */
export const cinCodes = {
  GenderCurrent: untilYear(2024, "1", "2", "0", "9"),
  Sex: sinceYear(2025, "M", "F", "U"),
  /** The DfE's ethnicity codes, the same in the 903 and the CIN census. */
  Ethnicity: ssda903Codes.ETHNIC,
  Disability: fromCatalogue(disabilityCodes),
  ReferralSource: fromCatalogue(referralSourceCodes, { "5D": { from: 2023 } }),
  PrimaryNeedCode: fromCatalogue(primaryNeedCodes),
  ReasonForClosure: fromCatalogue(cinClosureReasonCodes, { RC9: { from: 2023 } }),
  AssessmentFactors: fromCatalogue(assessmentFactorCodes, {
    "18A": { to: 2020 },
    "19A": { to: 2020 },
    "18B": { from: 2021 },
    "18C": { from: 2021 },
    "19B": { from: 2021 },
    "19C": { from: 2021 },
    "24A": { from: 2022 },
  }),
  CategoryOfAbuse: fromCatalogue(cpCategoryCodes),
  YesNo: everyYear("TRUE", "FALSE", "1", "0"),
} as const satisfies Record<string, readonly YearCode[]>;

/** The name of a CIN census code list. */
export type CinCodeList = keyof typeof cinCodes;

/**
 * Whether a code is valid in a collection year's CIN census code list.
 *
 * @param list - the code list
 * @param code - the code, as written (compared in upper case)
 * @param year - the year of the census's 31 March
 * @returns valid, valid only in other years (with which), or unknown
 * @example
 * ```ts
 * cinCodeStanding("AssessmentFactors", "24A", 2022); // { kind: "valid" }
 * cinCodeStanding("AssessmentFactors", "18A", 2024); // { kind: "other_years", years: "until 2019-20" }
 * cinCodeStanding("AssessmentFactors", "RB", 2024); // { kind: "unknown" }
 * ```
 */
export function cinCodeStanding(list: CinCodeList, code: string, year: number): CodeStanding {
  return yearCodeStanding(cinCodes[list], code, year);
}

/**
 * The collection years a census module belongs to (modules missing here are in every year):
 * pre-proceedings and family group decision making from 2025-26 (data-to-insight's 2026 sample and
 * validator ingress).
 *
 * @example
 * ```ts
 * cinModuleYears.PreProceedingsandFGDM; // { from: 2026 }
 * ```
 */
export const cinModuleYears: Readonly<Record<string, { readonly from?: number; readonly to?: number }>> = {
  PreProceedingsandFGDM: { from: 2026 },
};
