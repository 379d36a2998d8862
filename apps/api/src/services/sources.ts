import { randomUUID } from "node:crypto";
import {
  type CoverageSource,
  type DatasetName,
  type DateSpan,
  datasetNames,
  datasets,
  describeSpan,
  hullOfSpans,
  type SourceKind,
} from "@kpi/catalogue";
import { addDays, formatDisplayDate } from "@kpi/core";
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../db/database.js";
import { sources } from "../db/schema.js";
import { ApiError } from "../errors.js";

/**
 * What a batch says its records are complete for (the records post's query): a period (`statutory`
 * or `declared`), or an extract as at a date with the date its history starts.
 */
export type CoverageDeclaration =
  | {
      readonly kind: "statutory" | "declared";
      readonly from: string;
      readonly to: string;
      readonly name?: string;
    }
  | {
      readonly kind: "extract";
      readonly asOf: string;
      readonly historyFrom?: string;
      readonly name?: string;
    };

/** A current source as `GET /v1/datasets` lists it: the source, with its batch and who sent it. */
export interface StoredSource extends CoverageSource {
  readonly batch_id: string | null;
  readonly actor: string;
}

/**
 * The declaration in a records post's query, or `undefined` when the batch declares nothing (the
 * query schema has already checked that the parameters hold together).
 *
 * @param query - the parsed query
 * @returns the declaration
 * @example
 * ```ts
 * declarationOf({ covers_from: "2018-04-01", covers_to: "2019-03-31", source_kind: "statutory" });
 * // { kind: "statutory", from: "2018-04-01", to: "2019-03-31" }
 * ```
 */
export function declarationOf(query: {
  covers_from?: string | undefined;
  covers_to?: string | undefined;
  as_of?: string | undefined;
  history_from?: string | undefined;
  source_name?: string | undefined;
  source_kind?: "statutory" | "declared" | undefined;
}): CoverageDeclaration | undefined {
  const name = query.source_name === undefined ? {} : { name: query.source_name };
  if (query.covers_from !== undefined && query.covers_to !== undefined)
    return { kind: query.source_kind ?? "declared", from: query.covers_from, to: query.covers_to, ...name };
  if (query.as_of !== undefined)
    return {
      kind: "extract",
      asOf: query.as_of,
      ...(query.history_from === undefined ? {} : { historyFrom: query.history_from }),
      ...name,
    };
  return undefined;
}

/**
 * Refuses a declaration for a dataset that has no date coverage (children, populations, benchmarks,
 * observations), naming the parameter.
 *
 * @param dataset - the dataset posted to
 * @param declaration - the declaration, if any
 * @throws ApiError `validation_failed` for an undated dataset
 * @example
 * ```ts
 * checkDeclaration("contacts", { kind: "declared", from: "2019-04-01", to: "2019-06-30" }); // passes
 * ```
 */
export function checkDeclaration(dataset: DatasetName, declaration: CoverageDeclaration | undefined): void {
  if (declaration === undefined || datasets[dataset].dating.kind !== "undated") return;
  const field = declaration.kind === "extract" ? "as_of" : "covers_from";
  throw new ApiError(
    "validation_failed",
    `${dataset} has no date coverage, so a batch of it cannot declare one`,
    {
      issues: [{ field, message: `${dataset} is not dated: post it without a coverage` }],
      issueCount: 1,
    },
  );
}

/**
 * The SQL condition "the stored record `r` is within this span" for a dataset, from the registry's
 * dating (the same rule as the catalogue's `isWithinSpan`): ranges overlapping it, events and
 * snapshots dated in it by their placing date.
 *
 * @param dataset - a dated dataset
 * @param span - the span
 * @returns the condition on `r.data`
 * @throws Error for an undated dataset (programmer error: {@link checkDeclaration} refuses those)
 * @example
 * ```ts
 * sql`DELETE FROM records r WHERE ${withinSpanSql("contacts", { from: "2019-04-01", to: "2019-06-30" })}`;
 * ```
 */
