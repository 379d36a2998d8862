import type { IsoDate } from "@kpi/core";
import { datasets } from "../datasets/registry.js";
import type { DatasetName } from "../datasets/schemas.js";
import type { DateSpan } from "./date-spans.js";

const dateOf = (record: object, field: string): IsoDate | null =>
  ((record as Record<string, unknown>)[field] as IsoDate | null | undefined) ?? null;

/**
 * Whether a record lies within a span of dates by its dataset's dating (the registry's `dating`):
 * an event or snapshot when its placing date is in the span, a range when it is open on at least one
 * day of the span (`start_date` ≤ `to` and `end_date` null or ≥ `from`). Records of undated datasets
 * are never within a span. This is what a source covering the span vouches for, and what
 * `mode=replace` with a declared coverage replaces.
 *
 * @param dataset - the record's dataset
 * @param record - a validated record
 * @param span - the span
 * @returns whether the record is within it
 * @example
 * ```ts
 * const year = { from: "2018-04-01", to: "2019-03-31" };
 * isWithinSpan("cla_episodes", { start_date: "2017-06-01", end_date: "2018-04-01" }, year); // true
 * isWithinSpan("cla_episodes", { start_date: "2017-06-01", end_date: "2018-03-31" }, year); // false
 * isWithinSpan("contacts", { contact_date: "2019-03-31", decision_date: "2019-04-01" }, year); // true
 * isWithinSpan("children", { child_id: "C1" }, year); // false
 * ```
 */
export function isWithinSpan(dataset: DatasetName, record: object, span: DateSpan): boolean {
  const dating = datasets[dataset].dating;
  switch (dating.kind) {
    case "undated":
      return false;
    case "ranges": {
      const start = dateOf(record, dating.start);
      const end = dateOf(record, dating.end);
      return start !== null && start <= span.to && (end === null || end >= span.from);
    }
    case "events":
    case "snapshots": {
      const d = dateOf(record, dating.field);
      return d !== null && d >= span.from && d <= span.to;
    }
  }
}
