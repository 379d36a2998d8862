import type { IsoDate } from "@kpi/core";
import type { DataNeed } from "../coverage/data-need.js";
import type { RangedDataset } from "../datasets/registry.js";
import type { DatasetName, RecordOf } from "../datasets/schemas.js";
import { createDatedIndex } from "./dated-index.js";
import type { DateFieldOf, DateRange, EvaluationContext } from "./evaluation-context.js";
import type { Formula, FormulaResult } from "./formula.js";
import { createTally } from "./tally.js";

/**
 * A test of one member of a formula's cohort. It may read the evaluator's context (working days, other
 * records of the child) and the window (for a stock, `range.end` is the date D). A flow's tests should
 * not depend on the window, so that a member is counted the same way in every window it falls in.
 */
export type MemberTest<T> = (member: T, ctx: EvaluationContext, range: DateRange) => boolean;

/** What a {@link cohortFormula} counts: who is in the cohort of a window, and which of them count. */
export interface CohortSpec<T extends object> {
  /** `count`: members in the denominator, each 1 when it passes `inNumerator`; `proportion`: their share. */
  readonly measure: "count" | "proportion";
  /** The dataset whose records are counted (breakdown labels). */
  readonly dataset: DatasetName;
  /** What the formula reads and the days it needs (see {@link Formula.reads}). */
  readonly reads: readonly DataNeed[];
  /** Completes "No value: …" when nothing is counted. */
  readonly empty: string;
  /** The members of the window's cohort, in the order they are added. */
  readonly members: (ctx: EvaluationContext, range: DateRange) => Iterable<T>;
  /** The record whose fields a breakdown reads (default: the member itself). */
  readonly recordOf?: (member: T) => object;
  /**
   * Members whose age cannot be known: left out of the counts and reported as `leftOutNoBirthDate`
   * (given only when the measure depends on age; the count is then always reported, 0 included).
   */
  readonly birthUnknown?: (member: T) => boolean;
  /** Which members count below the line (default: all). */
  readonly inDenominator?: MemberTest<T>;
  /** Which of those count above it (default: all). */
  readonly inNumerator?: MemberTest<T>;
}

const everyone = (): boolean => true;

/**
 * The shape every counting formula shares: for each member of the window's cohort that is in the
 * denominator, add 1 or 0 to the numerator. The other shapes of this module only say who the cohort is.
 *
 * @param spec - the measure, dataset, dating, empty phrase, cohort and tests
 * @returns the formula
 * @example
 * ```ts
 * const f = cohortFormula({
 *   measure: "proportion", dataset: "cla_episodes", reads: [{ dataset: "cla_episodes", days: "window" }],
 *   empty: "no children left care",
 *   members: careLeavingsIn, recordOf: (l) => l.episode,
 *   inNumerator: (l) => l.episode.legal_status === "V2",
 * });
 * f.measure; // "proportion"
 * ```
 */
export function cohortFormula<T extends object>(spec: CohortSpec<T>): Formula {
  const { members, birthUnknown } = spec;
  const recordOf = spec.recordOf ?? ((member: T): object => member);
  const inDenominator = spec.inDenominator ?? everyone;
  const inNumerator = spec.inNumerator ?? everyone;
  return {
    measure: spec.measure,
    dataset: spec.dataset,
    reads: spec.reads,
    empty: spec.empty,
    compute(ctx, range, by): FormulaResult {
      const tally = createTally(by);
      let leftOut = 0;
      for (const m of members(ctx, range)) {
        if (birthUnknown?.(m)) {
          leftOut += 1;
          continue;
        }
        if (inDenominator(m, ctx, range)) tally.add(recordOf(m), inNumerator(m, ctx, range) ? 1 : 0);
      }
      return birthUnknown === undefined ? { tally } : { tally, leftOutNoBirthDate: leftOut };
    },
  };
}

