import { annexALists } from "./annex-a-lists.js";

const ROLE = { mapped: "mapped", check: "read and checked", not_imported: "not imported" } as const;

/**
 * Annex A's lists as a Markdown table: each list, the dataset it maps onto and what its coverage is
 * (the summary `docs/ingestion.md` shows, and `docs/annex-a.md` opens with).
 *
 * @returns the table's lines
 * @example
 * ```ts
 * annexAListTableMarkdown()[2]; // "| 1 | Contacts | `contacts` | contacts in the span, by contact date |"
 * ```
 */
export function annexAListTableMarkdown(): string[] {
  return [
    "| list | holds | dataset | what the import covers |",
    "| --- | --- | --- | --- |",
    ...annexALists.map(
      (l) =>
        `| ${l.list} | ${l.title} | ${l.dataset === null ? (l.list === 11 ? "none" : "none (children's details only)") : `\`${l.dataset}\``} | ${l.covers} |`,
    ),
  ];
}

/**
 * `docs/annex-a.md`: every list of Ofsted's Annex A, how a sheet is recognised, and every column the
 * import knows with its heading in the template, what becomes of it and why (generated from
 * {@link annexALists}; a test fails when the page is stale).
 *
 * @returns the page
 * @example
 * ```ts
 * annexAMappingMarkdown().startsWith("# Ofsted's Annex A"); // true
 * ```
 */
export function annexAMappingMarkdown(): string {
  const lines = [
    "# Ofsted's Annex A: what the import makes of each list",
    "",
    "<!-- Generated from packages/imports/src/annex-a/annex-a-lists.ts: do not edit by hand. -->",
    "",
    "`kpi import annex-a <workbook.xlsx>` (or `POST /v1/imports/annex-a`) reads the workbook Ofsted asks",
    "for at inspection (decision 196). A sheet is recognised as a list by its headings, in the authority's",
    "own wording (the headings below are the template's; another wording is recognised by the words it",
    "holds, such as 'contact' and 'date'), or by its name (`List 3`, `Referrals`); headings may be in any",
    "order and below a title row. Dates may be Excel dates, Excel serial",
    "numbers or text (`DD/MM/YYYY`, `YYYY-MM-DD`, `16 Sep 2020`); `#N/A` reads as empty; a formula gives",
    "its cached value. The span the workbook covers is the one a title row states, or `--covers from..to`;",
    "each dated dataset's records replace only what was stored within it. The records the lists give no",
    "identifier (all of them) get one from the child, the list's date and the row's place among the",
    "child's rows of that day, so re-importing the workbook updates records instead of duplicating them.",
    "Every child's gender, ethnicity, date of birth and disability go to `children` (merged with what",
    "other sources gave).",
    "",
    ...annexAListTableMarkdown(),
  ];
  for (const l of annexALists) {
    lines.push(
      "",
      `## List ${l.list}: ${l.title} → ${l.dataset === null ? "no dataset" : `\`${l.dataset}\``}`,
      "",
      `Covers: ${l.covers}.${l.why === undefined ? "" : ` Not imported: ${l.why}.`}`,
      "",
      "| heading in the template | what becomes of it | field | required | why |",
      "| --- | --- | --- | --- | --- |",
      ...l.columns.map(
        (c) =>
          `| ${c.heading} | ${ROLE[c.role]} | ${c.field === undefined ? "" : `\`${c.field}\``} | ${c.required ? "yes" : ""} | ${c.why ?? ""} |`,
      ),
    );
    if (l.dataset === null || l.list === 8)
      lines.push("", "Any other heading of this list is reported as not imported, with the list's reason.");
  }
  return `${lines.join("\n")}\n`;
}