export function withinSpanSql(dataset: DatasetName, span: DateSpan): SQL {
  const dating = datasets[dataset].dating;
  switch (dating.kind) {
    case "ranges":
      return sql`(r.data->>${dating.start} <= ${span.to} AND (r.data->>${dating.end} IS NULL OR r.data->>${dating.end} >= ${span.from}))`;
    case "events":
    case "snapshots":
      return sql`(r.data->>${dating.field} BETWEEN ${span.from} AND ${span.to})`;
    case "undated":
      throw new Error(`withinSpanSql: ${dataset} has no date coverage`);
  }
}

/**
 * The guard that keeps later knowledge of a range's end (decision 130): a batch declaring coverage up
 * to `to` cannot know that a range it reports open (no `end_date`) closed after `to`, so a stored range
 * that a later source closed after `to` is not reopened by it. Append to the upsert's `DO UPDATE …
 * WHERE`; empty for other datasets or without a declaration.
 *
 * @param dataset - the dataset posted to
 * @param declaration - the batch's declaration, if any
 * @returns `AND NOT (…)` on `records` (stored) and `excluded` (incoming), or nothing
 * @example
 * ```ts
 * sql`… WHERE records.data IS DISTINCT FROM excluded.data${laterEndGuardSql("cla_episodes", declaration)}`;
 * ```
 */
export function laterEndGuardSql(dataset: DatasetName, declaration: CoverageDeclaration | undefined): SQL {
  const dating = datasets[dataset].dating;
  if (declaration === undefined || dating.kind !== "ranges") return sql``;
  const to = declaration.kind === "extract" ? declaration.asOf : declaration.to;
  return sql` AND NOT (excluded.data->>${dating.end} IS NULL AND records.data->>${dating.end} > ${to})`;
}

/** The span a declaration vouches for, given what the batch's own records infer. */
function declaredSpan(declaration: CoverageDeclaration, inferred: DateSpan | null): DateSpan {
  if (declaration.kind !== "extract") return { from: declaration.from, to: declaration.to };
  const from = declaration.historyFrom ?? inferred?.from ?? declaration.asOf;
  // An extract's records all dated after its as-of date vouch for no earlier day than that date.
  if (from > declaration.asOf) return { from: declaration.asOf, to: declaration.asOf };
  return { from, to: declaration.asOf };
}

/**
 * The span within which `mode=replace` replaces the dataset's records: the declared span, or `null`
 * (the whole dataset) without a declaration.
 *
 * @param declaration - the batch's declaration, if any
 * @param inferred - the span the batch's records infer
 * @returns the span, or `null`
 * @example
 * ```ts
 * replaceSpan({ kind: "extract", asOf: "2019-09-30", historyFrom: "2015-04-01" }, null);
 * // { from: "2015-04-01", to: "2019-09-30" }
 * ```
 */
export function replaceSpan(
  declaration: CoverageDeclaration | undefined,
  inferred: DateSpan | null,
): DateSpan | null {
  return declaration === undefined ? null : declaredSpan(declaration, inferred);
}

const day = (d: Date) =>
  d.toLocaleDateString("en-GB", {
    timeZone: "Europe/London",
    day: "numeric",
    month: "short",
    year: "numeric",
  });

function defaultName(dataset: DatasetName, kind: SourceKind, span: DateSpan, now: Date): string {
  const title = datasets[dataset].title;
  switch (kind) {
    case "statutory":
      return `${title}: statutory return for ${describeSpan(span)}`;
    case "declared":
      return `${title} for ${describeSpan(span)}`;
    case "extract":
      return `${title}: extract at ${formatDisplayDate(span.to)}`;
    case "inferred":
      return `${datasets[dataset].noun} posted ${day(now)} (inferred)`;
  }
}

type SourceRow = typeof sources.$inferSelect;

