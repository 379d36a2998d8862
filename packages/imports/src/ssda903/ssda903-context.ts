import type { RowReader } from "../framework/row-reader.js";
import { readYearCode } from "../framework/year-codes.js";
import { type Ssda903CodeList, ssda903Codes } from "./ssda903-codes.js";

/** What every 903 row mapping is given: the collection year, record ids and the header's dates of birth. */
export interface Ssda903Context {
  /** The year of the return's 31 March. */
  readonly year: number;
  /** The year's label, `2017-18`. */
  readonly yearLabel: string;
  /** A stable id for a record the 903 gives none (an episode, a review), from a prefix and its identifying values. */
  recordId(prefix: string, parts: readonly string[]): string;
  /** The child's date of birth from the header table of the same return, when known. */
  dateOfBirth(child: string): string | null;
  /** How often a key was seen before in this table (0 the first time), to tell apart rows the 903 gives the same key. */
  ordinal(table: string, key: string): number;
}

/**
 * Read a 903 code against the collection year's code list: a code of the year is kept; a code valid in
 * other years (F3 in 2019-20, Z11 before 2025-26) is kept with a warning saying which years it belongs
 * to; an unknown code drops the row when `dropUnknown` (the row means nothing without it), else is left
 * empty with a warning. An empty cell is `null` (and drops the row when `required`). The rule is the
 * DfE validation rule for the column.
 *
 * @param reader - the row
 * @param context - the return's year
 * @param column - the 903 column
 * @param list - the code list
 * @param options - whether it is required, what to do with an unknown code, the rule, what it is
 * @returns the code in upper case, or `null`
 * @example
 * ```ts
 * const r = new RowReader({ values: { ACTIV: "f3" }, file: "oc3.csv", line: 2 });
 * read903Code(r, { year: 2020, yearLabel: "2019-20" }, "ACTIV", "ACTIV", { rule: "132", what: "the activity" }); // "F3"
 * r.warnings[0]?.message; // "ACTIV 'F3' is a 903 code until 2017-18, not in 2019-20 (rule 132): kept"
 * ```
 */
export function read903Code(
  reader: RowReader,
  context: Pick<Ssda903Context, "year" | "yearLabel">,
  column: string,
  list: Ssda903CodeList,
  options: { required?: boolean; dropUnknown?: boolean; rule?: string; what: string },
): string | null {
  return readYearCode(reader, context, column, ssda903Codes[list], "903", options);
}

/**
 * Read a 903 yes/no column (`1` yes, `0` no): an unknown value is left empty with a warning.
 *
 * @param reader - the row
 * @param context - the return's year
 * @param column - the 903 column
 * @param rule - the DfE rule for the column
 * @returns true, false or `null`
 * @example
 * ```ts
 * read903YesNo(new RowReader({ values: { CONVICTED: "1" }, file: "oc2.csv", line: 2 }), { year: 2018, yearLabel: "2017-18" }, "CONVICTED"); // true
 * ```
 */
export function read903YesNo(
  reader: RowReader,
  context: Pick<Ssda903Context, "year" | "yearLabel">,
  column: string,
  rule?: string,
): boolean | null {
  const code = read903Code(reader, context, column, "YES_NO", {
    what: `${column}`,
    ...(rule ? { rule } : {}),
  });
  return code === null ? null : code === "1";
}
