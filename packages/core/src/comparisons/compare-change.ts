import type { Estimate, Polarity } from "../values/units.js";

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
  /** Whether the two 95% intervals do not overlap; `null` when it cannot be tested. */
  significant: boolean | null;
  /** The reading by polarity (`higher`/`lower` for polarity `none`). */
  assessment: ChangeAssessment;
  /** Why the change is not comparable; otherwise `null`. */
  reason: string | null;
}

function hasInterval(e: Estimate): e is Estimate & { lower: number; upper: number } {
  return e.method !== "none" && e.lower !== null && e.upper !== null;
}

/**
 * Compares a value with a baseline (the previous period or the same period last year), per methods.md:
 * the change is significant when both 95% intervals exist and do not overlap (touching intervals
 * overlap). A significant change is improving or worsening by polarity, or higher/lower for polarity
 * `none`; otherwise there is no significant change. A missing value or interval, or intervals at
 * different confidence levels, give `not_comparable` with the reason: values without intervals are
 * never called significant.
 *
 * @param current - this period's estimate (display scale)
 * @param baseline - the estimate compared against
 * @param polarity - which direction is good
 * @returns the change, whether it is significant, and how it reads
 * @example
 * ```ts
 * const q2 = { value: 47.46, numerator: 859, denominator: 1810, lower: 45.17, upper: 49.76,
 *   method: "wilson", confidence: 0.95, note: null } as const;
 * const q2LastYear = { ...q2, value: 41.0, lower: 38.8, upper: 43.2 };
 * compareChange(q2, q2LastYear, "high").assessment; // "improving"
 * ```
 */
export function compareChange(current: Estimate, baseline: Estimate, polarity: Polarity): ChangeResult {
  if (current.value === null || baseline.value === null) {
    const which = current.value === null ? "this period" : "the period compared with";
    return {
      change: null,
      significant: null,
      assessment: "not_comparable",
      reason: `There is no value for ${which}.`,
    };
  }
  const change = current.value - baseline.value;
  if (!hasInterval(current) || !hasInterval(baseline)) {
    return {
      change,
      significant: null,
      assessment: "not_comparable",
      reason: "Significance cannot be tested: a value has no confidence interval.",
    };
  }
  if (current.confidence !== baseline.confidence) {
    return {
      change,
      significant: null,
      assessment: "not_comparable",
      reason: "Significance cannot be tested: the intervals are at different confidence levels.",
    };
  }
  const significant = current.lower > baseline.upper || current.upper < baseline.lower;
  if (!significant) return { change, significant, assessment: "no_significant_change", reason: null };
  const up = current.lower > baseline.upper;
  const assessment: ChangeAssessment =
    polarity === "none"
      ? up
        ? "higher"
        : "lower"
      : (polarity === "high") === up
        ? "improving"
        : "worsening";
  return { change, significant, assessment, reason: null };
}
