import type { IsoDate } from "@kpi/core";
import { datasets } from "../datasets/registry.js";
import type { DatasetName } from "../datasets/schemas.js";
import type { DateSpan } from "./date-spans.js";

/** Takes records one at a time and says what span they can vouch for (see {@link inferCoverage}). */
export interface CoverageInference {
  /** Add one validated record of the dataset. */
  add(record: object): void;
  /** The inferred span so far, or `null` (no dated record yet, or an undated dataset). */
  span(): DateSpan | null;
}

const dateOf = (record: object, field: string): IsoDate | null => {
  const v = (record as Record<string, unknown>)[field];
  return typeof v === "string" ? v : null;
};

/**
 * A streaming {@link inferCoverage}: the same span, from records added one by one (ingestion infers
 * a batch's coverage while it streams, without holding the records).
 *
 * @param dataset - the dataset the records belong to
 * @returns the accumulator
 * @example
 * ```ts
 * const inference = createCoverageInference("contacts");
 * inference.add({ contact_date: "2019-07-03" });
 * inference.add({ contact_date: "2019-07-01" });
 * inference.span(); // { from: "2019-07-01", to: "2019-07-03" }
 * ```
 */
export function createCoverageInference(dataset: DatasetName): CoverageInference {
  const spec = datasets[dataset];
  const dating = spec.dating;
  let first: IsoDate | null = null; // events/snapshots: earliest placing date; ranges: earliest end
  let firstStart: IsoDate | null = null; // ranges: earliest start (used when none has ended)
  let last: IsoDate | null = null; // latest date of any of the record's date fields
  let known: IsoDate | null = null; // events with `knownUntil`: its latest value
  const later = (d: IsoDate | null) => {
    if (d !== null && (last === null || d > last)) last = d;
  };
  return {
    add(record) {
      switch (dating.kind) {
        case "undated":
          return;
        case "ranges": {
          const start = dateOf(record, dating.start);
          const end = dateOf(record, dating.end);
          if (start !== null && (firstStart === null || start < firstStart)) firstStart = start;
          if (end !== null && (first === null || end < first)) first = end;
          for (const f of spec.dateFields) later(dateOf(record, f));
          return;
        }
        case "events":
        case "snapshots": {
          const d = dateOf(record, dating.field);
          if (d !== null && (first === null || d < first)) first = d;
          later(d);
          if (dating.kind === "events" && dating.knownUntil !== undefined) {
            const k = dateOf(record, dating.knownUntil);
            if (k !== null && (known === null || k > known)) known = k;
          }
          return;
        }
      }
    },
    span() {
      const from = dating.kind === "ranges" ? (first ?? firstStart) : first;
      if (from === null || last === null) return null;
      const to = known !== null && known < last ? known : last;
      return to < from ? null : { from, to };
    },
  };
}

/**
 * The conservative span a set of records can vouch for when nobody said what they cover:
 * - events and snapshots: from the earliest to the latest placing date (the registry's `dating`);
 *   for activities with a due date, no later than the latest completion (later ones are not yet known);
 * - ranges (episodes, plans, flags): from the earliest *end* date — ranges that ended before an
 *   extract's history began are absent, so the earliest closed one is where completeness can begin —
 *   or the earliest start when none has ended, to the latest date of any of their date fields.
 * Undated datasets, and records without dates, give `null`.
 *
 * @param dataset - the dataset
 * @param records - its validated records
 * @returns the inferred span, or `null`
 * @example
 * ```ts
 * inferCoverage("cla_episodes", [
 *   { start_date: "2015-02-01", end_date: null },
 *   { start_date: "2016-01-10", end_date: "2017-05-02" },
 *   { start_date: "2017-05-02", end_date: "2018-04-01" },
 * ]); // { from: "2017-05-02", to: "2018-04-01" }
 * inferCoverage("children", [{ child_id: "C1" }]); // null
 * ```
 */
export function inferCoverage(dataset: DatasetName, records: Iterable<object>): DateSpan | null {
  const inference = createCoverageInference(dataset);
  for (const r of records) inference.add(r);
  return inference.span();
}
