import type { Estimate, Polarity } from "../values/units.js";
import { type ChangeTestName, testChange } from "./change-test.js";

/** How a change between two periods reads. */
export type ChangeAssessment =
  | "improving"
  | "worsening"
  | "no_significant_change"
  | "higher"
  | "lower"
  | "not_comparable";

/**
 * A change between two periods. `change` is current − baseline on the display scale (percentage points
 * for percentages), `null` when either value is missing. `significant` is `null` when it cannot be tested.
 */
export interface ChangeResult {
  /** current − baseline, unrounded; `null` when either value is missing. */
  change: number | null;
  /** Whether the test for the values' kind rejects "no change" at the current value's level; `null` when it cannot be tested. */
  significant: boolean | null;
  /** The reading by polarity (`higher`/`lower` for polarity `none`). */
  assessment: ChangeAssessment;
  /** Why the change is not comparable; otherwise `null`. */
  reason: string | null;
  /** The test used (see `testChange`); `null` when not tested. */
  test: ChangeTestName | null;
  /** Its two-sided p-value; `null` when not tested. */
  pValue: number | null;
}

/**
 * Compares a value with a baseline (the previous period or the same period last year): the change,
 * and whether it is significant by the test made for the values' kind (`testChange`: two proportions,
 * two Poisson counts or rates, Welch's t for means) at the current value's confidence level (p < 0.05
 * at 95%). A significant change is improving or worsening by polarity, or higher/lower for polarity
 * `none`; otherwise there is no significant change. A missing value, or values that cannot be tested
 * (money, FTE shares, ratios), give `not_comparable` with the reason: such values are never called
 * significant.
 *
 * @param current - this period's estimate (display scale)
 * @param baseline - the estimate compared against
 * @param polarity - which direction is good
 * @returns the change, whether it is significant, how it reads, and the test behind it
 * @example
 * ```ts
 * const pct = (x: number, n: number) => ({ value: (100 * x) / n, numerator: x, denominator: n,
 *   lower: 0, upper: 100, method: "wilson", confidence: 0.95, note: null }) as const;
 * compareChange(pct(859, 1810), pct(742, 1810), "high").assessment; // "improving"
 * compareChange(pct(239, 303), pct(260, 308), "high").assessment; // "no_significant_change"
 * compareChange(pct(239, 303), pct(260, 308), "high").pValue; // 0.0769215
 * ```
 */
export function compareChange(current: Estimate, baseline: Estimate, polarity: Polarity): ChangeResult {
  const tested = testChange(current, baseline);
  const change = current.value === null || baseline.value === null ? null : current.value - baseline.value;
  if (tested.pValue === null || change === null) {
    return {
      change,
      significant: null,
      assessment: "not_comparable",
      reason: tested.reason,
      test: null,
      pValue: null,
    };
  }
  const significant = tested.pValue < 1 - current.confidence && change !== 0;
  const base = { change, significant, reason: null, test: tested.test, pValue: tested.pValue };
  if (!significant) return { ...base, assessment: "no_significant_change" };
  const up = change > 0;
  const assessment: ChangeAssessment =
    polarity === "none"
      ? up
        ? "higher"
        : "lower"
      : (polarity === "high") === up
        ? "improving"
        : "worsening";
  return { ...base, assessment };
}
