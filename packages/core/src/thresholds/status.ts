import type { Target } from "../definitions/target.js";
import { CoreError } from "../errors/core-error.js";
import type { Polarity } from "../values/units.js";

/** Red / amber / green status against a target. */
export type RagStatus = "green" | "amber" | "red";

/**
 * The status of a value against its target, or why there is none.
 * `tolerance` is the amber band's width in the indicator's unit (given or defaulted);
 * `basis` says whether the point value or the whole confidence interval decided the status.
 */
export interface StatusResult {
  /** The status, or `null` when none applies (see `reason`). */
  status: RagStatus | null;
  /** Why there is no status, or how it was reached when that needs saying; otherwise `null`. */
  reason: string | null;
  /** The target judged against, or `null` when there is none. */
  target: Target | null;
  /** The amber band's width in the indicator's unit, or `null` when there is no target. */
  tolerance: number | null;
  /** `point` or `interval`; `null` when there is no status. */
  basis: "point" | "interval" | null;
}

/** The value to judge: its unrounded point value and, optionally, its 95% interval. */
export interface StatusInput {
  /** Unrounded value on the display scale, or `null`. */
  value: number | null;
  /** Lower 95% limit, if any. */
  lower?: number | null;
  /** Upper 95% limit, if any. */
  upper?: number | null;
}

/** Options of {@link ragStatus}. */
export interface StatusOptions {
  /** Judge the whole confidence interval rather than the point value (falls back to the point). */
  confidenceAware?: boolean;
}

/**
 * The tolerance of a target: its own `tolerance`, else 5% of the target value's magnitude; for a
 * range, 5% of the magnitude of its midpoint. A target of 0 without its own tolerance has no amber band.
 *
 * @param target - the target
 * @returns the amber band's width, in the indicator's unit
 * @example
 * ```ts
 * targetTolerance({ value: 60 }); // 3
 * targetTolerance({ range: [80, 90] }); // 4.25
 * targetTolerance({ value: 60, tolerance: 5 }); // 5
 * ```
 */
export function targetTolerance(target: Target): number {
  if (target.tolerance !== undefined) return target.tolerance;
  const reference = "range" in target ? (target.range[0] + target.range[1]) / 2 : target.value;
  return Math.abs(reference) / 20;
}

/** Which band a single number falls in. */
function bandOf(x: number, target: Target, polarity: "high" | "low", tolerance: number): RagStatus {
  if ("range" in target) {
    const [low, high] = target.range;
    if (x >= low && x <= high) return "green";
    if (x >= low - tolerance && x <= high + tolerance) return "amber";
    return "red";
  }
  const t = target.value;
  if (polarity === "high") {
    if (x >= t) return "green";
    return x >= t - tolerance ? "amber" : "red";
  }
  if (x <= t) return "green";
  return x <= t + tolerance ? "amber" : "red";
}

/** Status from a whole interval: green only if every point is green, red only if every point is red. */
function intervalBand(
  lower: number,
  upper: number,
  target: Target,
  polarity: "high" | "low",
  tolerance: number,
): RagStatus {
  const a = bandOf(lower, target, polarity, tolerance);
  const b = bandOf(upper, target, polarity, tolerance);
  if (a === "green" && b === "green") return "green";
  // A range target: both ends red on opposite sides means the interval straddles the whole range.
  if (
    a === "red" &&
    b === "red" &&
    !("range" in target && lower < target.range[0] && upper > target.range[1])
  ) {
    return "red";
  }
  return "amber";
}

function checkFinite(name: string, x: number | null | undefined): void {
  if (x !== null && x !== undefined && !Number.isFinite(x)) {
    throw new CoreError("invalid_argument", `${name} must be a finite number or null, got ${x}`);
  }
}

/**
 * RAG status of an unrounded value against a target, following methods.md "Status against a target".
 *
 * Polarity `high`: green when value ≥ target, amber when target − tolerance ≤ value < target, red below.
 * `low` mirrors it. A range target (either polarity): green inside (ends included), amber within the
 * tolerance outside, red beyond. With `confidenceAware`, green needs the whole interval to clear the
 * target and red needs the whole interval beyond the amber band; anything else is amber. A value without
 * an interval falls back to the point rule (`basis: "point"`, with a reason saying so).
 * No value, no target or polarity `none` give `status: null` with the reason.
 *
 * @param input - the value and, optionally, its 95% interval (display scale)
 * @param target - the target, or `null`/`undefined` when none is set
 * @param polarity - which direction is good
 * @param options - `confidenceAware` to judge the interval
 * @returns the status, the target and tolerance used, and the basis
 * @throws CoreError `invalid_argument` for non-finite numbers
 * @example
 * ```ts
 * ragStatus({ value: 47.46 }, { value: 60 }, "high").status; // "red" (amber band 57–60)
 * ragStatus({ value: 58 }, { value: 60 }, "high").status; // "amber"
 * ragStatus({ value: 12 }, { range: [10, 15] }, "low").status; // "green"
 * ```
 */
export function ragStatus(
  input: StatusInput,
  target: Target | null | undefined,
  polarity: Polarity,
  options: StatusOptions = {},
): StatusResult {
  checkFinite("value", input.value);
  checkFinite("lower", input.lower);
  checkFinite("upper", input.upper);
  const givenTarget = target ?? null;
  const tolerance = givenTarget === null ? null : targetTolerance(givenTarget);
  const none = (reason: string): StatusResult => ({
    status: null,
    reason,
    target: givenTarget,
    tolerance,
    basis: null,
  });
  if (polarity === "none") return none("No status: the indicator has no good direction (polarity none).");
  if (givenTarget === null || tolerance === null) return none("No status: no target is set.");
  if (input.value === null) return none("No status: there is no value.");

  const lower = input.lower ?? null;
  const upper = input.upper ?? null;
  if (options.confidenceAware === true) {
    if (lower !== null && upper !== null) {
      return {
        status: intervalBand(
          Math.min(lower, upper),
          Math.max(lower, upper),
          givenTarget,
          polarity,
          tolerance,
        ),
        reason: null,
        target: givenTarget,
        tolerance,
        basis: "interval",
      };
    }
    return {
      status: bandOf(input.value, givenTarget, polarity, tolerance),
      reason: "Confidence-aware status asked for, but the value has no interval: judged on the point value.",
      target: givenTarget,
      tolerance,
      basis: "point",
    };
  }
  return {
    status: bandOf(input.value, givenTarget, polarity, tolerance),
    reason: null,
    target: givenTarget,
    tolerance,
    basis: "point",
  };
}