/** The cohort of a flow: the dataset's records dated in the window. */
function flowOf<D extends DatasetName>(dataset: D, field: DateFieldOf<D>) {
  return {
    dataset,
    reads: [{ dataset, days: "window" }] as const,
    members: (ctx: EvaluationContext, range: DateRange) => ctx.flow(dataset, field, range),
  };
}

/** The cohort of a stock of records: the dataset's records open at D. */
function openOf<D extends RangedDataset>(dataset: D) {
  return {
    dataset,
    reads: [{ dataset, days: "day" }] as const,
    members: (ctx: EvaluationContext, range: DateRange) => ctx.openAt(dataset, range.end),
  };
}

/**
 * A flow count: records of a dataset dated in the window (optionally only those a test keeps).
 *
 * @param dataset - the dataset
 * @param field - the date field that places a record in a window
 * @param empty - completes "No value: …" (used only when the data does not cover the window)
 * @param keep - which records count (default: all)
 * @returns the formula
 * @example
 * ```ts
 * const f = flowCount("contacts", "contact_date", "no contacts were received");
 * f.measure; // "count"
 * ```
 */
export function flowCount<D extends DatasetName>(
  dataset: D,
  field: DateFieldOf<D>,
  empty: string,
  keep: MemberTest<RecordOf<D>> = everyone,
): Formula {
  return cohortFormula({ ...flowOf(dataset, field), measure: "count", empty, inDenominator: keep });
}

/**
 * A flow proportion: of the records dated in the window that are in the denominator, the share that
 * meets the numerator's test.
 *
 * @param dataset - the dataset
 * @param field - the date field that places a record in a window
 * @param empty - completes "No value: …" when the denominator is empty, e.g. `no contacts were decided`
 * @param inDenominator - which records are counted below the line
 * @param inNumerator - which of those are counted above it (it may read the context, e.g. `ctx.flag`)
 * @returns the formula
 * @example
 * ```ts
 * const f = flowProportion("contacts", "contact_date", "no contacts were decided",
 *   (c) => c.level_of_need !== null, (c) => c.level_of_need === 4);
 * f.measure; // "proportion"
 * ```
 */
export function flowProportion<D extends DatasetName>(
  dataset: D,
  field: DateFieldOf<D>,
  empty: string,
  inDenominator: MemberTest<RecordOf<D>>,
  inNumerator: MemberTest<RecordOf<D>>,
): Formula {
  return cohortFormula({
    ...flowOf(dataset, field),
    measure: "proportion",
    empty,
    inDenominator,
    inNumerator,
  });
}

/** The date a record holds in a field, or `null`. */
const dateIn = (record: object, field: string): IsoDate | null =>
  ((record as Record<string, unknown>)[field] as IsoDate | null | undefined) ?? null;

/**
 * Timeliness in working days: of the records dated in the window that are in the denominator and hold
 * both dates, the share whose `to` date is no more than `days` working days after its `from` date
 * (computed once per record, however many windows ask).
 *
 * @param dataset - the dataset
 * @param field - the date field that places a record in a window
 * @param empty - completes "No value: …" when the denominator is empty
 * @param span - the two date fields and the most working days allowed between them
 * @param inDenominator - which records are counted below the line (default: all holding both dates)
 * @returns the formula
 * @example
 * ```ts
 * const f = flowWithinWorkingDays("assessments", "authorised_date", "no assessments were completed",
 *   { from: "start_date", to: "authorised_date", days: 45 });
 * f.reads; // [{ dataset: "assessments", days: "window" }]
 * ```
 */
export function flowWithinWorkingDays<D extends DatasetName>(
  dataset: D,
  field: DateFieldOf<D>,
  empty: string,
  span: { readonly from: DateFieldOf<D>; readonly to: DateFieldOf<D>; readonly days: number },
  inDenominator: MemberTest<RecordOf<D>> = everyone,
): Formula {
  const { from, to, days } = span;
  const flagName = `withinWorkingDays:${dataset}.${from}.${to}:${days}`;
  return flowProportion(
    dataset,
    field,
    empty,
    (r, ctx, range) => dateIn(r, from) !== null && dateIn(r, to) !== null && inDenominator(r, ctx, range),
    (r, ctx) => {
      const start = dateIn(r, from);
      const end = dateIn(r, to);
      return (
        start !== null &&
        end !== null &&
        ctx.flag(flagName, r, () => ctx.workingDaysBetween(start, end) <= days)
      );
    },
  );
}

