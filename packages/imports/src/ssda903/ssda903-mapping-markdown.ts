import { columnTableMarkdown } from "../framework/mapping-markdown.js";
import { codesOfYear, type Ssda903CodeList, ssda903Codes } from "./ssda903-codes.js";
import { ssda903Tables } from "./ssda903-tables.js";

const label = (year: number) => `${year - 1}-${String(year % 100).padStart(2, "0")}`;

/**
 * The SSDA903 mapping as Markdown (`docs/ssda903.md`, kept in step by a test): every table of the
 * return, with the names its file may have and the dataset it becomes, then every column and what
 * becomes of it (mapped onto which field, used for a check, or not imported and why); then the code
 * lists that change between collection years.
 *
 * @returns the Markdown text
 * @example
 * ```ts
 * ssda903MappingMarkdown().startsWith("# SSDA903: every table and column"); // true
 * ```
 */
export function ssda903MappingMarkdown(): string {
  const out: string[] = [
    "# SSDA903: every table and column",
    "",
    "<!-- Generated from packages/imports/src/ssda903 (ssda903MappingMarkdown); a test fails when it is stale. -->",
    "",
    "What `POST /v1/imports/ssda903` (and `kpi import ssda903`, and the portal's upload) makes of each table and",
    "column of the return, for every collection year from 2017-18 to 2025-26. The rules for what is kept with a",
    "warning and what is dropped are in [ingestion.md](ingestion.md#statutory-returns-ssda903-and-the-cin-census);",
    "the datasets' fields in [datasets.md](datasets.md). A *mandatory* column must be in the file (a file",
    "without it is refused whole); its cells may still be blank where the 903 allows it.",
    "",
  ];
  for (const { mapping, names } of ssda903Tables) {
    out.push(`## \`${mapping.table}\` → \`${mapping.dataset}\``, "");
    out.push(
      `File names: ${names.map((n) => `\`${n}\``).join(", ")} (any case, with a year or authority prefix such as \`SSDA903_2018_${names[0]}.csv\`); written as ${mapping.write === "merge" ? "a field-by-field merge into what other returns say of the child" : "an upsert"}.`,
      "",
    );
    out.push(...columnTableMarkdown(mapping.columns, "column"), "");
  }
  out.push(
    "## Code lists that change between collection years",
    "",
    "A code of another year is kept with a warning naming the years it belongs to; a code of no year is",
    "an unknown code (see the rules). Lists not shown are the same in every year.",
    "",
    "| list | 2017-18 | 2018-19 | 2024-25 | 2025-26 |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const list of Object.keys(ssda903Codes) as Ssda903CodeList[]) {
    const years = [2018, 2019, 2025, 2026].map((y) => codesOfYear(list, y).join(" "));
    if (new Set(years).size === 1) continue;
    out.push(`| \`${list}\` | ${years.join(" | ")} |`);
  }
  out.push("", `Collection years: ${label(2018)} to ${label(2026)}.`, "");
  return out.join("\n");
}
