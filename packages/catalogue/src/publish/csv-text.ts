import { stringify } from "csv-stringify/sync";

/** A cell of a published CSV: text, a number, or empty (`null`). */
export type CsvCell = string | number | null;

/** Text a spreadsheet would run as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes rows as CSV text for download (RFC 4180 by csv-stringify: comma-separated, CRLF line ends,
 * fields with commas, quotes or line breaks quoted). Text starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return is prefixed with `'` so a spreadsheet never runs it as a formula; numbers are
 * written as they are (a non-finite number as an empty field). Every download of the product (the
 * portal's CSV, `kpi report --format csv`) is written by this one function.
 *
 * @param rows - the rows, the heading row first; `null` is an empty field
 * @returns the CSV text, ending with CRLF
 * @example
 * ```ts
 * csvText([["a", "b"], [1, "x,y"]]); // "a,b\r\n1,\"x,y\"\r\n"
 * csvText([["=1+1"]]); // "'=1+1\r\n"
 * ```
 */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      record_delimiter: "\r\n",
      // A bare line break inside a field is quoted too (csv-stringify quotes the record delimiter only).
      quoted_match: /[\r\n]/,
      cast: {
        string: (value) => (FORMULA_START.test(value) ? `'${value}` : value),
        number: (value) => (Number.isFinite(value) ? String(value) : ""),
      },
    },
  );
}
