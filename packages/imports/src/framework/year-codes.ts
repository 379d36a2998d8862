import { collectionYearLabel } from "./collection-year.js";
import type { RowReader } from "./row-reader.js";

/**
 * A code of a statutory code list with the collection years it is valid in (years of the return's
 * 31 March; open-ended when absent).
 */
export interface YearCode {
  readonly code: string;
  /** First collection year the code is valid in. */
  readonly from?: number;
  /** Last collection year the code is valid in. */
  readonly to?: number;
}

/**
 * Codes valid in every collection year.
 *
 * @param codes - the codes
 * @returns the entries
 * @example
 * ```ts
 * everyYear("M", "F"); // [{ code: "M" }, { code: "F" }]
 * ```
 */
export function everyYear(...codes: string[]): YearCode[] {
  return codes.map((code) => ({ code }));
}

/**
 * Codes valid up to and including a collection year.
 *
 * @param to - the last year (of its 31 March)
 * @param codes - the codes
 * @returns the entries
 * @example
 * ```ts
 * untilYear(2018, "F3"); // [{ code: "F3", to: 2018 }]
 * ```
 */
export function untilYear(to: number, ...codes: string[]): YearCode[] {
  return codes.map((code) => ({ code, to }));
}

/**
 * Codes valid from a collection year on.
 *
 * @param from - the first year (of its 31 March)
 * @param codes - the codes
 * @returns the entries
 * @example
 * ```ts
 * sinceYear(2026, "Z11"); // [{ code: "Z11", from: 2026 }]
 * ```
 */
export function sinceYear(from: number, ...codes: string[]): YearCode[] {
  return codes.map((code) => ({ code, from }));
}

/** How a code stands in a collection year: valid, valid in other years (and which), or unknown. */
export type CodeStanding =
  | { readonly kind: "valid" }
  | { readonly kind: "other_years"; readonly years: string }
  | { readonly kind: "unknown" };

const inYear = (c: YearCode, year: number) =>
  (c.from === undefined || year >= c.from) && (c.to === undefined || year <= c.to);

/**
 * Whether a code is valid in a collection year of a code list (codes compared in upper case).
 *
 * @param codes - the code list, every year's codes with their years
 * @param code - the code, as written
 * @param year - the year of the return's 31 March
 * @returns valid, valid only in other years (with which, in words), or unknown
 * @example
 * ```ts
 * const list = [...everyYear("1"), ...untilYear(2018, "F3"), ...sinceYear(2019, "F4")];
 * yearCodeStanding(list, "f4", 2020); // { kind: "valid" }
 * yearCodeStanding(list, "F3", 2020); // { kind: "other_years", years: "until 2017-18" }
 * yearCodeStanding(list, "Q9", 2020); // { kind: "unknown" }
 * ```
 */
export function yearCodeStanding(codes: readonly YearCode[], code: string, year: number): CodeStanding {
  const upper = code.toUpperCase();
  const entry = codes.find((c) => c.code.toUpperCase() === upper);
  if (entry === undefined) return { kind: "unknown" };
  if (inYear(entry, year)) return { kind: "valid" };
  const years =
    entry.from !== undefined && entry.to !== undefined
      ? `${collectionYearLabel(entry.from)} to ${collectionYearLabel(entry.to)}`
      : entry.from !== undefined
        ? `from ${collectionYearLabel(entry.from)}`
        : `until ${collectionYearLabel(entry.to as number)}`;
  return { kind: "other_years", years };
}

/**
 * A collection year's codes of a code list.
 *
 * @param codes - the code list
 * @param year - the year of the return's 31 March
 * @returns the codes valid that year, in list order
 * @example
 * ```ts
 * codesInYear([...untilYear(2024, "1", "2"), ...sinceYear(2025, "M", "F", "U")], 2025); // ["M", "F", "U"]
 * ```
 */
export function codesInYear(codes: readonly YearCode[], year: number): string[] {
  return codes.filter((c) => inYear(c, year)).map((c) => c.code);
}

/** How {@link readYearCode} treats a cell: required, what an unknown code does, the rule, what it is. */
export interface YearCodeOptions {
  /** An empty cell drops the row. */
  readonly required?: boolean;
  /** An unknown code drops the row (the row means nothing without it); else it is left empty with a warning. */
  readonly dropUnknown?: boolean;
  /** The DfE validation rule for the column. */
  readonly rule?: string;
  /** What the value is, in words (`the reason for the new episode`). */
  readonly what: string;
}

/**
 * Read a code against a collection year's code list: a code of the year is kept; a code valid in other
 * years (F3 in 2019-20, Z11 before 2025-26) is kept with a warning saying which years it belongs to; an
 * unknown code drops the row when `dropUnknown`, else is left empty with a warning. An empty cell is
 * `null` (and drops the row when `required`). Messages name the return (`903`, `CIN census`).
 *
 * @param reader - the row
 * @param year - the return's year and its label
 * @param column - the return's column or element
 * @param codes - the code list
 * @param returnName - the return, for messages
 * @param options - required, unknown codes, rule, what it is
 * @returns the code in upper case, or `null`
 * @example
 * ```ts
 * const r = new RowReader({ values: { ACTIV: "f3" }, file: "oc3.csv", line: 2 });
 * const list = [...untilYear(2018, "F3"), ...sinceYear(2019, "F5")];
 * readYearCode(r, { year: 2020, yearLabel: "2019-20" }, "ACTIV", list, "903", { rule: "132", what: "the activity" }); // "F3"
 * r.warnings[0]?.message; // "ACTIV 'F3' is a 903 code until 2017-18, not in 2019-20 (rule 132): kept"
 * ```
 */
export function readYearCode(
  reader: RowReader,
  year: { readonly year: number; readonly yearLabel: string },
  column: string,
  codes: readonly YearCode[],
  returnName: string,
  options: YearCodeOptions,
): string | null {
  const text = reader.cell(column);
  const rule = options.rule ? ` (rule ${options.rule})` : "";
  if (text === "") {
    if (options.required)
      reader.fail(
        [column],
        `${column} is empty${rule}: the row cannot be read without ${options.what}`,
        options.rule,
      );
    return null;
  }
  const code = text.toUpperCase();
  const standing = yearCodeStanding(codes, code, year.year);
  if (standing.kind === "valid") return code;
  if (standing.kind === "other_years") {
    reader.warn(
      [column],
      `${column} '${code}' is a ${returnName} code ${standing.years}, not in ${year.yearLabel}${rule}: kept`,
      options.rule,
    );
    return code;
  }
  if (options.required || options.dropUnknown)
    reader.fail(
      [column],
      `${column} '${text}' is not a ${year.yearLabel} ${returnName} code${rule}: the row cannot be read without ${options.what}`,
      options.rule,
    );
  else
    reader.warn(
      [column],
      `${column} '${text}' is not a ${year.yearLabel} ${returnName} code${rule}: ${options.what} left empty`,
      options.rule,
    );
  return null;
}
