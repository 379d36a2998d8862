import type { ColumnRole } from "./table-mapping.js";

const ROLE: Readonly<Record<ColumnRole["role"], string>> = {
  mapped: "mapped",
  check: "used for a check",
  not_imported: "not imported",
};

/**
 * A mapping's columns (or elements) as a Markdown table: what becomes of each (mapped onto which field,
 * used for a check, or not imported), whether a file must have it, and why (an element named `<X>` in
 * it set as code, not to be read as HTML) — for the generated pages of
 * each return (`docs/ssda903.md`, `docs/cin-census.md` …).
 *
 * @param columns - the mapping's columns
 * @param heading - the first column's heading (`column`, `element`)
 * @returns the table's lines
 * @example
 * ```ts
 * columnTableMarkdown([{ column: "CHILD", role: "mapped", field: "child_id", mandatory: true }], "column")[2];
 * // "| `CHILD` | mapped | `child_id` | yes |  |"
 * ```
 */
export function columnTableMarkdown(columns: readonly ColumnRole[], heading: string): string[] {
  return [
    `| ${heading} | what becomes of it | field | mandatory | why |`,
    "| --- | --- | --- | --- | --- |",
    ...columns.map(
      (c) =>
        `| \`${c.column}\` | ${ROLE[c.role]} | ${c.field ? `\`${c.field}\`` : ""} | ${c.mandatory ? "yes" : ""} | ${(c.why ?? "").replace(/<(\w+)>/g, "`<$1>`")} |`,
    ),
  ];
}
