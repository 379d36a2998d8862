import { columnTableMarkdown } from "../framework/mapping-markdown.js";
import { workerMapping, workforceMessageElements } from "./workforce-census.js";

/**
 * The workforce census mapping as Markdown (`docs/workforce-census.md`, kept in step by a test): the
 * census date, the message's elements outside the workers, and every element of a `<CSWWWorker>` and
 * what becomes of it.
 *
 * @returns the Markdown text
 * @example
 * ```ts
 * workforceMappingMarkdown().startsWith("# Social work workforce census: every element"); // true
 * ```
 */
export function workforceMappingMarkdown(): string {
  return [
    "# Social work workforce census: every element",
    "",
    "<!-- Generated from packages/imports/src/workforce (workforceMappingMarkdown); a test fails when it is stale. -->",
    "",
    "What `POST /v1/imports/workforce-census` (and `kpi import workforce-census`) makes of each element of a",
    "children's social work workforce census message. Every worker becomes one `workforce` snapshot dated on",
    "the census date, the message's `<ReferenceDate>` (30 September; when it is absent, 30 September of the",
    "year given or named by the file), with the dates they started and left the role, from which turnover is",
    "computed (`wf.turnover_dfe_pct`, `wf.turnover_pct`). The import covers the census date. A year given",
    "that contradicts the ReferenceDate, another return's message, a message with no `<CSWWWorker>` or one",
    "whose every worker is dropped fails the file. Warnings and drops name the file, the line, the worker's",
    "`SWENo` and the census's own element names and values; the worker's number is pseudonymised on receipt",
    "like every person identifier.",
    "",
    "## `<Header>` and `<LALevelVacancies>`",
    "",
    ...columnTableMarkdown(workforceMessageElements, "element"),
    "",
    `## \`<${workerMapping.table}>\` → \`${workerMapping.dataset}\``,
    "",
    "Written as an upsert, keyed by the worker and the census date: a corrected census replaces each worker's snapshot.",
    "",
    ...columnTableMarkdown(workerMapping.columns, "element"),
    "",
  ].join("\n");
}