/**
 * A flow count of distinct children: children with at least one record dated in the window that the
 * test keeps, each counted once and grouped by their first such record.
 *
 * @param dataset - the dataset
 * @param field - the date field that places a record in a window
 * @param empty - completes "No value: …" (used only when the data does not cover the window)
 * @param keep - which records count
 * @returns the formula
 * @example
 * ```ts
 * const f = flowDistinctChildren("missing_episodes", "start_date", "no children went missing",
 *   (m) => m.kind === "missing" && m.from === "care");
 * f.reads; // [{ dataset: "missing_episodes", days: "window" }]
 * ```
 */
export function flowDistinctChildren<D extends DatasetName>(
  dataset: D,
  field: DateFieldOf<D>,
  empty: string,
  keep: MemberTest<RecordOf<D>>,
): Formula {
  return cohortFormula({
    ...flowOf(dataset, field),
    measure: "count",
    empty,
    members(ctx, range) {
      const seen = new Set<string>();
      return ctx.flow(dataset, field, range).filter((r) => {
        const child = (r as { child_id: string }).child_id;
        if (seen.has(child) || !keep(r, ctx, range)) return false;
        seen.add(child);
        return true;
      });
    },
  });
}

/**
 * A stock proportion over records: of the records open at D that are in the denominator, the share
 * that meets the numerator's test (a child with two open records counts twice).
 *
 * @param dataset - a dataset of dated ranges
 * @param empty - completes "No value: …" when no open record is in the denominator
 * @param inDenominator - which open records are counted below the line
 * @param inNumerator - which of those are counted above it
 * @returns the formula
 * @example
 * ```ts
 * const f = stockProportion("cp_plans", "no child protection plans were open",
 *   () => true, (p) => p.latest_category === "NEG");
 * f.reads; // [{ dataset: "cp_plans", days: "day" }]
 * ```
 */
export function stockProportion<D extends RangedDataset>(
  dataset: D,
  empty: string,
  inDenominator: MemberTest<RecordOf<D>>,
  inNumerator: MemberTest<RecordOf<D>>,
): Formula {
  return cohortFormula({ ...openOf(dataset), measure: "proportion", empty, inDenominator, inNumerator });
}

/**
 * A stock proportion over children: of the children with a record open at D (each by their
 * later-started open record), the share whose record meets the test.
 *
 * @param dataset - a dataset of dated ranges
 * @param empty - completes "No value: …" when no child has an open record
 * @param inNumerator - which children (by their open record) are counted above the line
 * @returns the formula
 * @example
 * ```ts
 * const f = stockChildrenProportion("cla_episodes", "no children were looked after",
 *   (e) => e.legal_status === "V2");
 * f.measure; // "proportion"
 * ```
 */
export function stockChildrenProportion<D extends RangedDataset>(
  dataset: D,
  empty: string,
  inNumerator: MemberTest<RecordOf<D>>,
): Formula {
  return cohortFormula({
    measure: "proportion",
    dataset,
    reads: [{ dataset, days: "day" }],
    empty,
    members: (ctx, range) => openPerChildAt(ctx, dataset, range.end).values(),
    inNumerator,
  });
}

/** Numbers each filtered stock formula so indicators sharing it share its per-date results. */
let stockShapes = 0;

