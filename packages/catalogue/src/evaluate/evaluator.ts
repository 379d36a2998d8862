import {
  CoreError,
  checkPeriodForWindow,
  countEstimate,
  type Estimate,
  financialYearOfDate,
  formatDisplayDate,
  type IndicatorDefinition,
  indicatorDefinitionSchema,
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
import type { CoverageSource } from "../coverage/coverage-source.js";
import { neededSpan } from "../coverage/data-need.js";
import {
  coverageByDataset,
  inferredSources,
  latestCoveredQuarter,
  sourcesTouching,
  uncoveredNote,
} from "../coverage/dataset-coverage.js";
import { type DateSpan, spansCover, spansTouch } from "../coverage/date-spans.js";
import { codeLabel } from "../datasets/registry.js";
import type { DatasetName, DatasetRecords, ObservationRecord } from "../datasets/schemas.js";
import type { CatalogueIndicator } from "../indicators/catalogue-indicator.js";
import { CatalogueError } from "./catalogue-error.js";
import type { Evaluation, GroupEvaluation } from "./evaluation.js";
import { createEvaluationContext, type DateRange } from "./evaluation-context.js";
import type { Formula, FormulaResult } from "./formula.js";
import { observationValue } from "./observations.js";
import type { TallyCell } from "./tally.js";

/** Options of {@link createEvaluator}. */
export interface EvaluatorOptions {
  /**
   * Local indicators (computed from `observations`), listed after the indicators given; one with the
   * id of an indicator given is left out.
   */
  localIndicators?: IndicatorDefinition[];
  /** Maximum caseload before a social worker counts as over target; default 20. */
  caseloadTarget?: number;
  /** Confidence level of intervals; default 0.95. */
  confidence?: number;
  /** Bank-holiday division and extra non-working days for working-day durations. */
  workingDays?: WorkingDayOptions;
  /**
   * The sources of the records, with the spans of dates each vouches for: a figure has a value only
   * when every dated dataset its formula reads is covered for every day it needs. When given it is the
   * whole truth (a dated dataset without a source covers nothing). When left out, each dataset's
   * coverage is inferred from its records (`inferCoverage`), as one `inferred` source per dataset.
   */
  coverage?: readonly CoverageSource[];
}

/**
 * Computes the indicators it was given from one organisation's records. Indexes are built once, on
 * first use, and every result is memoised per (indicator, date range, breakdown), so comparisons that
 * re-request the same windows cost nothing.
 */
export interface Evaluator {
  /** The definitions of the indicators given (schema defaults applied), then the local indicators'. */
  definitions(): IndicatorDefinition[];
  /**
   * An indicator's value for a period and window.
   *
   * @throws CatalogueError `unknown_indicator` (an id neither given nor local), `invalid_period` (a
   *   period id of the wrong kind for the window) or `invalid_breakdown` (a `by` the indicator does
   *   not list)
   */
  evaluate(id: string, periodId: string, window: Window, options?: { by?: string }): Evaluation;
  /**
   * The latest quarter that is covered: the latest lying wholly inside some dated dataset's coverage
   * (`null` when none is).
   */
  latestQuarterWithData(): string | null;
  /** How many records the evaluator holds, over all datasets. */
  recordCount(): number;
  /** Every source the evaluator knows (given, or inferred from the records), in dataset order. */
  sources(): CoverageSource[];
  /** The union of a dataset's sources' spans, oldest first (empty for undated datasets). */
  coverage(dataset: DatasetName): DateSpan[];
}

/** A validated (period, window) request: its dates and the phrases that place a note in time. */
interface Frame {
  range: DateRange;
  flowWhen: string;
  stockWhen: string;
}

/** Whether a formula's data cover what it needs for a range: the first unmet need's note, and its sources. */
interface NeedsCheck {
  readonly missing: string | null;
  readonly sources: readonly string[];
}

/** Why a rate has no value when neither its year's population estimate nor the year before's is loaded. */
function noPopulationNote(range: DateRange): string {
  const fy = financialYearOfDate(range.end);
  const year = fy.fyStartYear;
  return `No value: there is no 0–17 population estimate for mid-${year} or mid-${year - 1}, which rates for ${fy.id.slice(2)} use.`;
}

/** A copy a caller may change without changing what the evaluator remembers. */
function copyOf(e: Evaluation): Evaluation {
  return {
    ...e,
    range: { ...e.range },
    estimate: { ...e.estimate },
    groups: e.groups === null ? null : e.groups.map((g) => ({ ...g, estimate: { ...g.estimate } })),
    extras: { ...e.extras },
    sources: [...e.sources],
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Build the evaluator of a catalogue of indicators over one organisation's records: it evaluates the
 * indicators it is given (each definition with its record formula; usually `catalogue`, the
 * children's social care catalogue) and the local indicators, and no others.
 *
 * @param indicators - the indicators to evaluate, in the order `definitions()` lists them
 * @param records - one array per dataset (validated records); missing datasets count as empty
 * @param options - coverage (default: inferred from the records), local indicators, caseload target
 *   (20), confidence (0.95), working-day options
 * @returns the evaluator
 * @throws CoreError `invalid_definition` when two indicators given share an id (and `ZodError` when a
 *   definition does not pass `indicatorDefinitionSchema`)
 * @example
 * ```ts
 * const contact = (id: string, date: string, level: number) => ({ contact_id: id, child_id: `C${id}`,
 *   contact_date: date, source: "2A", decision_date: date, level_of_need: level, team: null });
 * const evaluator = createEvaluator(
 *   catalogue,
 *   { contacts: [contact("1", "2019-07-01", 4), contact("2", "2019-07-03", 2)] },
 *   { coverage: [{ id: "q2", dataset: "contacts", kind: "declared", name: "contacts Q2 2019-20",
 *     from: "2019-04-01", to: "2019-09-30", as_of: null, history_from: null, received_at: null }] },
 * );
 * evaluator.evaluate("ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter").estimate.value; // 50
 * evaluator.evaluate("ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter").sources; // ["q2"]
 * evaluator.evaluate("ffd.contacts_swa_pct", "FY2019-20-Q1", "quarter").estimate.note;
 * // "No value: no contacts were decided in Q1 2019-20."
 * evaluator.evaluate("ffd.contacts_swa_pct", "FY2019-20-Q3", "quarter").estimate.note;
 * // "No value: contacts are loaded for 1 Apr 2019 – 30 Sep 2019."
 * evaluator.latestQuarterWithData(); // "FY2019-20-Q2"
 * ```
 */
export function createEvaluator(
  indicators: readonly CatalogueIndicator[],
  records: Partial<DatasetRecords>,
  options: EvaluatorOptions = {},
): Evaluator {
  const confidence = options.confidence ?? 0.95;
  const ctx = createEvaluationContext(records, {
    caseloadTarget: options.caseloadTarget ?? 20,
    confidence,
    ...(options.workingDays === undefined ? {} : { workingDays: options.workingDays }),
  });
  const formulaById = new Map<string, Formula>();
  const given: IndicatorDefinition[] = [];
  for (const indicator of indicators) {
    const definition = indicatorDefinitionSchema.parse(indicator.definition);
    if (formulaById.has(definition.id))
      throw new CoreError("invalid_definition", `Two indicators given have the id '${definition.id}'.`);
    formulaById.set(definition.id, indicator.formula);
    given.push(definition);
  }
  const locals = (options.localIndicators ?? []).filter((d) => !formulaById.has(d.id));
  const allDefinitions = [...given, ...locals];
  const definitionById = new Map(allDefinitions.map((d) => [d.id, d]));
  const sourceList: CoverageSource[] =
    options.coverage === undefined ? inferredSources(records) : options.coverage.map((c) => ({ ...c }));
  const coverage = coverageByDataset(sourceList);
  const results = new Map<string, FormulaResult>();
  const checks = new Map<string, NeedsCheck>();
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
          return noValueEstimate(noPopulationNote(range), { numerator: n, confidence });
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

  /**
   * Whether the data cover every day the formula needs for the range (the first unmet need's note),
   * and the sources it draws on.
   */
  function checkNeeds(id: string, formula: Formula, range: DateRange): NeedsCheck {
    const key = `${id}|${range.start}|${range.end}`;
    const known = checks.get(key);
    if (known !== undefined) return known;
    const sources: string[] = [];
    let missing: string | null = null;
    for (const need of formula.reads) {
      // A rate's estimate year is checked when the rate is formed, so its note keeps the count.
      if (need.days === "estimate_year") continue;
      const needed = neededSpan(need, range);
      const covered = coverage.get(need.dataset);
      if (needed === null || covered === undefined) continue;
      for (const s of sourcesTouching(covered, needed)) if (!sources.includes(s.id)) sources.push(s.id);
      if (missing !== null) continue;
      const met =
        need.days === "any_day" ? spansTouch(covered.spans, needed) : spansCover(covered.spans, needed);
      if (!met) missing = uncoveredNote(need, covered, needed);
    }
    const check = { missing, sources };
    checks.set(key, check);
    return check;
  }

  function evaluateFormula(
    definition: IndicatorDefinition,
    formula: Formula,
    range: DateRange,
    by: string | null,
    when: string,
  ): Pick<Evaluation, "estimate" | "groups" | "extras" | "sources"> {
    const needs = checkNeeds(definition.id, formula, range);
    // Never a partial figure: a formula whose data do not cover what it needs is not computed at all.
    if (needs.missing !== null)
      return {
        estimate: noValueEstimate(needs.missing, { confidence }),
        groups: by === null ? null : [],
        extras: {},
        sources: [...needs.sources],
      };
    const key = `${definition.id}|${range.start}|${range.end}|${by ?? ""}`;
    let result = results.get(key);
    if (result === undefined) {
      result = formula.compute(ctx, range, by);
      results.set(key, result);
    }
    const empty = `No value: ${formula.empty} ${when}.`;
    const whole = result.tally.total;
    let estimate: Estimate;
    const missing = result.noValue ?? null;
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
    return { estimate, groups, extras: { ...(result.extras ?? {}) }, sources: [...needs.sources] };
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
    const formula = formulaById.get(definition.id);
    if (formula !== undefined) return { ...head, ...evaluateFormula(definition, formula, range, by, when) };
    // A local indicator: its figures are the observations posted for it.
    const v = observationValue(observationsOf(definition.id), definition, range, {
      by,
      confidence,
      empty: `No value: no figures for ${definition.title.toLowerCase()} were recorded ${when}.`,
    });
    const groups =
      v.groups === null
        ? null
        : v.groups.map((g) => ({ key: g.key, label: g.key ?? "Not recorded", estimate: g.estimate }));
    return { ...head, estimate: v.estimate, groups, extras: {}, sources: [] };
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
      return ctx.memo("latestQuarter", () => latestCoveredQuarter(coverage));
    },
    recordCount() {
      let n = 0;
      for (const list of Object.values(records)) n += list?.length ?? 0;
      return n;
    },
    sources: () => sourceList.map((c) => ({ ...c })),
    coverage: (dataset) => (coverage.get(dataset)?.spans ?? []).map((s) => ({ ...s })),
  };
}
