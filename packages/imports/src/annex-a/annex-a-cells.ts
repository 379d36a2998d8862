import { type DatasetName, datasets } from "@kpi/catalogue";
import { isIsoDate } from "@kpi/core";
import { RowReader } from "../framework/row-reader.js";
import type { SourceRow } from "../read/csv-table.js";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const EXCEL_ERROR_RE = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
const DAY_MS = 86_400_000;
// Excel's day 0 in the 1900 date system is 30 December 1899 (it counts a 29 February 1900 that never was).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function iso(y: number, m: number, d: number): string | null {
  const text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isIsoDate(text) ? text : null;
}

/**
 * Read a date as Annex A workbooks hold it: an Excel datetime (read as `YYYY-MM-DD`), an Excel serial
 * number (44090 is 16 September 2020; a time of day, the fraction, is ignored), or text:
 * `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`, `DD/MM/YY` (years 00–49 are 20xx, 50–99 are 19xx),
 * `YYYY-MM-DD` or `YYYY/MM/DD` (a time after it ignored), `16 Sep 2020`, `16-Sep-2020`,
 * `16 September 2020`. English day-first order, as authorities in England write dates. An empty cell
 * is `null`; a day that does not exist or any other text fails.
 *
 * @param text - the cell's text
 * @returns the ISO date, `null`, or `{ ok: false }`
 * @example
 * ```ts
 * annexADate("44090"); // { ok: true, value: "2020-09-16" }
 * annexADate("16/09/2020"); // { ok: true, value: "2020-09-16" }
 * annexADate("16-Sep-2020"); // { ok: true, value: "2020-09-16" }
 * annexADate("2020-09-16T00:00:00.000Z"); // { ok: true, value: "2020-09-16" }
 * annexADate("31/02/2020"); // { ok: false }
 * ```
 */
export function annexADate(text: string): { ok: true; value: string | null } | { ok: false } {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  let m = /^(\d{1,6})(?:\.\d+)?$/.exec(t);
  if (m) {
    const serial = Number(m[1]);
    // Serials before 1 March 1900 (61) meet Excel's phantom leap day; anything past 9999 is not a date.
    if (serial < 61 || serial > 2_958_465) return { ok: false };
    const value = new Date(EXCEL_EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
    return { ok: true, value };
  }
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.exec(t);
  if (m) {
    const value = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return value === null ? { ok: false } : { ok: true, value };
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: [\d:.]+)?$/.exec(t);
  if (m) {
    const yy = Number(m[3]);
    const year = (m[3] as string).length === 2 ? (yy < 50 ? 2000 + yy : 1900 + yy) : yy;
    const value = iso(year, Number(m[2]), Number(m[1]));
    return value === null ? { ok: false } : { ok: true, value };
  }
  m = /^(\d{1,2})[ -]([a-z]{3,9})[ ,-]*(\d{4})$/i.exec(t);
  if (m) {
    const name = (m[2] as string).toLowerCase();
    const month = MONTHS.findIndex((full) => full.startsWith(name)) + 1;
    if (month === 0) return { ok: false };
    const value = iso(Number(m[3]), month, Number(m[1]));
    return value === null ? { ok: false } : { ok: true, value };
  }
  return { ok: false };
}

/**
 * The code of a coded cell as Annex A templates write it: a drop-down's letter prefix (`q) `) dropped,
 * then the code before a `:` or ` - ` (`q) 6: Police` → `6`, `N1 - Abuse or Neglect` → `N1`,
 * `f) U6: Foster placement` → `U6`), else the text without its prefix.
 *
 * @param text - the cell's text
 * @returns the code, or the text
 * @example
 * ```ts
 * annexACode("q) 6: Police"); // "6"
 * annexACode("b) 1B: Individual"); // "1B"
 * annexACode("PSRMEM - Support with memory and cognition"); // "PSRMEM"
 * annexACode("a) Yes"); // "Yes"
 * ```
 */
export function annexACode(text: string): string {
  const t = text.trim().replace(/^[a-z]{1,2}\)\s*/i, "");
  const m = /^([A-Za-z0-9]{1,8})\s*(?::|\s[-–]\s)/.exec(t);
  return m ? (m[1] as string).toUpperCase() : t;
}

/**
 * A code list's codes and labels from the catalogue's field (one place for code lists).
 *
 * @param dataset - the dataset
 * @param field - the code field
 * @returns the codes with their labels (none for a field without codes)
 * @example
 * ```ts
 * fieldCodes("cp_plans", "initial_category")[1]; // { code: "PHY", label: "Physical abuse" }
 * ```
 */