/**
 * A stock count of distinct children: children with a record open at D that the test keeps (a child
 * with two such records is grouped by the later-started one).
 *
 * @param dataset - a dataset of dated ranges
 * @param empty - completes "No value: …" (used only when the data starts after D)
 * @param keep - which open records count (default: all)
 * @returns the formula
 * @example
 * ```ts
 * const f = stockDistinctChildren("cp_plans", "no children were subject to a plan");
 * f.reads; // [{ dataset: "cp_plans", days: "day" }]
 * ```
 */
export function stockDistinctChildren<D extends RangedDataset>(
  dataset: D,
  empty: string,
  keep?: (record: RecordOf<D>) => boolean,
): Formula {
  const id = ++stockShapes;
  return cohortFormula({
    measure: "count",
    dataset,
    reads: [{ dataset, days: "day" }],
    empty,
    // Shared by every indicator built on this formula (a count and its rate per 10,000), and without a
    // test by every formula over the same dataset's children.
    members: (ctx, range) =>
      (keep === undefined
        ? openPerChildAt(ctx, dataset, range.end)
        : ctx.memo(`stockChildren:${id}:${range.end}`, () =>
            latestOpenPerChild(ctx.openAt(dataset, range.end), keep),
          )
      ).values(),
  });
}

/**
 * Each child with a record of a ranged dataset open at D, with their later-started open record;
 * computed once per (dataset, date) and shared by every formula that asks.
 *
 * @param ctx - the evaluator's shared indexes
 * @param dataset - a dataset of dated ranges
 * @param date - the date D
 * @returns child id → open record
 * @example
 * ```ts
 * const ctx = createEvaluationContext({ cla_episodes: [] }, { caseloadTarget: 20, confidence: 0.95 });
 * openPerChildAt(ctx, "cla_episodes", "2019-09-30").size; // 0
 * ```
 */
export function openPerChildAt<D extends RangedDataset>(
  ctx: EvaluationContext,
  dataset: D,
  date: IsoDate,
): ReadonlyMap<string, RecordOf<D>> {
  return ctx.memo(`openPerChild:${dataset}:${date}`, () =>
    latestOpenPerChild(ctx.openAt(dataset, date), everyone),
  );
}

/**
 * One open record per child: the one that started last (ties: the later id order is irrelevant, the
 * first met is kept).
 *
 * @param open - records open at a date
 * @param keep - which records are eligible
 * @returns child id → record
 * @example
 * ```ts
 * const open = [{ child_id: "A", start_date: "2019-01-01" }, { child_id: "A", start_date: "2019-05-01" }];
 * latestOpenPerChild(open, () => true).get("A").start_date; // "2019-05-01"
 * ```
 */
export function latestOpenPerChild<R extends { child_id: string; start_date: string }>(
  open: readonly R[],
  keep: (record: R) => boolean,
): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of open) {
    if (!keep(r)) continue;
    const seen = out.get(r.child_id);
    if (seen === undefined || r.start_date > seen.start_date) out.set(r.child_id, r);
  }
  return out;
}

/**
 * Timeliness of activities with a statutory due date: of the activities of one kind due in the
 * window, the share completed on or before the due date.
 *
 * @param kind - the `due_activities` kind
 * @param empty - completes "No value: …", e.g. `no health assessments were due`
 * @returns the formula
 * @example
 * ```ts
 * dueOnTime("health_assessment", "no health assessments were due").reads;
 * // [{ dataset: "due_activities", days: "window" }]
 * ```
 */
export function dueOnTime(kind: RecordOf<"due_activities">["kind"], empty: string): Formula {
  return cohortFormula({
    measure: "proportion",
    dataset: "due_activities",
    reads: [{ dataset: "due_activities", days: "window" }],
    empty,
    // One index per kind, shared by every window, so a window reads only its own kind's activities.
    members: (ctx, range) =>
      ctx
        .memo(`due:${kind}`, () =>
          createDatedIndex(
            ctx.records("due_activities").filter((a) => a.kind === kind),
            (a) => a.due_date,
          ),
        )
        .between(range.start, range.end),
    inNumerator: (a) => a.completed_date !== null && a.completed_date <= a.due_date,
  });
}
