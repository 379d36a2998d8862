import {
  checkPeriodForWindow,
  countEstimate,
  type Estimate,
  financialYearOfDate,
  formatDisplayDate,
  type IndicatorDefinition,
  type IsoDate,
  latestQuarterWithData,
  noValueEstimate,
  proportionEstimate,
  rateEstimate,
  ratioEstimate,
  type Window,
  type WorkingDayOptions,
  windowLabel,
  windowRange,
  withNote,
} from "@kpi/core";
import { codeLabel, datasets } from "../datasets/registry.js";
import type { DatasetName, DatasetRecords, ObservationRecord } from "../datasets/schemas.js";
import { catalogueDefinitions, findIndicator } from "../indicators/catalogue.js";
import { CatalogueError } from "./catalogue-error.js";
import type { Evaluation, GroupEvaluation } from "./evaluation.js";
import { createEvaluationContext, type DateRange, type EvaluationContext } from "./evaluation-context.js";
import type { Formula, FormulaResult } from "./formula.js";
import { observationValue } from "./observations.js";
import type { TallyCell } from "./tally.js";

/** Options of {@link createEvaluator}. */
export interface EvaluatorOptions {
  /** Local indicators (computed from `observations`), listed after the catalogue's. */
  localIndicators?: IndicatorDefinition[];
  /** Maximum caseload before a social worker counts as over target; default 20. */
  caseloadTarget?: number;
  /** Confidence level of intervals; default 0.95. */
  confidence?: number;
  /** Bank-holiday division and extra non-working days for working-day durations. */
  workingDays?: WorkingDayOptions;
}

/**
 * Computes indicators from one organisation's records. Indexes are built once, on first use, and
 * every result is memoised per (indicator, date range, breakdown), so comparisons that re-request the
 * same windows cost nothing.
 */
export interface Evaluator {
  /** The catalogue's definitions followed by the local indicators'. */
  definitions(): IndicatorDefinition[];
  /**
   * An indicator's value for a period and window.
   *
   * @throws CatalogueError `unknown_indicator`, `invalid_period` (a period id of the wrong kind for the
   *   window) or `invalid_breakdown` (a `by` the indicator does not list)
   */
  evaluate(id: string, periodId: string, window: Window, options?: { by?: string }): Evaluation;
  /** The last quarter containing any dated record, or `null` when there are none. */
  latestQuarterWithData(): string | null;
  /** How many records the evaluator holds, over all datasets. */
  recordCount(): number;
}

/** Date fields that say an organisation has data up to a date ("latest with data"). */
const EVENT_DATES: readonly (readonly [DatasetName, string])[] = [
  ["contacts", "contact_date"],
  ["contacts", "decision_date"],
  ["referrals", "referral_date"],
  ["assessments", "start_date"],
  ["assessments", "authorised_date"],
  ["s47_enquiries", "start_date"],
  ["s47_enquiries", "icpc_date"],
  ["cp_plans", "start_date"],
  ["cp_plans", "end_date"],
  ["cin_plans", "start_date"],
  ["cin_plans", "end_date"],
  ["cla_episodes", "start_date"],
  ["cla_episodes", "end_date"],
  ["care_leavers", "as_at_date"],
  ["missing_episodes", "start_date"],
  ["missing_episodes", "end_date"],
  ["vulnerability_flags", "start_date"],
  ["vulnerability_flags", "end_date"],
  ["due_activities", "completed_date"],
  ["workforce", "as_at_date"],
];

const RANGED = new Set<DatasetName>([
  "cp_plans",
  "cin_plans",
  "cla_episodes",
  "vulnerability_flags",
  "missing_episodes",
]);

/** A validated (period, window) request: its dates and the phrases that place a note in time. */
interface Frame {
  range: DateRange;
  flowWhen: string;
  stockWhen: string;
}

