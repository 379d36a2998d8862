import type { DataNeed } from "../coverage/data-need.js";
import type { DatasetName } from "../datasets/schemas.js";
import type { DateRange, EvaluationContext } from "./evaluation-context.js";
import type { Tally } from "./tally.js";

/**
 * How a formula's sums become a value:
 * - `count`: the numerator is the count (Poisson interval);
 * - `proportion`: 100 × numerator / denominator of whole counts (Wilson interval);
 * - `rate`: the count per 10,000 children aged 0–17 of the financial year (Poisson interval);
 * - `ratio`: numerator / denominator with no interval (caseload per FTE, average cost);
 * - `percent_ratio`: 100 × numerator / denominator with no interval (FTE shares, turnover).
 */
export type Measure = "count" | "proportion" | "rate" | "ratio" | "percent_ratio";

/** What a formula returns for one window. */
export interface FormulaResult {
  /** The sums (and groups when a breakdown was asked for). */
  readonly tally: Tally;
  /** Figures shown beside the headline, e.g. `within_12_months` beside permanency within 24 months. */
  readonly extras?: Record<string, number | null>;
  /** Children left out because their date of birth is not known. */
  readonly leftOutNoBirthDate?: number;
  /**
   * Why there is no value at all, when the formula itself can tell (e.g. no workforce snapshot in the
   * 3 months to D). A complete sentence starting "No value:".
   */
  readonly noValue?: string;
}

/**
 * An indicator's record formula: a short composition of the evaluator's building blocks.
 */
export interface Formula {
  /** How the sums become a value. */
  readonly measure: Measure;
  /** The dataset whose records are counted (breakdown labels). */
  readonly dataset: DatasetName;
  /**
   * Every dataset the formula reads and the days of it it needs relative to the window: a figure has
   * a value only when each dated one is covered for those days (otherwise "no value" naming what the
   * dataset covers), and cites the sources it drew on.
   */
  readonly reads: readonly DataNeed[];
  /**
   * Completes "No value: … in Q2 2019-20." when nothing is counted, e.g. `no contacts were decided`.
   */
  readonly empty: string;
  /**
   * When true, a breakdown group's value is its share of the whole denominator (the breakdown field is
   * the one that decides the numerator, e.g. CP plans by category), not a proportion within the group.
   */
  readonly groupShare?: boolean;
  /**
   * Compute the sums for a date range (for a stock, its `end` is the date D).
   *
   * @param ctx - the evaluator's shared indexes
   * @param range - the window's dates
   * @param by - the breakdown field, or `null`
   */
  compute(ctx: EvaluationContext, range: DateRange, by: string | null): FormulaResult;
}
