import { type DatasetDating, datasets, type FieldSpec } from "./registry.js";
import { datasetNames } from "./schemas.js";

const INTRO = `# Datasets: the ingestion data contract

<!-- Generated from the zod schemas of @kpi/catalogue by dataContractMarkdown()
     (packages/catalogue/src/datasets/data-contract-markdown.ts). Do not edit by hand: a test fails
     when this file and the schemas disagree. -->

Ingestion scripts post **records** — one row per real event (a contact, an assessment, a care
episode) — to \`POST /v1/datasets/{dataset}/records\` as JSON, NDJSON or CSV. Every figure is then
computed by the one shared library. The only aggregate inputs are \`populations\`, \`benchmarks\` and
\`observations\`. Code sets are the statutory ones (SSDA903, CIN census, workforce census).

## Rules every batch follows

- **Field names** are \`snake_case\`, exactly as listed below. An unknown field is rejected, with a
  suggestion when it looks like a typo: \`unknown field 'stat_date' — did you mean 'start_date'?\`
- **Dates** are \`YYYY-MM-DD\`. CSV cells may also use \`DD/MM/YYYY\` (the 903 convention); JSON may not.
- **Optional values** are \`null\`, left out, or an empty CSV cell. Validated records always have
  every field, an absent optional one as \`null\`.
- **Types.** JSON values must have their type (\`4\`, not \`"4"\`; \`true\`, not \`"Y"\`). CSV cells are
  converted: integers and numbers in plain decimal (no thousands separators), booleans from
  \`true\`/\`false\`, \`1\`/\`0\`, \`Y\`/\`N\`, \`yes\`/\`no\` in any case. CSV cells are trimmed.
- **Codes** are text (\`"6"\`, \`"2A"\`, \`"E11"\`), from the code sets listed with each field.
- **Date ranges**: \`end_date\` is the day the range closed, \`null\` while open, never before the start.
  What closed on day D is not open at the end of D.
- **Keys.** Posting a record whose key exists replaces it. A batch repeating a key is invalid. A
  record's key as text (for \`DELETE /v1/datasets/{dataset}/records/{key}\`, URL-encoded) is the key
  fields' values joined by \`|\`, with \`\\\` and \`|\` inside a value preceded by \`\\\`, and an empty
  optional last part left out (e.g. \`C9|2019-09-30\`, \`cin_rate|england|FY2018-19\`).
- **Atomic batches.** If any row is invalid nothing is written, and the response lists every problem
  of every row (0-based \`row\`, \`field\`, \`message\`; the first 1,000, with the total count), e.g.
  \`start_date: must be a date such as 2019-09-30 (got '31/02/2019')\`.
- **CSV files** follow RFC 4180: a header row naming the fields (any order), \`,\` separators, \`"\`
  quotes with inner quotes doubled. A byte-order mark is ignored; blank lines and rows whose cells are
  all empty are skipped. Broken quoting or a row with the wrong number of cells rejects the file with
  its line number.
- **Personal identifiers** (\`child_id\`, \`worker_id\`) are replaced by a keyed pseudonym on receipt.
- Records may arrive in any order. After loading, the data-quality checks list what only the whole
  set shows (overlapping care episodes, children never posted, plans open for years …).
`;

const COVERAGE = `
## Coverage

A figure can only be as complete as the records behind it. For each dataset the service keeps the
spans of dates for which its records are **complete** (its coverage), and where each span came from:
its **sources**, one per batch. A figure has a value only when every dataset it reads is covered for
every day it needs — the whole window for a flow, the last day for a stock, the months before for a
look-back measure (see methods.md) — and otherwise reads "no value" with the reason, e.g. "No value:
care episodes are loaded for 1 Apr 2017 – 31 Mar 2018." A count inside the coverage with nothing to
count is a true 0.

A batch says what it covers in the query of its post:

- \`covers_from\` and \`covers_to\`: its records are complete for those days (\`source_kind=statutory\`
  for a statutory return's collection year, 1 April – 31 March; a workforce census covers its census
  date);
- \`as_of\` (with \`history_from\`): an extract as at a date, complete from the day its history starts;
- nothing: the coverage is **inferred** from the records' dates, conservatively, and shown as
  inferred (below).

With \`mode=replace\` and a declared coverage only the dataset's records **within** it are replaced;
what "within" means, and how a coverage is inferred, depends on how the dataset's records lie in time:

`;

const code = (name: string) => `\`${name}\``;

/** What the records "within" a span are, in words. */
function withinText(dating: DatasetDating): string {
  switch (dating.kind) {
    case "events":
    case "snapshots":
      return `dated in it by ${code(dating.field)}`;
    case "ranges":
      return `open on at least one of its days (${code(dating.start)} to ${code(dating.end)})`;
    case "undated":
      return "— (no date coverage)";
  }
}

