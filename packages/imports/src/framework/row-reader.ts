import { isIsoDate } from "@kpi/core";
import type { SourceRow } from "../read/csv-table.js";

/** A warning or the reason a row was dropped: the return's own columns and values, the DfE rule, the words. */
export interface RowIssue {
  /** The return's columns the issue is about, with the row's values. */
  readonly columns: Readonly<Record<string, string>>;
  /** The DfE validation rule, where one applies. */
  readonly rule?: string;
  readonly message: string;
}

const DMY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/;

/**
 * Read a date as statutory returns write it: `DD/MM/YYYY` (the 903's CSV and XML), `YYYY-MM-DD` (CIN
 * census XML, extracts with ISO dates; a time of day after it is ignored), surrounding spaces ignored.
 * An empty cell is `null`; a date that does not exist (31/02/2019) or any other text fails.
 *
 * @param text - the cell or element text
 * @returns the ISO date, `null`, or `{ ok: false }`
 * @example
 * ```ts
 * statutoryDate("01/04/2019"); // { ok: true, value: "2019-04-01" }
 * statutoryDate("2019-04-01"); // { ok: true, value: "2019-04-01" }
 * statutoryDate(""); // { ok: true, value: null }
 * statutoryDate("31/02/2019"); // { ok: false }
 * ```
 */
export function statutoryDate(text: string | undefined): { ok: true; value: string | null } | { ok: false } {
  const t = (text ?? "").trim();
  if (t === "") return { ok: true, value: null };
  const dmy = DMY_RE.exec(t);
  const iso = ISO_RE.exec(t);
  const value = dmy
    ? `${dmy[3]}-${(dmy[2] as string).padStart(2, "0")}-${(dmy[1] as string).padStart(2, "0")}`
    : iso
      ? `${iso[1]}-${iso[2]}-${iso[3]}`
      : t;
  return isIsoDate(value) ? { ok: true, value } : { ok: false };
}

/**
 * Reads one source row's cells for a mapping and collects what it finds: warnings for values kept or
 * left empty, and the reasons the row must be dropped, each naming the return's columns, their values
 * and the rule. A mapping asks for cells, then either keeps the record (with the warnings) or drops the
 * row (with the reasons joined).
 *
 * @example
 * ```ts
 * const r = new RowReader({ values: { CHILD: "1", DECOM: "32/01/2019" }, file: "episodes.csv", line: 2 });
 * r.date("DECOM", { required: true, rule: "141", what: "the date the episode started" });
 * r.dropReason()?.message; // "DECOM '32/01/2019' is not a date (DD/MM/YYYY) (rule 141): the row cannot be read without the date the episode started"
 * ```
 */
export class RowReader {
  readonly warnings: RowIssue[] = [];
  readonly problems: RowIssue[] = [];

  /** How the return writes dates, for messages (`DD/MM/YYYY` for the 903, `YYYY-MM-DD` for XML censuses). */
  readonly dateFormat: string;

  /**
   * @param row - the source row
   * @param options - `dateFormat`, the return's own way of writing dates, named in messages
   */
  constructor(
    readonly row: SourceRow,
    options: { readonly dateFormat?: string } = {},
  ) {
    this.dateFormat = options.dateFormat ?? "DD/MM/YYYY";
  }

  /** The trimmed text of a column, `""` when empty or absent. */
  cell(column: string): string {
    return (this.row.values[column] ?? "").trim();
  }

  /** The columns' values, for an issue. */
  columns(...names: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const n of names) out[n] = this.cell(n);
    return out;
  }

  /** Note a value kept as it is or changed, or left empty. */
  warn(columns: readonly string[], message: string, rule?: string): void {
    this.warnings.push({
      columns: this.columns(...columns),
      message,
      ...(rule === undefined ? {} : { rule }),
    });
  }

  /** Note a reason the row cannot be used. */
  fail(columns: readonly string[], message: string, rule?: string): void {
    this.problems.push({
      columns: this.columns(...columns),
      message,
      ...(rule === undefined ? {} : { rule }),
    });
  }

  /** The reason the row is dropped (every problem, joined), or `null` when it can be kept. */
  dropReason(): RowIssue | null {
    const [first, ...rest] = this.problems;
    if (first === undefined) return null;
    if (rest.length === 0) return first;
    const columns = Object.assign({}, ...this.problems.map((p) => p.columns)) as Record<string, string>;
    const rules = [...new Set(this.problems.flatMap((p) => (p.rule === undefined ? [] : [p.rule])))];
    return {
      columns,
      message: this.problems.map((p) => p.message).join("; "),
      ...(rules.length === 0 ? {} : { rule: rules.join(", ") }),
    };
  }

  /** A column that must not be empty (the row is dropped when it is). */
  required(column: string, what: string, rule?: string): string {
    const v = this.cell(column);
    if (v === "")
      this.fail(
        [column],
        `${column} is empty${rule ? ` (rule ${rule})` : ""}: the row cannot be read without ${what}`,
        rule,
      );
    return v;
  }

  /**
   * A date column. An invalid date drops the row when `required` or `dropInvalid`, else it is left
   * empty with a warning; an empty required date drops the row.
   */
  date(
    column: string,
    options: { required?: boolean; dropInvalid?: boolean; rule?: string; what: string },
  ): string | null {
    const text = this.cell(column);
    const d = statutoryDate(text);
    const rule = options.rule ? ` (rule ${options.rule})` : "";
    if (!d.ok) {
      if (options.required || options.dropInvalid)
        this.fail(
          [column],
          `${column} '${text}' is not a date (${this.dateFormat})${rule}: the row cannot be read without ${options.what}`,
          options.rule,
        );
      else
        this.warn(
          [column],
          `${column} '${text}' is not a date (${this.dateFormat})${rule}: ${options.what} left empty`,
          options.rule,
        );
      return null;
    }
    if (d.value === null && options.required)
      this.fail(
        [column],
        `${column} is empty${rule}: the row cannot be read without ${options.what}`,
        options.rule,
      );
    return d.value;
  }
}
