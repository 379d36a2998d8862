import type { KpiClientIssue } from "../errors/kpi-client-error.js";
import { sourceLabel } from "../input/record-file.js";

/**
 * One line per row problem, as `file:line field: message` (or `row N` when the row's file is not
 * known), for standard error.
 *
 * @param issues - the problems
 * @returns the lines, each ending with `\n`
 * @example
 * ```ts
 * issueLines([{ row: 2, field: "sex", message: "sex: must be one of M, F, U (got 'X')",
 *   source: { file: "children.csv", line: 4, index: 2 } }]);
 * // "children.csv:4 sex: must be one of M, F, U (got 'X')\n"
 * ```
 */
export function issueLines(issues: readonly KpiClientIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.source
        ? sourceLabel(issue.source)
        : issue.row === null
          ? "request"
          : `row ${issue.row}`;
      // The API's messages start with the field name already ("sex: must be …").
      const text =
        issue.field !== null && !issue.message.startsWith(`${issue.field}:`)
          ? `${issue.field}: ${issue.message}`
          : issue.message;
      return `${where} ${text}\n`;
    })
    .join("");
}
