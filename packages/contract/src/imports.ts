import { z } from "zod";

/**
 * The statutory returns and extracts `POST /v1/imports/{kind}` maps onto the datasets: the SSDA903 (CSV
 * tables or the XML message), the CIN census XML message, the children's social work workforce census
 * XML message and Ofsted's Annex A workbook (`annex-a`, an `.xlsx` of lists 1–11).
 *
 * @example
 * ```ts
 * importKinds.includes("cin-census"); // true
 * ```
 */
export const importKinds = ["ssda903", "cin-census", "workforce-census", "annex-a"] as const;
/** One of {@link importKinds}. */
export type ImportKind = (typeof importKinds)[number];

/**
 * The path of `POST /v1/imports/{kind}`.
 *
 * @example
 * ```ts
 * importParamsSchema.parse({ kind: "ssda903" }).kind; // "ssda903"
 * importParamsSchema.safeParse({ kind: "cin" }).success; // false
 * ```
 */
export const importParamsSchema = z.object({ kind: z.enum(importKinds) });
/** See {@link importParamsSchema}. */
export type ImportParams = z.infer<typeof importParamsSchema>;

const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((v) => v === "true" || v === "1");

/**
 * The options of an import: `year` (the collection year, `2018` or `2017-18`, the year of its 31 March;
 * inferred from file or folder names when absent), `from` and `to` (the first and last day an extract
 * covers, for an Annex A workbook that does not state its span), `dry_run` (map and report, write
 * nothing) and `strict` (write nothing if any row would be dropped).
 *
 * @example
 * ```ts
 * importQuerySchema.parse({ year: "2017-18", dry_run: "true" }); // { year: "2017-18", dry_run: true, strict: false }
 * importQuerySchema.safeParse({ year: "18" }).success; // false
 * ```
 */
export const importQuerySchema = z.object({
  year: z
    .string()
    .regex(/^(20\d\d|20\d\d-\d\d)$/, "use the year of the return's 31 March, e.g. 2018 or 2017-18")
    .optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "use a date YYYY-MM-DD, the first day an extract covers")
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "use a date YYYY-MM-DD, the last day an extract covers")
    .optional(),
  dry_run: flag,
  strict: flag,
});
/** The query as sent; see {@link importQuerySchema}. */
export type ImportQuery = z.input<typeof importQuerySchema>;

/**
 * One row kept with a warning or dropped: where it is (file and line, or the XML element), the return's
 * own column names and values, the DfE validation rule where one applies, and what became of it.
 *
 * @example
 * ```ts
 * const issue = { file: "episodes.csv", line: 3, columns: { DEC: "", REC: "X1" }, rule: "148",
 *   message: "REC 'X1' on an open episode (no DEC): kept as open, REC left empty" };
 * importRowIssueSchema.parse(issue).rule; // "148"
 * ```
 */
export const importRowIssueSchema = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  element: z.string().optional(),
  columns: z.record(z.string(), z.string()),
  rule: z.string().optional(),
  message: z.string(),
});
/** See {@link importRowIssueSchema}. */
export type ImportRowIssue = z.infer<typeof importRowIssueSchema>;

/**
 * What happened to one table of the return: rows read, mapped (posted or to be posted), kept with a
 * warning (a subset of mapped) and dropped; the warnings and drops (at most 1,000 of each listed, the
 * counts per rule complete); the columns not imported and why.
 *
 * @example
 * ```ts
 * importTableReportSchema.shape.kept_with_warning.parse(3); // 3
 * ```
 */
export const importTableReportSchema = z.object({
  table: z.string(),
  file: z.string(),
  year: z.string(),
  dataset: z.string(),
  read: z.number().int(),
  mapped: z.number().int(),
  kept_with_warning: z.number().int(),
  dropped: z.number().int(),
  warnings: z.array(importRowIssueSchema),
  drops: z.array(importRowIssueSchema),
  by_rule: z.array(z.object({ rule: z.string(), kept: z.number().int(), dropped: z.number().int() })),
  columns_not_imported: z.array(z.object({ column: z.string(), why: z.string() })),
});
/** See {@link importTableReportSchema}. */
export type ImportTableReport = z.infer<typeof importTableReportSchema>;

/**
 * One file of the upload as read: its format, the encoding it was decoded from, the CSV delimiter, the
 * tables (or an Annex A workbook's lists) and collection year it was recognised as, the tables or
 * sheets read but not imported and why, or the whole-file problem that stopped the import.
 *
 * @example
 * ```ts
 * const file = { file: "2018/episodes.csv", format: "csv", encoding: "UTF-8", delimiter: ",",
 *   tables: ["episodes"], year: "2017-18" };
 * importFileReportSchema.parse(file).encoding; // "UTF-8"
 * ```
 */
export const importFileReportSchema = z.object({
  file: z.string(),
  format: z.enum(["csv", "xml", "xlsx", "unknown"]),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  tables: z.array(z.string()),
  year: z.string().optional(),
  problem: z.string().optional(),
  /** Tables or sheets of the file read but not imported (an Annex A sheet no list's headings fit, list 11), and why. */
  not_imported: z.array(z.object({ table: z.string(), why: z.string() })).optional(),
});
/** See {@link importFileReportSchema}. */
export type ImportFileReport = z.infer<typeof importFileReportSchema>;

/**
 * What an import wrote to one dataset (empty when nothing was written). `deleted` counts the stored
 * records within the return's collection year that the return no longer lists (a statutory return
 * replaces what was stored for its year, decision 130).
 *
 * @example
 * ```ts
 * importWrittenSchema.parse({ dataset: "cla_episodes", received: 5, inserted: 5, updated: 0, unchanged: 0, deleted: 0 }).inserted; // 5
 * ```
 */
export const importWrittenSchema = z.object({
  dataset: z.string(),
  received: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deleted: z.number().int(),
});
/** See {@link importWrittenSchema}. */
export type ImportWritten = z.infer<typeof importWrittenSchema>;

/**
 * The answer of `POST /v1/imports/{kind}`, the same for the CLI and the portal. `outcome`: `clean`
 * (nothing dropped), `partial` (rows dropped, the rest written) or `failed` (nothing written: a whole-file
 * problem, every row of a table dropped, or `strict` with drops). `written` says what each dataset
 * received (empty for a dry run or a failure); `coverage` the collection years the import covers, per
 * dataset.
 *
 * @example
 * ```ts
 * importReportSchema.shape.outcome.parse("partial"); // "partial"
 * ```
 */
export const importReportSchema = z.object({
  kind: z.enum(importKinds),
  outcome: z.enum(["clean", "partial", "failed"]),
  dry_run: z.boolean(),
  strict: z.boolean(),
  written: z.array(importWrittenSchema),
  message: z.string(),
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
  files: z.array(importFileReportSchema),
  tables: z.array(importTableReportSchema),
  coverage: z.array(z.object({ dataset: z.string(), year: z.string(), from: z.string(), to: z.string() })),
});
/** See {@link importReportSchema}. */
export type ImportReport = z.infer<typeof importReportSchema>;
