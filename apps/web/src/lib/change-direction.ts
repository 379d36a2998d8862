import { type Polarity, roundHalfAwayFromZero } from "@kpi/core";

/** Which way a figure moved and whether that is good news. */
export interface ChangeJudgement {
  /** `up`, `down`, or `same` when the change rounds to zero at display precision. */
  direction: "up" | "down" | "same";
  /** `better`/`worse` by the indicator's polarity; `neutral` for no change or no polarity. */
  verdict: "better" | "worse" | "neutral";
}

/**
 * Judges a change against the indicator's polarity, at the precision people see: a change that rounds
 * to zero is "same", so the arrow never contradicts the printed figure.
 *
 * @param change - current − baseline, unrounded, or `null` when there is no comparison
 * @param polarity - `high` (higher is better), `low` or `none`
 * @param decimals - the indicator's display decimals
 * @returns the direction and verdict, or `null` without a change
 * @example
 * ```ts
 * judgeChange(2.36, "high", 1); // { direction: "up", verdict: "better" }
 * judgeChange(2.36, "low", 1); // { direction: "up", verdict: "worse" }
 * judgeChange(0.04, "high", 1); // { direction: "same", verdict: "neutral" }
 * ```
 */
export function judgeChange(
  change: number | null,
  polarity: Polarity,
  decimals: number,
): ChangeJudgement | null {
  if (change === null || !Number.isFinite(change)) return null;
  const rounded = roundHalfAwayFromZero(change, decimals);
  if (rounded === 0) return { direction: "same", verdict: "neutral" };
  const direction = rounded > 0 ? "up" : "down";
  if (polarity === "none") return { direction, verdict: "neutral" };
  const good = (direction === "up") === (polarity === "high");
  return { direction, verdict: good ? "better" : "worse" };
}
