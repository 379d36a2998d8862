import { RowReader } from "../framework/row-reader.js";
import { readYearCode, type YearCodeOptions } from "../framework/year-codes.js";
import type { SourceRow } from "../read/csv-table.js";
import { type CinCodeList, cinCodes } from "./cin-codes.js";

/** What every CIN census row mapping is given: the census year and its dates, record ids, look-ups across tables. */
export interface CinContext {
  /** The year of the census's 31 March. */
  readonly year: number;
  /** The year's label, `2023-24`. */
  readonly yearLabel: string;
  /** The census year's first and last days (1 April to 31 March). */
  readonly census: { readonly start: string; readonly end: string };
  /** A stable id for a record the census gives none (a referral, a plan), from a prefix and its identifying values. */
  recordId(prefix: string, parts: readonly string[]): string;
  /** The child's child protection plan start dates (ISO), by the child's element path. */
  planStarts(childPath: string): ReadonlySet<string>;
  /** The row's values spoilt by a character reference that names no character: element → the references. */
  spoilt(row: SourceRow): ReadonlyMap<string, string>;
}

/**
 * Reads one CIN census row: a {@link RowReader} whose dates are `YYYY-MM-DD` and whose values spoilt by
 * a character reference that names no character (`&#x110000;`) read as empty, with a warning saying
 * which reference spoilt which element, or, for a value the row cannot do without, a drop saying so.
 *
 * @example
 * ```ts
 * const row = { values: { LAchildID: "A\uFFFD" }, file: "cin.xml", line: 4 };
 * const r = new CinRowReader(row, new Map([["LAchildID", "&#x110000;"]]));
 * r.required("LAchildID", "the child's identifier", "8500");
 * r.dropReason()?.message; // "LAchildID holds the character reference &#x110000;, which names no character (rule 8500): the row cannot be read without the child's identifier"
 * ```
 */
export class CinRowReader extends RowReader {
  private readonly noted = new Set<string>();

  /**
   * @param row - the source row
   * @param spoilt - its values spoilt by a character reference that names no character (element → references)
   */
  constructor(
    row: SourceRow,
    private readonly spoilt: ReadonlyMap<string, string> = new Map(),
  ) {
    super(row, { dateFormat: "YYYY-MM-DD" });
  }

  private spoiltWords(column: string): string | null {
    const refs = this.spoilt.get(column);
    if (refs === undefined) return null;
    return refs.startsWith("&") ? `the character reference ${refs}, which names no character` : refs;
  }

  override cell(column: string): string {
    const words = this.spoiltWords(column);
    if (words === null) return super.cell(column);
    if (!this.noted.has(column)) {
      this.noted.add(column);
      this.warnings.push({
        columns: { [column]: super.cell(column) },
        message: `${column} holds ${words}: left empty`,
      });
    }
    return "";
  }

  override required(column: string, what: string, rule?: string): string {
    const words = this.spoiltWords(column);
    if (words === null) return super.required(column, what, rule);
    this.problems.push({
      columns: { [column]: super.cell(column) },
      message: `${column} holds ${words}${rule ? ` (rule ${rule})` : ""}: the row cannot be read without ${what}`,
      ...(rule === undefined ? {} : { rule }),
    });
    return "";
  }

  override date(
    column: string,
    options: { required?: boolean; dropInvalid?: boolean; rule?: string; what: string },
  ): string | null {
    if (this.spoiltWords(column) !== null && (options.required || options.dropInvalid)) {
      this.required(column, options.what, options.rule);
      return null;
    }
    return super.date(column, options);
  }
}

/**
 * A reader for a CIN census row of a mapping's context.
 *
 * @param row - the row
 * @param context - the import's context (for the row's spoilt values)
 * @returns the reader
 * @example
 * ```ts
 * cinReader({ values: { LAchildID: "A1" }, file: "cin.xml" }, { spoilt: () => new Map() }).cell("LAchildID"); // "A1"
 * ```
 */
export function cinReader(row: SourceRow, context: Pick<CinContext, "spoilt">): CinRowReader {
  return new CinRowReader(row, context.spoilt(row));
}

/**
 * Read a CIN census code against the census year's code list (see `readYearCode`).
 *
 * @param reader - the row
 * @param context - the census year
 * @param element - the element
 * @param list - the code list
 * @param options - required, unknown codes, rule, what it is
 * @returns the code in upper case, or `null`
 * @example
 * ```ts
 * const r = new CinRowReader({ values: { ReasonForClosure: "RC9" }, file: "cin.xml", line: 9 });
 * readCinCode(r, { year: 2021, yearLabel: "2020-21" }, "ReasonForClosure", "ReasonForClosure", { rule: "8640", what: "the reason" }); // "RC9"
 * r.warnings[0]?.message; // "ReasonForClosure 'RC9' is a CIN census code from 2022-23, not in 2020-21 (rule 8640): kept"
 * ```
 */
export function readCinCode(
  reader: RowReader,
  context: Pick<CinContext, "year" | "yearLabel">,
  element: string,
  list: CinCodeList,
  options: YearCodeOptions,
): string | null {
  return readYearCode(reader, context, element, cinCodes[list], "CIN census", options);
}

/**
 * Read a CIN census yes/no element (`true`, `false`, `1`, `0`, any case).
 *
 * @param reader - the row
 * @param context - the census year
 * @param element - the element
 * @param options - required (an empty or unknown value drops the row), rule, what it is
 * @returns true, false, or `null` when empty or unknown (with a warning)
 * @example
 * ```ts
 * readCinYesNo(new CinRowReader({ values: { ReferralNFA: "false" }, file: "cin.xml" }), { year: 2024, yearLabel: "2023-24" }, "ReferralNFA", { what: "whether it was NFA" }); // false
 * ```
 */
export function readCinYesNo(
  reader: RowReader,
  context: Pick<CinContext, "year" | "yearLabel">,
  element: string,
  options: { required?: boolean; rule?: string; what: string },
): boolean | null {
  const code = readCinCode(reader, context, element, "YesNo", {
    ...options,
    dropUnknown: options.required === true,
  });
  return code === null ? null : code === "TRUE" || code === "1";
}
