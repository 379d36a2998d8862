import { isIsoDate } from "@kpi/core";
import { z } from "zod";
import { storedText } from "./stored-text.js";

const datasetParam = storedText().max(100);
/** A date in the query, `YYYY-MM-DD` (stored text first, so a NUL is refused as everywhere else). */
const queryDate = storedText().refine(isIsoDate, "must be a date such as 2019-09-30");

/**
 * The path of `POST /v1/datasets/{dataset}/records`. Any name up to 100 characters passes: an unknown
 * dataset is answered `404 not_found`, not `422`.
 *
 * @example
 * ```ts
 * recordsParamsSchema.parse({ dataset: "children" }).dataset; // "children"
 * ```
 */
export const recordsParamsSchema = z.object({ dataset: datasetParam });
/** See {@link recordsParamsSchema}. */
export type RecordsParams = z.infer<typeof recordsParamsSchema>;

/**
 * The query of a records post: `mode=upsert` (default) or `mode=replace`, and optionally what the
 * batch's records are complete for (its coverage). Query parameters, so a CSV or NDJSON body needs
 * nothing new:
 * - `covers_from` and `covers_to` (both, `YYYY-MM-DD`): the records are complete for those days
 *   (`source_kind` `declared`, the default, or `statutory` for a statutory return's collection year);
 * - `as_of` (and optionally `history_from`): an extract as at a date, complete from the date its
 *   history starts (without `history_from`, from the earliest date its records can vouch for);
 * - `source_name`: how staff will see the source ("SSDA903 return 2018-19"); a name is made up when
 *   left out.
 * Without a declaration the batch's coverage is inferred from its records and shown as inferred. With
 * `mode=replace` and a declaration, only the dataset's records within the coverage that are not in the
 * batch are deleted; without one, the batch is the dataset's whole content.
 *
 * @example
 * ```ts
 * recordsQuerySchema.parse({}).mode; // "upsert"
 * recordsQuerySchema.safeParse({ mode: "delete" }).success; // false
 * recordsQuerySchema.parse({ mode: "replace", covers_from: "2018-04-01", covers_to: "2019-03-31" }).covers_to; // "2019-03-31"
 * recordsQuerySchema.safeParse({ covers_from: "2018-04-01" }).success; // false
 * recordsQuerySchema.safeParse({ as_of: "2019-09-30", covers_from: "2019-04-01", covers_to: "2019-09-30" }).success; // false
 * ```
 */
export const recordsQuerySchema = z
  .object({
    mode: z.enum(["upsert", "replace"]).default("upsert"),
    covers_from: queryDate.optional().describe("First day the batch's records are complete for"),
    covers_to: queryDate.optional().describe("Last day the batch's records are complete for"),
    as_of: queryDate.optional().describe("The date an extract is as at (its last complete day)"),
    history_from: queryDate.optional().describe("The first day of an extract's history (with as_of)"),
    source_name: storedText().min(1).max(200).optional().describe("The source's name as staff read it"),
    source_kind: z
      .enum(["statutory", "declared"])
      .optional()
      .describe("With covers_from/covers_to: a statutory return, or a declared period (default)"),
  })
  .superRefine((q, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const covers = q.covers_from !== undefined || q.covers_to !== undefined;
    if (covers && (q.covers_from === undefined || q.covers_to === undefined))
      issue(
        q.covers_from === undefined ? "covers_from" : "covers_to",
        "send covers_from and covers_to together",
      );
    if (q.covers_from !== undefined && q.covers_to !== undefined && q.covers_from > q.covers_to)
      issue("covers_to", "must not be before covers_from");
    if (covers && q.as_of !== undefined)
      issue("as_of", "declare either covers_from/covers_to or as_of, not both");
    if (q.history_from !== undefined && q.as_of === undefined)
      issue("history_from", "history_from goes with as_of (an extract's history)");
    if (q.history_from !== undefined && q.as_of !== undefined && q.history_from > q.as_of)
      issue("history_from", "must not be after as_of");
    if (q.source_kind !== undefined && !covers)
      issue("source_kind", "source_kind goes with covers_from/covers_to");
    if (q.source_name !== undefined && !covers && q.as_of === undefined)
      issue("source_name", "source_name names a declared coverage: send covers_from/covers_to or as_of too");
  });
/** The query as sent (mode optional); see {@link recordsQuerySchema}. */
export type RecordsQuery = z.input<typeof recordsQuerySchema>;

/**
 * What a records post declares its records complete for, as a script states it: a period (`from`–`to`;
 * `kind` `statutory` for a statutory return's collection year, `declared` by default), or an extract
 * as at a date (`asOf`) whose history starts on `historyFrom`; `name` is how staff see the source.
 */
export type CoverageDeclaration =
  | {
      readonly from: string;
      readonly to: string;
      readonly kind?: "statutory" | "declared";
      readonly name?: string;
    }
  | { readonly asOf: string; readonly historyFrom?: string; readonly name?: string };

/**
 * The query parameters of a records post that declare a coverage (see {@link recordsQuerySchema}).
 *
 * @param coverage - the declaration
 * @returns parameter → value, in the order the contract lists them
 * @example
 * ```ts
 * coverageQuery({ from: "2018-04-01", to: "2019-03-31", kind: "statutory", name: "SSDA903 return 2018-19" });
 * // { covers_from: "2018-04-01", covers_to: "2019-03-31", source_kind: "statutory", source_name: "SSDA903 return 2018-19" }
 * coverageQuery({ asOf: "2019-09-30" }); // { as_of: "2019-09-30" }
 * ```
 */
export function coverageQuery(coverage: CoverageDeclaration): Record<string, string> {
  const name = coverage.name === undefined ? {} : { source_name: coverage.name };
  if ("asOf" in coverage)
    return {
      as_of: coverage.asOf,
      ...(coverage.historyFrom === undefined ? {} : { history_from: coverage.historyFrom }),
      ...name,
    };
  return {
    covers_from: coverage.from,
    covers_to: coverage.to,
    ...(coverage.kind === undefined ? {} : { source_kind: coverage.kind }),
    ...name,
  };
}

/**
 * The headers of a records post the API reads besides content type and length: an optional
 * `Idempotency-Key` of 1–200 printable ASCII characters that makes a retry safe.
 *
 * @example
 * ```ts
 * recordsHeadersSchema.safeParse({ "idempotency-key": "run-1:batch-0" }).success; // true
 * recordsHeadersSchema.safeParse({ "idempotency-key": "" }).success; // false
 * ```
 */
export const recordsHeadersSchema = z.looseObject({
  "idempotency-key": z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, "use 1–200 printable ASCII characters")
    .optional(),
});
/** See {@link recordsHeadersSchema}. */
export type RecordsHeaders = z.infer<typeof recordsHeadersSchema>;

/**
 * The path of `DELETE /v1/datasets/{dataset}/records/{key}`: the record's key as posted (raw
 * identifiers, `|` between key parts).
 *
 * @example
 * ```ts
 * recordParamsSchema.parse({ dataset: "cp_plans", key: "C1|2019-04-01" }).key; // "C1|2019-04-01"
 * ```
 */
export const recordParamsSchema = z.object({ dataset: datasetParam, key: storedText().min(1).max(1000) });
/** See {@link recordParamsSchema}. */
export type RecordParams = z.infer<typeof recordParamsSchema>;