function toSource(row: SourceRow): StoredSource {
  return {
    id: row.id,
    dataset: row.dataset as DatasetName,
    kind: row.kind,
    name: row.name,
    from: row.coversFrom,
    to: row.coversTo,
    as_of: row.asOf,
    history_from: row.historyFrom,
    received_at: row.receivedAt.toISOString(),
    batch_id: row.batchId,
    actor: row.actor,
  };
}

const inside = (s: DateSpan, outer: DateSpan) => s.from >= outer.from && s.to <= outer.to;
/** Whether two spans overlap or meet (one ends the day before the other starts). */
const touching = (a: DateSpan, b: DateSpan) => a.from <= addDays(b.to, 1) && b.from <= addDays(a.to, 1);

/** What {@link recordBatchSource} did. */
export interface RecordedSource {
  /** The source the batch now stands for, or `null` (nothing dated to vouch for). */
  readonly source: CoverageSource | null;
  /** Whether the organisation's sources changed (a source added or superseded). */
  readonly changed: boolean;
}

/**
 * Records, inside the batch's transaction, the coverage a batch brings (decision 130):
 * - with a declaration: a source of its kind for the declared span (an extract from `history_from`,
 *   or the earliest date its records infer, to `as_of`), superseding the dataset's current sources
 *   whose span lies inside it;
 * - without one: an `inferred` source for the span its records infer (`inferCoverage`), joined with
 *   the current inferred sources it overlaps or meets (never across a gap); `mode=replace` without a
 *   declaration makes the batch the whole dataset, so it supersedes every current source.
 * A batch that changed no record and repeats what a current source already says (the same
 * declaration, or an inferred span inside a current inferred one) records nothing new: loading the
 * same return twice changes nothing. Undated datasets have no sources.
 *
 * @param tx - the batch's transaction
 * @param input - organisation, dataset, batch, sender, mode, declaration, the span the batch's
 *   records infer, and whether it changed any record
 * @returns the source recorded (or reused) and whether anything changed
 * @example
 * ```ts
 * const { source } = await recordBatchSource(tx, { organisationId, dataset: "cla_episodes", batchId,
 *   actor: "ssda903-import", mode: "replace", inferred: span, recordsChanged: true,
 *   declaration: { kind: "statutory", from: "2018-04-01", to: "2019-03-31", name: "SSDA903 return 2018-19" } });
 * ```
 */
export async function recordBatchSource(
  tx: Tx,
  input: {
    readonly organisationId: string;
    readonly dataset: DatasetName;
    readonly batchId: string;
    readonly actor: string;
    readonly mode: "upsert" | "replace";
    readonly declaration: CoverageDeclaration | undefined;
    readonly inferred: DateSpan | null;
    readonly recordsChanged: boolean;
  },
): Promise<RecordedSource> {
  const { organisationId, dataset, declaration } = input;
  if (datasets[dataset].dating.kind === "undated") return { source: null, changed: false };
  const current = (
    await tx
      .select()
      .from(sources)
      .where(
        and(
          eq(sources.organisationId, organisationId),
          eq(sources.dataset, dataset),
          isNull(sources.supersededBy),
        ),
      )
      .orderBy(asc(sources.coversFrom), asc(sources.id))
  ).map(toSource);
  const now = new Date();

  let kind: SourceKind;
  let span: DateSpan | null;
  let superseded: StoredSource[];
  if (declaration !== undefined) {
    kind = declaration.kind;
    span = declaredSpan(declaration, input.inferred);
    const name = declaration.name ?? defaultName(dataset, kind, span, now);
    const same = current.find(
      (s) =>
        s.kind === kind &&
        s.name === name &&
        s.from === span?.from &&
        s.to === span.to &&
        s.as_of === (declaration.kind === "extract" ? declaration.asOf : null) &&
        s.history_from === (declaration.kind === "extract" ? (declaration.historyFrom ?? null) : null),
    );
    if (same !== undefined && !input.recordsChanged) return { source: publicOf(same), changed: false };
    superseded = current.filter((s) => span !== null && inside(s, span));
    return insertSource(tx, input, { kind, name, span, superseded, declaration });
  }

  span = input.inferred;
  if (input.mode === "replace") superseded = current;
  else {
    if (span === null) return { source: null, changed: false };
    const holding = current.find((s) => s.kind === "inferred" && span !== null && inside(span, s));
    if (holding !== undefined && !input.recordsChanged) return { source: publicOf(holding), changed: false };
    superseded = current.filter((s) => s.kind === "inferred" && span !== null && touching(s, span));
    for (const s of superseded) span = hullOfSpans(span, s);
  }
  if (span === null) {
    await supersede(tx, superseded, input.batchId, now);
    return { source: null, changed: superseded.length > 0 };
  }
  const name =
    superseded.some((s) => s.kind === "inferred") && input.mode === "upsert"
      ? `${datasets[dataset].noun} posted up to ${day(now)} (inferred)`
      : defaultName(dataset, "inferred", span, now);
  return insertSource(tx, input, { kind: "inferred", name, span, superseded, declaration: undefined });
}

