import { displayDecimals } from "../definitions/indicator-definition.js";
import { CoreError } from "../errors/core-error.js";
import { formatQuantity } from "../formatting/format-quantity.js";
import { formatChange } from "../formatting/format-value.js";
import type { Estimate, Unit } from "../values/units.js";
import { periodRatios, type SeasonalKind } from "./period-ratios.js";

export type { SeasonalKind } from "./period-ratios.js";

/** One complete (or incomplete) financial year of quarterly values, Q1 (Apr–Jun) first. */
export interface SeasonalYear {
  /** The calendar year the financial year starts in: 2018 for 2018-19. */
  fyStartYear: number;
  /** Q1…Q4 estimates; `null` where the quarter has no figure. */
  quarters: readonly [Estimate | null, Estimate | null, Estimate | null, Estimate | null];
}

/** Input of {@link seasonalExpectation}. */
export interface SeasonalInput {
  /** Financial years before the period (any order); the 3 most recent complete ones are used. */
  history: ReadonlyArray<SeasonalYear>;
  /** `count`: annual value is the mean of the quarters; `proportion`/`rate`: pooled Σnumerator/Σdenominator. */
  kind: SeasonalKind;
  /** This period's quarter. */
  quarter: 1 | 2 | 3 | 4;
  /** Last quarter's value (display scale); for Q1 that is Q4 of the previous financial year. */
  previousQuarterValue: number | null;
  /** This quarter's estimate with its 95% interval. */
  current: Estimate;
  /** Unit for the sentence; default `count`, `percent` or `rate_per_10k` by kind. */
  unit?: Unit;
  /** Decimals for the sentence; default by unit. */
  decimals?: number;
}

/** The seasonal reading of this quarter's change, or why there is none. */
export interface SeasonalResult {
  /** Seasonal indices of Q1…Q4 (mean over the years of quarter ÷ annual value), or `null`. */
  indices: [number, number, number, number] | null;
  /** last quarter × index(q) / index(q−1), or `null`. */
  expected: number | null;
  /** Whether `expected` lies inside this quarter's 95% interval; `null` when it cannot be said. */
  inLine: boolean | null;
  /** current − expected (display scale), or `null`. */
  departure: number | null;
  /** The financial years used (start years, ascending). */
  yearsUsed: number[];
  /** Why part of the reading is missing; otherwise `null`. */
  reason: string | null;
  /** The en-GB statement for the report. */
  sentence: string;
}

/** Years of history the seasonal pattern needs. */
export const SEASONAL_YEARS = 3;

const defaultUnit = { count: "count", proportion: "percent", rate: "rate_per_10k" } as const;

/** Ratio of each quarter to the year's annual value, or `null` if the year cannot be used. */
function yearRatios(
  year: SeasonalYear,
  kind: SeasonalInput["kind"],
): [number, number, number, number] | null {
  return periodRatios(year.quarters, kind) as [number, number, number, number] | null;
}

/** `1,810`-style magnitude of a difference, with unit words (percentage points for percentages). */
function magnitude(x: number, unit: Unit, decimals: number): string {
  return formatChange(Math.abs(x), unit, decimals).replace(/^\+/, "");
}

/**
 * Says whether this quarter's change from last quarter follows the usual seasonal pattern
 * (methods.md "Seasonality"). From the 3 most recent complete financial years in `history` (all four
 * quarters with values; for proportions and rates also numerators and denominators; a year with an
 * annual value of 0 has no pattern and is skipped), the index of quarter q is the mean over those years
 * of value(q) / annual value. The annual value of a count is the mean of its quarters; of a proportion
 * or rate the pooled value Σnumerators / Σdenominators (for rates the denominator is the population).
 * expected = last quarter × index(q) / index(q−1), where q−1 of Q1 is Q4. The change is in line when
 * `expected` lies in this quarter's 95% interval (ends included). Fewer than 3 usable years: no statement.
 *
 * @param input - the history, kind, quarter, last quarter's value and this quarter's estimate
 * @returns the indices, the expected value, whether the change is in line, and the sentence
 * @throws CoreError `invalid_argument` for a repeated financial year, a bad quarter or a non-finite value
 * @example
 * ```ts
 * const e = (n: number, d: number) => ({ value: (100 * n) / d, numerator: n, denominator: d, lower: null,
 *   upper: null, method: "wilson", confidence: 0.95, note: null }) as const;
 * const year = (fyStartYear: number) =>
 *   ({ fyStartYear, quarters: [e(40, 100), e(44, 100), e(40, 100), e(36, 100)] }) as const;
 * const current = { ...e(859, 1810), lower: 45.1659, upper: 49.762 };
 * const result = seasonalExpectation({ history: [year(2016), year(2017), year(2018)], kind: "proportion",
 *   quarter: 2, previousQuarterValue: 42, current });
 * result.expected; // 46.2
 * result.sentence; // "The rise from Q1 is in line with the usual seasonal pattern (expected 46.2%)."
 * ```
 */
