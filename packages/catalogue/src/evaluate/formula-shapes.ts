import type { DatasetName, RecordOf } from "../datasets/schemas.js";
import { createDatedIndex } from "./dated-index.js";
import type { DateFieldOf, RangedDataset } from "./evaluation-context.js";
import type { Formula } from "./formula.js";
import { createTally } from "./tally.js";

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
  keep: (record: RecordOf<D>) => boolean = () => true,
): Formula {
  return {
    measure: "count",
    dataset,
    dated: field,
    empty,
    compute(ctx, range, by) {
      const tally = createTally(by);
      for (const r of ctx.flow(dataset, field, range)) if (keep(r)) tally.add(r, 1);
      return { tally };
    },
  };
}

/**
 * A flow proportion: of the records dated in the window that are in the denominator, the share that
 * meets the numerator's test.
 *
 * @param dataset - the dataset
 * @param field - the date field that places a record in a window
 * @param empty - completes "No value: …" when the denominator is empty, e.g. `no contacts were decided`
 * @param inDenominator - which records are counted below the line
 * @param inNumerator - which of those are counted above it
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
  inDenominator: (record: RecordOf<D>) => boolean,
  inNumerator: (record: RecordOf<D>) => boolean,
): Formula {
  return {
    measure: "proportion",
    dataset,
    dated: field,
    empty,
    compute(ctx, range, by) {
      const tally = createTally(by);
      for (const r of ctx.flow(dataset, field, range))
        if (inDenominator(r)) tally.add(r, inNumerator(r) ? 1 : 0);
      return { tally };
    },
  };
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
 * f.dated; // "start_date"
 * ```
 */
export function flowDistinctChildren<D extends DatasetName>(
  dataset: D,
  field: DateFieldOf<D>,
  empty: string,
  keep: (record: RecordOf<D>) => boolean,
): Formula {
  return {
    measure: "count",
    dataset,
    dated: field,
    empty,
    compute(ctx, range, by) {
      const tally = createTally(by);
      const seen = new Set<string>();
      for (const r of ctx.flow(dataset, field, range)) {
        const child = (r as { child_id: string }).child_id;
        if (seen.has(child) || !keep(r)) continue;
        seen.add(child);
        tally.add(r, 1);
      }
      return { tally };
    },
  };
}

/** Numbers each stock formula so indicators sharing it share its per-date results. */
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
 * f.dated; // null
 * ```
 */
export function stockDistinctChildren<D extends RangedDataset>(
  dataset: D,
  empty: string,
  keep: (record: RecordOf<D>) => boolean = () => true,
): Formula {
  const id = ++stockShapes;
  return {
    measure: "count",
    dataset,
    dated: null,
    empty,
    compute(ctx, range, by) {
      const tally = createTally(by);
      // Shared by every indicator built on this formula (a count and its rate per 10,000).
      const open = ctx.memo(`stockChildren:${id}:${range.end}`, () =>
        latestOpenPerChild(ctx.openAt(dataset, range.end), keep),
      );
      for (const r of open.values()) tally.add(r, 1);
      return { tally };
    },
  };
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
 * dueOnTime("health_assessment", "no health assessments were due").dated; // "due_date"
 * ```
 */
export function dueOnTime(kind: RecordOf<"due_activities">["kind"], empty: string): Formula {
  return {
    measure: "proportion",
    dataset: "due_activities",
    dated: "due_date",
    empty,
    compute(ctx, range, by) {
      // One index per kind, shared by every window, so a window reads only its own kind's activities.
      const index = ctx.memo(`due:${kind}`, () =>
        createDatedIndex(
          ctx.records("due_activities").filter((a) => a.kind === kind),
          (a) => a.due_date,
        ),
      );
      const tally = createTally(by);
      for (const a of index.between(range.start, range.end))
        tally.add(a, a.completed_date !== null && a.completed_date <= a.due_date ? 1 : 0);
      return { tally };
    },
  };
}