export function fieldCodes(dataset: DatasetName, field: string): readonly { code: string; label: string }[] {
  return datasets[dataset].fields.find((f) => f.name === field)?.codes ?? [];
}

/**
 * Reads an Annex A row's cells for a mapping: the framework's {@link RowReader} with the workbook's
 * ways of writing values. A column is asked for by its key in the list's mapping; the messages name
 * the heading the authority's workbook gives it. An Excel error value (`#N/A`) in a mapped column is
 * read as empty, with a warning.
 */
export class AnnexAReader extends RowReader {
  /**
   * @param row - the row, cells by the workbook's headings
   * @param headings - the heading each of the list's column keys was found under in this sheet
   * @param mapped - the keys of the list's mapped columns (an error value in them is warned of)
   */
  constructor(
    row: SourceRow,
    readonly headings: ReadonlyMap<string, string>,
    mapped: readonly string[],
  ) {
    super(row, { dateFormat: "a date, an Excel date number, DD/MM/YYYY or YYYY-MM-DD" });
    for (const key of mapped) {
      const h = this.heading(key);
      const raw = (row.values[h] ?? "").trim();
      if (EXCEL_ERROR_RE.test(raw)) this.warn([h], `${h} is the Excel error ${raw}: read as empty`);
    }
  }

  /** The workbook's heading of a column key (the key itself when the sheet lacks the column). */
  heading(key: string): string {
    return this.headings.get(key) ?? key;
  }

  override cell(column: string): string {
    const v = super.cell(column);
    return EXCEL_ERROR_RE.test(v) ? "" : v;
  }

  /** The text of a column by key. */
  text(key: string): string {
    return this.cell(this.heading(key));
  }

  /** A date column by key ({@link annexADate}). */
  day(key: string, options: { required?: boolean; what: string }): string | null {
    const h = this.heading(key);
    const text = this.text(key);
    const d = annexADate(text);
    if (!d.ok) {
      if (options.required)
        this.fail(
          [h],
          `${h} '${text}' is not a date (${this.dateFormat}): the row cannot be read without ${options.what}`,
        );
      else this.warn([h], `${h} '${text}' is not a date (${this.dateFormat}): ${options.what} left empty`);
      return null;
    }
    if (d.value === null && options.required)
      this.fail([h], `${h} is empty: the row cannot be read without ${options.what}`);
    return d.value;
  }

  /** A yes/no column by key (`Yes`, `a) Yes`, `Y`, `TRUE`, `1` / `No`, `N`, `FALSE`, `0`); else `null`, with a warning when not empty. */
  yesNo(key: string, what: string): boolean | null {
    const text = this.text(key);
    const t = annexACode(text).toLowerCase();
    if (t === "") return null;
    if (["yes", "y", "true", "1"].includes(t)) return true;
    if (["no", "n", "false", "0"].includes(t)) return false;
    this.warn([this.heading(key)], `${this.heading(key)} '${text}' is not yes or no: ${what} left empty`);
    return null;
  }

  /**
   * A coded column by key: the code ({@link annexACode}) when the list has it, else a label the list
   * has (any case); else `null`, with a warning (or, with `required`, the row is dropped).
   */
  code(
    key: string,
    codes: readonly { code: string; label: string }[],
    options: { what: string; required?: boolean },
  ): string | null {
    const text = this.text(key);
    const h = this.heading(key);
    if (text === "") {
      if (options.required) this.fail([h], `${h} is empty: the row cannot be read without ${options.what}`);
      return null;
    }
    const code = annexACode(text);
    const found =
      codes.find((c) => c.code.toUpperCase() === code.toUpperCase()) ??
      codes.find((c) => c.label.toLowerCase() === code.toLowerCase());
    if (found) return found.code;
    const message = `${h} '${text}' is not one of the codes (${codes.map((c) => c.code).join(", ")})`;
    if (options.required) this.fail([h], `${message}: the row cannot be read without ${options.what}`);
    else this.warn([h], `${message}: ${options.what} left empty`);
    return null;
  }

  /** A whole number column by key; else `null`, with a warning when not empty. */
  count(key: string, what: string): number | null {
    const text = this.text(key);
    if (text === "") return null;
    const n = Number(text);
    if (Number.isInteger(n) && n >= 0) return n;
    this.warn(
      [this.heading(key)],
      `${this.heading(key)} '${text}' is not a whole number: ${what} left empty`,
    );
    return null;
  }
}
