import { assessmentFactorCodes, assessmentFactorFlags } from "@kpi/catalogue";
import { collectionYearLabel, collectionYearRange } from "../framework/collection-year.js";
import { columnTableMarkdown } from "../framework/mapping-markdown.js";
import type { YearCode } from "../framework/year-codes.js";
import { type CinCodeList, cinCodes, cinModuleYears } from "./cin-codes.js";
import { cinHeaderElements, cinTables } from "./cin-tables.js";

/**
 * The CIN census mapping as Markdown (`docs/cin-census.md`, kept in step by a test): how the collection
 * year is found, the header's elements, every module and element and what becomes of each (mapped onto
 * which field, used for a check, or not imported and why), the assessment factors that become
 * vulnerability flags, and the code lists that change between collection years.
 *
 * @returns the Markdown text
 * @example
 * ```ts
 * cinMappingMarkdown().startsWith("# CIN census: every module and element"); // true
 * ```
 */
export function cinMappingMarkdown(): string {
  const range = `${collectionYearLabel(collectionYearRange.first)} to ${collectionYearLabel(collectionYearRange.last)}`;
  const out: string[] = [
    "# CIN census: every module and element",
    "",
    "<!-- Generated from packages/imports/src/cin (cinMappingMarkdown); a test fails when it is stale. -->",
    "",
    "What `POST /v1/imports/cin-census` (and `kpi import cin-census`, and the portal's upload) makes of each",
    `module and element of a children in need census message, for every collection year from ${range}. The`,
    "rules for what is kept with a warning and what is dropped are in",
    "[ingestion.md](ingestion.md#statutory-returns-ssda903-and-the-cin-census); the datasets' fields in",
    "[datasets.md](datasets.md); why it is done this way in",
    "[decision 175](decisions/175-census-imports-on-the-import-route.md).",
    "",
    "- **The collection year** is the year of the message's `<ReferenceDate>`, the census's 31 March. When",
    "  the ReferenceDate is not a 31 March, the year given (`--year`) or named by the file's folder or name is",
    "  used; a year given that contradicts a 31 March ReferenceDate, or no year at all, fails the file.",
    "- **Warnings and drops** name the file, the line of the element, its path",
    "  (`Child[3]/CINdetails[1]/Assessments[2]`), the census's own element names and values (the child's",
    "  `LAchildID` first) and the DfE validation rule where one applies.",
    "- **Dependants follow their parent.** A `<Child>` that cannot be read takes its episodes with it; an",
    "  episode (`<CINdetails>`) its assessments, factors, CIN plans, section 47 enquiries, CP plans and",
    "  pre-proceedings; a CP plan its reviews. Each is listed as dropped with its parent, naming where the",
    "  parent is.",
    "- **Whole-file problems** fail the import, nothing written: a file that is not XML or not a CIN census",
    "  message (another return's message is named, with the command that imports it), a year in doubt, a",
    "  message with no `<Child>`, or one whose every child or every episode is dropped.",
    "- **A character reference that names no character** (`&#x110000;`) spoils only its value: left empty",
    "  with a warning, or, for a value the element cannot do without, the element is dropped, saying so.",
    "",
    "## `<Header>`",
    "",
    ...columnTableMarkdown(cinHeaderElements, "element"),
    "",
  ];
  for (const mapping of cinTables) {
    const years = cinModuleYears[mapping.table];
    const when =
      years?.from !== undefined
        ? ` The module is in the census from ${collectionYearLabel(years.from)}; in an earlier year it is kept with a warning.`
        : "";
    out.push(`## \`<${mapping.table}>\` → \`${mapping.dataset}\``, "");
    out.push(
      `Written as ${mapping.write === "merge" ? "a field-by-field merge into what other returns say of the child" : "an upsert"}.${when}`,
      "",
    );
    out.push(...columnTableMarkdown(mapping.columns, "element"), "");
  }
  out.push(
    "## Assessment factors that name a vulnerability",
    "",
    "| factor | vulnerability flag |",
    "| --- | --- |",
  );
  for (const [code, flag] of Object.entries(assessmentFactorFlags)) {
    const label = assessmentFactorCodes.find((c) => c.code === code)?.label ?? "";
    out.push(`| \`${code}\` ${label} | \`${flag}\` |`);
  }
  out.push(
    "",
    "Each becomes a flag from the assessment's authorisation (its start while not yet authorised) to the",
    "episode's closure (open while the episode is). Every factor is also kept on the assessment (`factors`).",
    "",
    "## Code lists that change between collection years",
    "",
    "A code of another year is kept with a warning naming the years it belongs to; a code of no year is an",
    "unknown code. Lists not shown are the same in every year.",
    "",
  );
  out.push("| list | codes | collection years |", "| --- | --- | --- |");
  for (const list of Object.keys(cinCodes) as CinCodeList[]) {
    const bounded = new Map<string, string[]>();
    for (const c of cinCodes[list] as readonly YearCode[]) {
      if (c.from === undefined && c.to === undefined) continue;
      const years =
        c.from !== undefined && c.to !== undefined
          ? `${collectionYearLabel(c.from)} to ${collectionYearLabel(c.to)}`
          : c.from !== undefined
            ? `from ${collectionYearLabel(c.from)}`
            : `until ${collectionYearLabel(c.to as number)}`;
      bounded.set(years, [...(bounded.get(years) ?? []), c.code]);
    }
    for (const [years, codes] of bounded) out.push(`| \`${list}\` | ${codes.join(" ")} | ${years} |`);
  }
  out.push("", `Every other code of these lists is valid in every collection year, ${range}.`, "");
  return out.join("\n");
}