function publicOf(s: StoredSource): CoverageSource {
  const { batch_id: _batch, actor: _actor, ...source } = s;
  return source;
}

/** Marks sources as superseded by a batch (kept for the record, no longer part of the coverage). */
async function supersede(tx: Tx, old: readonly StoredSource[], batchId: string, at: Date): Promise<void> {
  if (old.length === 0) return;
  await tx
    .update(sources)
    .set({ supersededBy: batchId, supersededAt: at })
    .where(
      inArray(
        sources.id,
        old.map((s) => s.id),
      ),
    );
}

async function insertSource(
  tx: Tx,
  input: { organisationId: string; dataset: DatasetName; batchId: string; actor: string },
  what: {
    kind: SourceKind;
    name: string;
    span: DateSpan;
    superseded: readonly StoredSource[];
    declaration: CoverageDeclaration | undefined;
  },
): Promise<RecordedSource> {
  const id = randomUUID();
  const extract = what.declaration?.kind === "extract" ? what.declaration : undefined;
  const [row] = await tx
    .insert(sources)
    .values({
      id,
      organisationId: input.organisationId,
      dataset: input.dataset,
      kind: what.kind,
      name: what.name,
      coversFrom: what.span.from,
      coversTo: what.span.to,
      asOf: extract?.asOf ?? null,
      historyFrom: extract === undefined ? null : what.span.from,
      batchId: input.batchId,
      actor: input.actor,
    })
    .returning();
  if (row === undefined) throw new Error("The source was not stored");
  await supersede(tx, what.superseded, input.batchId, row.receivedAt);
  return { source: publicOf(toSource(row)), changed: true };
}

/**
 * The organisation's current sources (not superseded), of every dataset or one: what its records are
 * complete for, in dataset order and then oldest span first.
 *
 * @param db - database or transaction
 * @param organisationId - whose sources (never another organisation's)
 * @param dataset - only this dataset, when given
 * @returns the sources, with their batch and sender
 * @example
 * ```ts
 * (await currentSources(db, "default")).map((s) => [s.dataset, s.from, s.to]);
 * ```
 */
export async function currentSources(
  db: Queryable,
  organisationId: string,
  dataset?: DatasetName,
): Promise<StoredSource[]> {
  const rows = await db
    .select()
    .from(sources)
    .where(
      and(
        eq(sources.organisationId, organisationId),
        isNull(sources.supersededBy),
        dataset === undefined ? undefined : eq(sources.dataset, dataset),
      ),
    )
    .orderBy(asc(sources.coversFrom), asc(sources.id));
  const order = (d: string) => datasetNames.indexOf(d as DatasetName);
  return rows.map(toSource).sort((a, b) => order(a.dataset) - order(b.dataset));
}
