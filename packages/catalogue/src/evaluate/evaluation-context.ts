import {
  addMonths,
  ageOn,
  createWorkingDayCalendar,
  type IsoDate,
  type WorkingDayCalendar,
  type WorkingDayOptions,
} from "@kpi/core";
import { datasets, isLeftOutOfFigures, type RangedDataset, rangeFieldsOf } from "../datasets/registry.js";
import type { DatasetName, DatasetRecords, RecordOf } from "../datasets/schemas.js";
import { createDatedIndex, type DatedIndex } from "./dated-index.js";
import { buildPeriodsOfCare, type PeriodsOfCare } from "./periods-of-care.js";
import { populationForFinancialYear } from "./population.js";
import { createStockIndex, type StockIndex } from "./stock-index.js";

/** A field of dataset `D` holding a date (or any text field; only dates make sense). */
export type DateFieldOf<D extends DatasetName> = {
  [K in keyof RecordOf<D>]: RecordOf<D>[K] extends string | null ? K : never;
}[keyof RecordOf<D>] &
  string;

/** A closed range of dates. */
export interface DateRange {
  /** First day, included. */
  readonly start: IsoDate;
  /** Last day, included. */
  readonly end: IsoDate;
}

/** Settings of an {@link EvaluationContext}. */
export interface EvaluationSettings {
  /** Maximum caseload before a worker counts as over target (default 20). */
  readonly caseloadTarget: number;
  /** Confidence level of intervals (default 0.95). */
  readonly confidence: number;
  /** Bank-holiday division and extra non-working days for working-day durations. */
  readonly workingDays?: WorkingDayOptions;
}

/**
 * What every formula reads records through: indexes built once (lazily, on first use) and shared by
 * all indicators of one evaluator, so a window is found by binary search and per-child structures such
 * as periods of care are built once. Every dataset is read without the records the registry says no
 * figure counts (`leftOutOfFigures`: care episodes that are short breaks, `V3` and `V4`).
 *
 * @example
 * ```ts
 * const ctx = createEvaluationContext({ contacts: [] }, { caseloadTarget: 20, confidence: 0.95 });
 * ctx.flow("contacts", "contact_date", { start: "2019-07-01", end: "2019-09-30" }).length; // 0
 * ```
 */
export interface EvaluationContext {
  /** The settings. */
  readonly settings: EvaluationSettings;
  /** Every record of a dataset that figures count (without the registry's `leftOutOfFigures`). */
  records<D extends DatasetName>(dataset: D): readonly RecordOf<D>[];
  /** The dataset's records sorted by a date field (records without it left out). */
  index<D extends DatasetName>(dataset: D, field: DateFieldOf<D>): DatedIndex<RecordOf<D>>;
  /** Records whose date field lies in the range (both ends included), oldest first. */
  flow<D extends DatasetName>(dataset: D, field: DateFieldOf<D>, range: DateRange): readonly RecordOf<D>[];
  /**
   * Records open at the end of day D, by the registry's range fields: start ≤ D and (end null or
   * `> D`).
   */
  openAt<D extends RangedDataset>(dataset: D, date: IsoDate): RecordOf<D>[];
  /** The stock index of a ranged dataset (earliest start, open-at queries). */
  stock<D extends RangedDataset>(dataset: D): StockIndex<RecordOf<D>>;
  /** Each child's records of a dataset, sorted by a date field. */
  perChild<D extends DatasetName>(
    dataset: D,
    field: DateFieldOf<D>,
  ): ReadonlyMap<string, readonly RecordOf<D>[]>;
  /** Periods of care, built once. */
  periodsOfCare(): PeriodsOfCare;
  /** A child's date of birth, `null` when the child or the date is not known. */
  dateOfBirth(childId: string): IsoDate | null;
  /** Working days after `start` up to and including `end` (same day 0); remembered per pair of dates. */
  workingDaysBetween(start: IsoDate, end: IsoDate): number;
  /** Whole years of age on a date (`ageOn`), remembered per (date of birth, date). */
  ageOn(dateOfBirth: IsoDate, date: IsoDate): number;
  /** `addMonths` with date-fns semantics, remembered per (date, months): formulas call it per record. */
  addMonths(date: IsoDate, months: number): IsoDate;
  /** The 0–17 population used for a financial year, or `null`. */
  population(fyStartYear: number): { year: number; count: number } | null;
  /** Compute once per key and keep the result for later calls (per evaluator). */
  memo<T>(key: string, compute: () => T): T;
  /**
   * A yes/no property of one record that does not depend on the window (e.g. "decided within 1 working
   * day", "a re-referral"), computed once per record and name however many windows ask for it.
   */
  flag<R extends object>(name: string, record: R, test: (record: R) => boolean): boolean;
}