export function seasonalExpectation(input: SeasonalInput): SeasonalResult {
  const { history, kind, quarter, previousQuarterValue, current } = input;
  if (![1, 2, 3, 4].includes(quarter)) {
    throw new CoreError("invalid_argument", `quarter must be 1, 2, 3 or 4, got ${quarter}`);
  }
  if (previousQuarterValue !== null && !Number.isFinite(previousQuarterValue)) {
    throw new CoreError("invalid_argument", "previousQuarterValue must be a finite number or null");
  }
  const seen = new Set<number>();
  for (const year of history) {
    if (seen.has(year.fyStartYear)) {
      throw new CoreError(
        "invalid_argument",
        `financial year ${year.fyStartYear} appears twice in the history`,
      );
    }
    seen.add(year.fyStartYear);
  }
  const unit = input.unit ?? defaultUnit[kind];
  const decimals = input.decimals ?? displayDecimals({ unit });
  const previousQuarter = quarter === 1 ? 4 : quarter - 1;
  const previousName = `Q${previousQuarter}`;

  const usable = [...history]
    .sort((a, b) => b.fyStartYear - a.fyStartYear)
    .map((year) => ({ year: year.fyStartYear, ratios: yearRatios(year, kind) }))
    .filter((y): y is { year: number; ratios: [number, number, number, number] } => y.ratios !== null)
    .slice(0, SEASONAL_YEARS);
  const yearsUsed = usable.map((y) => y.year).sort((a, b) => a - b);

  if (usable.length < SEASONAL_YEARS) {
    const noun = usable.length === 1 ? "year" : "years";
    const sentence = `No seasonal comparison: ${usable.length} complete financial ${noun} of quarterly figures before this period, and ${SEASONAL_YEARS} are needed.`;
    return {
      indices: null,
      expected: null,
      inLine: null,
      departure: null,
      yearsUsed,
      reason: sentence,
      sentence,
    };
  }

  const indices = [0, 1, 2, 3].map(
    (q) => usable.reduce((sum, y) => sum + y.ratios[q]!, 0) / usable.length,
  ) as [number, number, number, number];
  const none = (reason: string) => ({
    indices,
    expected: null,
    inLine: null,
    departure: null,
    yearsUsed,
    reason,
    sentence: reason,
  });
  if (previousQuarterValue === null) {
    return none(`No seasonal comparison: there is no value for ${previousName}.`);
  }
  const previousIndex = indices[previousQuarter - 1]!;
  if (previousIndex === 0) {
    return none(
      `No seasonal comparison: ${previousName} had no events in the years used, so no ratio can be formed.`,
    );
  }
  const expected = (previousQuarterValue * indices[quarter - 1]!) / previousIndex;
  const expectedText = formatQuantity(expected, unit, decimals);

  if (current.value === null) {
    const reason = `No seasonal comparison: there is no value for Q${quarter}.`;
    return { indices, expected, inLine: null, departure: null, yearsUsed, reason, sentence: reason };
  }
  const departure = current.value - expected;
  const movement =
    current.value > previousQuarterValue ? "rise" : current.value < previousQuarterValue ? "fall" : "change";
  const lead = `The ${movement} from ${previousName}`;

  if (current.method === "none" || current.lower === null || current.upper === null) {
    const reason =
      "The value has no confidence interval, so it cannot be tested against the seasonal pattern.";
    return {
      indices,
      expected,
      inLine: null,
      departure,
      yearsUsed,
      reason,
      sentence: `${lead} cannot be tested against the usual seasonal pattern (expected ${expectedText}).`,
    };
  }
  const inLine = expected >= current.lower && expected <= current.upper;
  const sentence = inLine
    ? `${lead} is in line with the usual seasonal pattern (expected ${expectedText}).`
    : `${lead} departs from the usual seasonal pattern (expected ${expectedText}; ${magnitude(
        departure,
        unit,
        decimals,
      )} ${departure > 0 ? "higher" : "lower"} than expected).`;
  return { indices, expected, inLine, departure, yearsUsed, reason: null, sentence };
}