/** How a coverage is inferred from records posted without one, in words. */
function inferredText(dating: DatasetDating): string {
  switch (dating.kind) {
    case "events":
      return dating.knownUntil === undefined
        ? `earliest to latest ${code(dating.field)}`
        : `earliest to latest ${code(dating.field)}, but not after the latest ${code(dating.knownUntil)}`;
    case "snapshots":
      return `earliest to latest ${code(dating.field)}`;
    case "ranges":
      return `earliest ${code(dating.end)} (earliest ${code(dating.start)} when none has ended) to the latest date`;
    case "undated":
      return "—";
  }
}

const COVERAGE_NOTES = `
Ranges start their inferred coverage at the earliest *end*: an extract lists the episodes and plans
open since its history began, so ranges that closed before then are missing, and completeness can
only begin at the earliest one that closed. A later source that closed a range after an earlier
source's span (an episode open across 31 March, closed by the next year's return) is not reopened by
re-posting the earlier one. Undated datasets are needed whole (\`children\`), per year
(\`populations\`: a rate uses its financial year's mid-year estimate, or the year before's while that
is not published) or carry their own periods (\`benchmarks\`, \`observations\`).
`;

/** Rules relating fields (see `datasetRules` in schemas.ts), in words. */
const RULE_NOTES: Partial<Record<(typeof datasetNames)[number], string[]>> = {
  contacts: [
    "`decision_date` not before `contact_date`",
    "`level_of_need` and `decision_date` set together or neither",
  ],
  assessments: ["`authorised_date` not before `start_date`"],
  s47_enquiries: [
    "`icpc_date` not before `start_date`",
    "no `icpc_date` when `icpc_not_required` is true",
    "`icpc_cp_plan` given exactly when `icpc_date` is",
  ],
  cp_plans: ["`end_date` not before `start_date`"],
  cin_plans: ["`end_date` not before `start_date`", "`end_reason` only with an `end_date`"],
  cla_episodes: ["`end_date` not before `start_date`", "`reason_ceased` given exactly when `end_date` is"],
  missing_episodes: ["`end_date` not before `start_date`"],
  vulnerability_flags: ["`end_date` not before `start_date`"],
  workforce: ["`leaving_date` not before `start_date`"],
  benchmarks: ["`lower` not above `upper`", "`period` a financial year, quarter or month id"],
  observations: ["`period` a financial year, quarter or month id"],
};

function typeText(f: FieldSpec): string {
  if (f.type === "code") return "code";
  return f.type;
}

function codesText(f: FieldSpec): string {
  if (!f.codes) return "";
  return f.codes.map((c) => `\`${c.code}\` ${c.label}`).join("; ");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** A Markdown table with columns padded to equal width (the form the formatter keeps). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |\n`;
  return line(header) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}

/**
 * The data contract for analysts as Markdown (`docs/datasets.md`), generated from the dataset
 * registry and so from the zod schemas: conventions, what coverage means and each dataset's rule for
 * it, then each dataset's key, dates, pseudonymised fields and the records figures leave out, and its
 * fields with their types, whether required, descriptions and code sets.
 *
 * @returns the Markdown text
 * @example
 * ```ts
 * dataContractMarkdown().startsWith("# Datasets"); // true
 * ```
 */
export function dataContractMarkdown(): string {
  const parts = [
    INTRO,
    COVERAGE,
    table(
      ["dataset", "records within a span", "coverage inferred from"],
      datasetNames.map((name) => [
        `\`${name}\``,
        withinText(datasets[name].dating),
        inferredText(datasets[name].dating),
      ]),
    ),
    COVERAGE_NOTES,
    "\n## Datasets\n\n",
  ];
  for (const name of datasetNames) {
    const spec = datasets[name];
    parts.push(`### \`${name}\` — ${spec.title}\n\n`);
    parts.push(`${spec.description}\n`);
    parts.push(`Key: ${spec.key.map((k) => `\`${k}\``).join(" + ")}.`);
    if (spec.dateFields.length > 0)
      parts.push(` Placed in periods by: ${spec.dateFields.map((d) => `\`${d}\``).join(", ")}.`);
    if (spec.personFields.length > 0)
      parts.push(` Pseudonymised: ${spec.personFields.map((d) => `\`${d}\``).join(", ")}.`);
    if (spec.leftOutOfFigures !== null) parts.push(` Figures leave out ${spec.leftOutOfFigures.reason}.`);
    parts.push("\n\n");
    parts.push(
      table(
        ["field", "type", "required", "description", "codes"],
        spec.fields.map((f) => [
          `\`${f.name}\``,
          typeText(f),
          f.required ? "yes" : "no",
          cell(f.description),
          cell(codesText(f)),
        ]),
      ),
    );
    const notes = RULE_NOTES[name] ?? [];
    if (notes.length > 0) parts.push(`\nRules: ${notes.join("; ")}.\n`);
    parts.push("\n");
  }
  return `${parts.join("").trimEnd()}\n`;
}