/**
 * Build the shared context of one evaluator over a snapshot of records. Nothing is indexed until a
 * formula asks for it, and nothing is indexed twice.
 *
 * @param records - one array per dataset; missing datasets count as empty
 * @param settings - caseload target, confidence and working-day options
 * @returns the context
 * @example
 * ```ts
 * const ctx = createEvaluationContext(
 *   { cp_plans: [{ plan_id: "P1", child_id: "C1", start_date: "2019-05-01", end_date: null,
 *     initial_category: "NEG", latest_category: "NEG", previous_plans: null }] },
 *   { caseloadTarget: 20, confidence: 0.95 },
 * );
 * ctx.openAt("cp_plans", "2019-09-30").length; // 1
 * ```
 */
export function createEvaluationContext(
  records: Partial<DatasetRecords>,
  settings: EvaluationSettings,
): EvaluationContext {
  const cache = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute();
    cache.set(key, value);
    return value;
  };
  let calendar: WorkingDayCalendar | null = null;
  const flags = new Map<string, WeakMap<object, boolean>>();
  const durations = new Map<IsoDate, Map<IsoDate, number>>();
  const shifted = new Map<number, Map<IsoDate, IsoDate>>();
  const ages = new Map<IsoDate, Map<IsoDate, number>>();

  const ctx: EvaluationContext = {
    settings,
    records<D extends DatasetName>(dataset: D): readonly RecordOf<D>[] {
      const all = (records[dataset] ?? []) as readonly RecordOf<D>[];
      if (datasets[dataset].leftOutOfFigures === null) return all;
      return memo(`records:${dataset}`, () => all.filter((r) => !isLeftOutOfFigures(dataset, r)));
    },
    index(dataset, field) {
      return memo(`index:${dataset}.${field}`, () =>
        createDatedIndex(
          ctx.records(dataset),
          (r) => (r as Record<string, unknown>)[field] as IsoDate | null,
        ),
      );
    },
    flow(dataset, field, range) {
      return ctx.index(dataset, field).between(range.start, range.end);
    },
    stock<D extends RangedDataset>(dataset: D): StockIndex<RecordOf<D>> {
      return memo(`stock:${dataset}`, () => {
        const { start, end } = rangeFieldsOf(dataset);
        return createStockIndex(
          ctx.records(dataset),
          (r) => (r as Record<string, unknown>)[start] as IsoDate,
          (r) => (r as Record<string, unknown>)[end] as IsoDate | null,
        );
      });
    },
    openAt(dataset, date) {
      return ctx.stock(dataset).openAt(date);
    },
    perChild(dataset, field) {
      return memo(`perChild:${dataset}.${field}`, () => {
        const out = new Map<string, RecordOf<typeof dataset>[]>();
        for (const r of ctx.index(dataset, field).sorted) {
          const child = (r as { child_id?: string }).child_id;
          if (child === undefined) continue;
          const list = out.get(child);
          if (list) list.push(r);
          else out.set(child, [r]);
        }
        return out;
      });
    },
    periodsOfCare() {
      return memo("periodsOfCare", () => buildPeriodsOfCare(ctx.records("cla_episodes")));
    },
    dateOfBirth(childId) {
      const births = memo("births", () => {
        const m = new Map<string, IsoDate | null>();
        for (const c of ctx.records("children")) m.set(c.child_id, c.date_of_birth);
        return m;
      });
      return births.get(childId) ?? null;
    },
    workingDaysBetween(start, end) {
      // Two-level cache keyed by the records' own date strings (no key strings are built).
      let ends = durations.get(start);
      if (ends === undefined) {
        ends = new Map();
        durations.set(start, ends);
      }
      let n = ends.get(end);
      if (n === undefined) {
        if (calendar === null) calendar = createWorkingDayCalendar(settings.workingDays);
        n = calendar.workingDaysBetween(start, end);
        ends.set(end, n);
      }
      return n;
    },
    ageOn(dateOfBirth, date) {
      let byDate = ages.get(date);
      if (byDate === undefined) {
        byDate = new Map();
        ages.set(date, byDate);
      }
      let age = byDate.get(dateOfBirth);
      if (age === undefined) {
        age = ageOn(dateOfBirth, date);
        byDate.set(dateOfBirth, age);
      }
      return age;
    },
    addMonths(date, months) {
      let dates = shifted.get(months);
      if (dates === undefined) {
        dates = new Map();
        shifted.set(months, dates);
      }
      let d = dates.get(date);
      if (d === undefined) {
        d = addMonths(date, months);
        dates.set(date, d);
      }
      return d;
    },
    population(fyStartYear) {
      return memo(`population:${fyStartYear}`, () =>
        populationForFinancialYear(ctx.records("populations"), fyStartYear),
      );
    },
    memo,
    flag(name, record, test) {
      let known = flags.get(name);
      if (known === undefined) {
        known = new WeakMap();
        flags.set(name, known);
      }
      let v = known.get(record);
      if (v === undefined) {
        v = test(record);
        known.set(record, v);
      }
      return v;
    },
  };
  return ctx;
}
