import { CoreError } from "../errors/core-error.js";
import type { Estimate, Polarity } from "../values/units.js";

/** How a value compares with a benchmark. */
export type BenchmarkOutcome = "similar" | "better" | "worse" | "higher" | "lower" | "not_comparable";

/** The result of {@link compareWithBenchmark}, with the reason when not comparable. */
export interface BenchmarkComparison {
  /** The comparison, by polarity (`higher`/`lower` for polarity `none`). */
  result: BenchmarkOutcome;
  /** Why it is not comparable; otherwise `null`. */
  reason: string | null;
}

/**
 * Compares a value with a benchmark (statistical neighbours, England, region), per methods.md: the
 * benchmark inside the value's 95% interval (ends included) → similar; otherwise better or worse by
 * polarity, or higher/lower for polarity `none`. A value without an interval cannot be tested.
 *
 * @param estimate - this authority's value with its interval (display scale)
 * @param benchmark - the comparator's value on the same scale
 * @param polarity - which direction is good
 * @returns the result and, when not comparable, why
 * @throws CoreError `invalid_argument` when `benchmark` is not finite
 * @example
 * ```ts
 * const eet = { value: 59, numerator: 118, denominator: 200, lower: 52.08, upper: 65.58,
 *   method: "wilson", confidence: 0.95, note: null } as const;
 * compareWithBenchmark(eet, 53.7, "high"); // { result: "similar", reason: null }
 * compareWithBenchmark(eet, 50, "high"); // { result: "better", reason: null }
 * ```
 */
export function compareWithBenchmark(
  estimate: Estimate,
  benchmark: number,
  polarity: Polarity,
): BenchmarkComparison {
  if (!Number.isFinite(benchmark)) {
    throw new CoreError("invalid_argument", `benchmark must be a finite number, got ${benchmark}`);
  }
  if (estimate.value === null) {
    return { result: "not_comparable", reason: "There is no value to compare with the benchmark." };
  }
  if (estimate.method === "none" || estimate.lower === null || estimate.upper === null) {
    return {
      result: "not_comparable",
      reason: "The value has no confidence interval, so it cannot be tested against the benchmark.",
    };
  }
  if (benchmark >= estimate.lower && benchmark <= estimate.upper) return { result: "similar", reason: null };
  const valueIsHigher = benchmark < estimate.lower;
  if (polarity === "none") return { result: valueIsHigher ? "higher" : "lower", reason: null };
  return { result: (polarity === "high") === valueIsHigher ? "better" : "worse", reason: null };
}
