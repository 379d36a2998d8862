import { CoreError } from "../errors/core-error.js";
import type { Polarity } from "../values/units.js";

/** Quartile bands: A best … D worst (A highest for polarity `none`). */
export type QuartileBand = "A" | "B" | "C" | "D";

/** The result of {@link quartileBand}. */
export interface QuartileBandResult {
  /** The band, or `null` when the group is too small (see `reason`). */
  band: QuartileBand | null;
  /** Why there is no band; otherwise `null`. */
  reason: string | null;
  /** The group's lower quartile, median and upper quartile; `null` when not computed. */
  quartiles: [number, number, number] | null;
}

/** The fewest comparator values a band is given against. */
export const MIN_QUARTILE_MEMBERS = 5;

/** Hyndman–Fan type 7 quantile (Excel QUARTILE.INC, R's default) of ascending-sorted values. */
function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  const below = sorted[i]!;
  const above = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return below + (h - i) * (above - below);
}

/**
 * The quartile band of a value within a comparator group (benchmark rows with a `member`), A best … D
 * worst by polarity; for polarity `none`, A is the highest quarter. Quartiles are Hyndman–Fan type 7
 * (Excel `QUARTILE.INC`). A value on a cut point takes the better band: for polarity `high` A is
 * value ≥ Q3, B Q2 ≤ value < Q3, C Q1 ≤ value < Q2, D below Q1; `low` mirrors it (A is value ≤ Q1).
 * Fewer than 5 members: no band, with the reason.
 *
 * @param value - this authority's value (display scale)
 * @param members - the group's member values on the same scale (may include this authority)
 * @param polarity - which direction is good
 * @returns the band, the quartiles used, or why there is none
 * @throws CoreError `invalid_argument` for non-finite numbers
 * @example
 * ```ts
 * quartileBand(45, [10, 20, 30, 40, 50], "high").band; // "A" (Q3 = 40)
 * quartileBand(45, [10, 20, 30, 40, 50], "low").band; // "D"
 * quartileBand(45, [10, 20, 30], "high").band; // null (fewer than 5 members)
 * ```
 */
export function quartileBand(
  value: number,
  members: readonly number[],
  polarity: Polarity,
): QuartileBandResult {
  if (!Number.isFinite(value)) throw new CoreError("invalid_argument", `value must be finite, got ${value}`);
  return quartileBander(members, polarity)(value);
}

/**
 * {@link quartileBand} for many values against one comparator group: the group's quartiles are worked
 * out once (the authority's band among all 150 authorities, for each of them).
 *
 * @param members - the group's member values (display scale)
 * @param polarity - which direction is good
 * @returns a function giving a value's band by the rule of {@link quartileBand}
 * @throws CoreError `invalid_argument` for non-finite members, or (from the function) a non-finite value
 * @example
 * ```ts
 * const band = quartileBander([10, 20, 30, 40, 50], "high");
 * band(45).band; // "A"
 * band(15).band; // "D"
 * ```
 */
export function quartileBander(
  members: readonly number[],
  polarity: Polarity,
): (value: number) => QuartileBandResult {
  if (members.some((m) => !Number.isFinite(m))) {
    throw new CoreError("invalid_argument", "every comparator member value must be a finite number");
  }
  if (members.length < MIN_QUARTILE_MEMBERS) {
    const none: QuartileBandResult = {
      band: null,
      reason: `No quartile band: the comparator group has ${members.length} member values and at least ${MIN_QUARTILE_MEMBERS} are needed.`,
      quartiles: null,
    };
    return (value) => {
      if (!Number.isFinite(value))
        throw new CoreError("invalid_argument", `value must be finite, got ${value}`);
      return { ...none };
    };
  }
  const sorted = [...members].sort((a, b) => a - b);
  const quartiles: [number, number, number] = [
    quantileType7(sorted, 0.25),
    quantileType7(sorted, 0.5),
    quantileType7(sorted, 0.75),
  ];
  const [q1, q2, q3] = quartiles;
  return (value) => {
    if (!Number.isFinite(value))
      throw new CoreError("invalid_argument", `value must be finite, got ${value}`);
    let band: QuartileBand;
    if (polarity === "low") {
      band = value <= q1 ? "A" : value <= q2 ? "B" : value <= q3 ? "C" : "D";
    } else {
      band = value >= q3 ? "A" : value >= q2 ? "B" : value >= q1 ? "C" : "D";
    }
    return { band, reason: null, quartiles: [...quartiles] };
  };
}
