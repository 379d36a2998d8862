/**
 * Lay out rows as a plain-text table: a header, a rule, then one line per row; columns padded to
 * their widest cell, numbers (cells starting with a digit, sign or `…`) right-aligned.
 *
 * @param header - column titles
 * @param rows - cells, as text
 * @returns the table, each line ending with `\n`
 * @example
 * ```ts
 * formatTextTable(["period", "value"], [["FY2019-20-Q2", "47.5%"]]);
 * // "period        value\n------------  -----\nFY2019-20-Q2  47.5%\n"
 * ```
 */
export function formatTextTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^([-+]?\d|—|$)/.test(r[i] ?? "")),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)]
    .map((l) => `${l}\n`)
    .join("");
}
