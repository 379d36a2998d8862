/**
 * Writes rows as CSV text (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or
 * line breaks quoted). Text starting with `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
 * never runs it as a formula; numbers are written as they are.
 *
 * @param rows - the rows, the heading row first; `null` is an empty field
 * @returns the CSV text, ending with CRLF
 * @example
 * ```ts
 * csvText([["a", "b"], [1, "x,y"]]); // "a,b\r\n1,\"x,y\"\r\n"
 * ```
 */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows
    .map((row) => row.map(field).join(","))
    .join("\r\n")
    .concat("\r\n");
}

function field(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