/** A copy a caller may change without changing what the evaluator remembers. */
function copyOf(e: Evaluation): Evaluation {
  return {
    ...e,
    range: { ...e.range },
    estimate: { ...e.estimate },
    groups: e.groups === null ? null : e.groups.map((g) => ({ ...g, estimate: { ...g.estimate } })),
    extras: { ...e.extras },
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The dates the data of a formula's dataset covers, for flows by its dated field. */
function coverage(ctx: EvaluationContext, formula: Formula): { first: IsoDate | null; last: IsoDate | null } {
  const ds = formula.dataset;
  if (formula.dated !== null) {
    const idx = ctx.index(ds, formula.dated as never);
    return { first: idx.first, last: idx.last };
  }
  if (RANGED.has(ds)) return { first: ctx.stock(ds as "cp_plans").firstStart, last: null };
  const field =
    ds === "care_leavers" || ds === "workforce" ? "as_at_date" : ds === "referrals" ? "referral_date" : null;
  if (field === null) return { first: null, last: null };
  const idx = ctx.index(ds, field as never);
  return { first: idx.first, last: null };
}

/** Why a count over this window has no value (the data does not reach it), or `null`. */
function outsideData(
  ctx: EvaluationContext,
  formula: Formula,
  range: DateRange,
  when: string,
): string | null {
  const title = datasets[formula.dataset].title.toLowerCase();
  const { first, last } = coverage(ctx, formula);
  if (first === null) return `No value: the ${title} dataset is empty.`;
  const from = formula.dated === null ? range.end : range.start;
  if (range.end < first || (last !== null && from > last))
    return `No value: the ${title} data (from ${formatDisplayDate(first)}${last === null ? "" : ` to ${formatDisplayDate(last)}`}) does not cover ${when.replace(/^(in|at) /, "")}.`;
  return null;
}

/**
 * Build the evaluator of one organisation's records.
 *
 * @param records - one array per dataset (validated records); missing datasets count as empty
 * @param options - local indicators, caseload target (20), confidence (0.95), working-day options
 * @returns the evaluator
 * @example
 * ```ts
 * const evaluator = createEvaluator({
 *   contacts: [
 *     { contact_id: "1", child_id: "A", contact_date: "2019-07-01", source: "2A", decision_date: "2019-07-02",
 *       level_of_need: 4, team: null },
 *     { contact_id: "2", child_id: "B", contact_date: "2019-07-03", source: "6", decision_date: "2019-07-03",
 *       level_of_need: 2, team: null },
 *   ],
 * });
 * evaluator.evaluate("ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter").estimate.value; // 50
 * const empty = evaluator.evaluate("ffd.contacts_swa_pct", "FY2019-20-Q3", "quarter").estimate;
 * empty.note; // "No value: no contacts were decided in Q3 2019-20."
 * evaluator.latestQuarterWithData(); // "FY2019-20-Q2"
 * ```
 */
export function createEvaluator(records: Partial<DatasetRecords>, options: EvaluatorOptions = {}): Evaluator {
  const confidence = options.confidence ?? 0.95;
  const ctx = createEvaluationContext(records, {
    caseloadTarget: options.caseloadTarget ?? 20,
    confidence,
    ...(options.workingDays === undefined ? {} : { workingDays: options.workingDays }),
  });
  const builtIn = catalogueDefinitions();
  const builtInIds = new Set(builtIn.map((d) => d.id));
  const locals = (options.localIndicators ?? []).filter((d) => !builtInIds.has(d.id));
  const localById = new Map(locals.map((d) => [d.id, d]));
  const allDefinitions = [...builtIn, ...locals];
  const definitionById = new Map(allDefinitions.map((d) => [d.id, d]));
  const results = new Map<string, FormulaResult>();
  const evaluations = new Map<string, Evaluation>();
  const frames = new Map<string, Frame>();

  const observationsOf = (id: string): readonly ObservationRecord[] =>
    ctx
      .memo("observationsById", () => {
        const m = new Map<string, ObservationRecord[]>();
        for (const o of ctx.records("observations"))
          m.set(o.indicator_id, [...(m.get(o.indicator_id) ?? []), o]);
        return m;
      })
      .get(id) ?? [];

  function estimateOf(formula: Formula, cell: TallyCell, range: DateRange, empty: string): Estimate {
    const n = cell.numerator;
    const d = cell.denominator;
    switch (formula.measure) {
      case "count":
        return countEstimate(n, { confidence });
      case "rate": {
        const fy = financialYearOfDate(range.end);
        const population = ctx.population(fy.fyStartYear);
        if (population === null)
          return noValueEstimate(
            `No value: there is no population estimate (age 0–17) for ${fy.id.slice(2)} or an earlier year.`,
            { numerator: n, confidence },
          );
        return rateEstimate(n, population.count, { confidence });
      }
      case "proportion":
        return d === 0
          ? noValueEstimate(empty, { numerator: n, denominator: d, confidence })
          : proportionEstimate(n, d, { confidence });
      case "ratio":
      case "percent_ratio":
        return d === 0
          ? noValueEstimate(empty, { numerator: n, denominator: d, confidence })
          : ratioEstimate(n, d, { scale: formula.measure === "ratio" ? 1 : 100 });
    }
  }

  function evaluateFormula(
    definition: IndicatorDefinition,
    formula: Formula,
    range: DateRange,
    by: string | null,
    when: string,
  ): Pick<Evaluation, "estimate" | "groups" | "extras"> {
    const key = `${definition.id}|${range.start}|${range.end}|${by ?? ""}`;
    let result = results.get(key);
    if (result === undefined) {
      result = formula.compute(ctx, range, by);
      results.set(key, result);
    }
    const empty = `No value: ${formula.empty} ${when}.`;
    const whole = result.tally.total;
    let estimate: Estimate;
    const missing =
      result.noValue ??
      (formula.measure === "count" || formula.measure === "rate"
        ? outsideData(ctx, formula, range, when)
        : null);
    if (missing !== null) estimate = noValueEstimate(missing, { confidence });
    else estimate = estimateOf(formula, whole, range, empty);
    const leftOut = result.leftOutNoBirthDate ?? 0;
    if (leftOut > 0)
      estimate = withNote(
        estimate,
        `${plural(leftOut, "child was", "children were")} left out because their date of birth is not known`,
      );

    let groups: GroupEvaluation[] | null = null;
    if (by !== null && result.tally.groups !== null) {
      groups = [...result.tally.groups.entries()]
        .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, "en", { numeric: true })))
        .map(([groupKey, cell]) => ({
          key: groupKey,
          label: groupKey === null ? "Not recorded" : codeLabel(formula.dataset, by, groupKey),
          estimate:
            formula.groupShare === true
              ? proportionEstimate(cell.denominator, whole.denominator, { confidence })
              : estimateOf(formula, cell, range, empty),
        }));
    }
    return { estimate, groups, extras: { ...(result.extras ?? {}) } };
  }

  /** The validated window of a (period, window) request: dates and the phrases notes use. */
  const frameOf = (periodId: string, window: Window): Frame => {
    const key = `${periodId}|${window}`;
    let frame = frames.get(key);
    if (frame === undefined) {
      const check = checkPeriodForWindow(periodId, window);
      if (!check.ok) throw new CatalogueError("invalid_period", check.error);
      const range = windowRange(periodId, window);
      frame = {
        range,
        flowWhen: `in ${windowLabel(periodId, window)}`,
        stockWhen: `at ${formatDisplayDate(range.end)}`,
      };
      frames.set(key, frame);
    }
    return frame;
  };

  function computeEvaluation(
    definition: IndicatorDefinition,
    frame: Frame,
    periodId: string,
    window: Window,
    by: string | null,
  ): Evaluation {
    const { range } = frame;
    const when = definition.kind === "stock" ? frame.stockWhen : frame.flowWhen;
    const head = { indicator: definition.id, period: periodId, window, range: { ...range } };
    const local = localById.get(definition.id);
    if (local !== undefined) {
      const v = observationValue(observationsOf(local.id), local, range, {
        by,
        confidence,
        empty: `No value: no figures for ${local.title.toLowerCase()} were recorded ${when}.`,
      });
      const groups =
        v.groups === null
          ? null
          : v.groups.map((g) => ({ key: g.key, label: g.key ?? "Not recorded", estimate: g.estimate }));
      return { ...head, estimate: v.estimate, groups, extras: {} };
    }
    const indicator = findIndicator(definition.id);
    if (indicator === undefined)
      throw new CatalogueError("unknown_indicator", `No indicator '${definition.id}' in the catalogue.`);
    return { ...head, ...evaluateFormula(definition, indicator.formula, range, by, when) };
  }

  return {
    definitions: () => allDefinitions.map((d) => structuredClone(d)),
    evaluate(id, periodId, window, evaluateOptions = {}) {
      const definition = definitionById.get(id);
      if (definition === undefined)
        throw new CatalogueError(
          "unknown_indicator",
          `No indicator '${id}' in the catalogue or the local indicators.`,
        );
      const frame = frameOf(periodId, window);
      const by = evaluateOptions.by ?? null;
      if (by !== null && !definition.breakdowns.includes(by))
        throw new CatalogueError(
          "invalid_breakdown",
          definition.breakdowns.length === 0
            ? `'${id}' has no breakdowns.`
            : `'${id}' cannot be broken down by '${by}'. Use one of: ${definition.breakdowns.join(", ")}.`,
        );
      const key = `${id}|${periodId}|${window}|${by ?? ""}`;
      let evaluation = evaluations.get(key);
      if (evaluation === undefined) {
        evaluation = computeEvaluation(definition, frame, periodId, window, by);
        evaluations.set(key, evaluation);
      }
      return copyOf(evaluation);
    },
    latestQuarterWithData() {
      return ctx.memo("latestQuarter", () => {
        // One pass over the event dates (no index needed): the latest of each field.
        const lasts: IsoDate[] = [];
        for (const [ds, field] of EVENT_DATES) {
          let last: IsoDate | null = null;
          for (const r of ctx.records(ds)) {
            const d = (r as Record<string, unknown>)[field] as IsoDate | null;
            if (d !== null && d !== undefined && (last === null || d > last)) last = d;
          }
          if (last !== null) lasts.push(last);
        }
        return latestQuarterWithData(lasts);
      });
    },
    recordCount() {
      let n = 0;
      for (const list of Object.values(records)) n += list?.length ?? 0;
      return n;
    },
  };
}
