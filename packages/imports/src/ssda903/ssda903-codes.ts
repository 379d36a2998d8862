import {
  everyYear as all,
  type CodeStanding,
  codesInYear,
  sinceYear as since,
  untilYear as until,
  type YearCode,
  yearCodeStanding,
} from "../framework/year-codes.js";

/** A code of a 903 code list with the collection years it is valid in (see {@link YearCode}). */
export type Ssda903Code = YearCode;

/**
 * Every 903 code list, with each code's collection years: the one table of 903 codes for 2017-18 to
 * 2025-26. From DfE's 903 specifications as liia-tools' per-year schemas hold them (2016-17 to
 * 2023-24, `../shared/data/ssda903/schemas/`, the file year being the year of the 31 March) and from
 * data-to-insight's validator rules for 2022-23 to 2025-26 (rule 101: SEX M/F/U from 2024-25; rule 146:
 * K3 from 2024-25, Z11–Z14 replacing Z1, H5 and P2 from 2025-26; rules 149, 132, 1009 and the schemas:
 * E45–E48 and F4/P4/F5/P5 replacing E43/E44 and F3/P3, and CUSTOD, from 2018-19).
 *
 * @example
 * ```ts
 * ssda903Codes.SEX.find((c) => c.code === "M"); // { code: "M", from: 2025 }
 * ```
 */
export const ssda903Codes = {
  SEX: [...until(2024, "1", "2"), ...since(2025, "M", "F", "U")],
  ETHNIC: all(
    "WBRI",
    "WIRI",
    "WOTH",
    "WIRT",
    "WROM",
    "MWBC",
    "MWBA",
    "MWAS",
    "MOTH",
    "AIND",
    "APKN",
    "ABAN",
    "AOTH",
    "BCRB",
    "BAFR",
    "BOTH",
    "CHNE",
    "OOTH",
    "REFU",
    "NOBT",
  ),
  RNE: all("S", "L", "P", "T", "B", "U"),
  LS: all("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"),
  CIN: all("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"),
  PLACE: [
    ...all("A3", "A4", "A5", "A6", "K1", "K2", "P1", "P3", "R1", "R2", "R3", "R5", "S1"),
    ...all("T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6"),
    ...until(2025, "H5", "P2", "Z1"),
    ...since(2025, "K3"),
    ...since(2026, "Z11", "Z12", "Z13", "Z14"),
  ],
  PLACE_PROVIDER: all("PR0", "PR1", "PR2", "PR3", "PR4", "PR5"),
  REC: [
    ...all("X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E5", "E6", "E7", "E8", "E9"),
    ...all("E14", "E15", "E16", "E17"),
    ...until(2018, "E43", "E44"),
    ...since(2019, "E45", "E46", "E47", "E48"),
  ],
  REASON_PLACE_CHANGE: [
    ...all("CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "OTHER"),
    ...since(2019, "CUSTOD"),
  ],
  REVIEW_CODE: all("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"),
  MISSING: all("M", "A"),
  IN_TOUCH: all("YES", "NO", "DIED", "REFU", "NREQ", "RHOM"),
  ACTIV: [
    ...all("F1", "P1", "F2", "P2", "G4", "G5", "G6", "0"),
    ...until(2018, "F3", "P3"),
    ...since(2019, "F4", "P4", "F5", "P5"),
  ],
  ACCOM: [..."BCDEGHKRSTUVWXYZ".split("").flatMap((letter) => all(`${letter}1`, `${letter}2`)), ...all("0")],
  SDQ_REASON: all("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"),
  YES_NO: all("0", "1"),
  NB_ADOPTR: all("1", "2"),
  SEX_ADOPTR: all("M1", "F1", "MM", "FF", "MF"),
  LS_ADOPTR: all("L0", "L11", "L12", "L2", "L3", "L4"),
  REASON_PLACED_CEASED: all("RD1", "RD2", "RD3", "RD4"),
  PREV_PERM: all("P1", "P2", "P3", "P4", "Z1"),
  SW_REASON: all(
    "MANAGE",
    "FCONTA",
    "LEFTRL",
    "ORGRST",
    "TSPROC",
    "ABSENC",
    "CHCHAN",
    "PCCHAN",
    "SWDIED",
    "OTHERS",
  ),
} as const satisfies Record<string, readonly Ssda903Code[]>;

/** The name of a 903 code list. */
export type Ssda903CodeList = keyof typeof ssda903Codes;

/**
 * Whether a code is valid in a collection year's code list.
 *
 * @param list - the code list
 * @param code - the code, as written (compared in upper case)
 * @param year - the year of the return's 31 March
 * @returns valid, valid only in other years (with which), or unknown
 * @example
 * ```ts
 * codeStanding("ACTIV", "F4", 2020); // { kind: "valid" }
 * codeStanding("ACTIV", "F3", 2020); // { kind: "other_years", years: "until 2017-18" }
 * codeStanding("PLACE", "Z11", 2020); // { kind: "other_years", years: "from 2025-26" }
 * codeStanding("LS", "Q9", 2020); // { kind: "unknown" }
 * ```
 */
export function codeStanding(list: Ssda903CodeList, code: string, year: number): CodeStanding {
  return yearCodeStanding(ssda903Codes[list], code, year);
}

/**
 * A collection year's code list: the codes valid that year.
 *
 * @param list - the code list
 * @param year - the year of the return's 31 March
 * @returns the codes
 * @example
 * ```ts
 * codesOfYear("SEX", 2024); // ["1", "2"]
 * codesOfYear("SEX", 2025); // ["M", "F", "U"]
 * ```
 */
export function codesOfYear(list: Ssda903CodeList, year: number): string[] {
  return codesInYear(ssda903Codes[list], year);
}
