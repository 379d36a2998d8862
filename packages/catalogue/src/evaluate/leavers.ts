import type { ClaEpisodeRecord } from "../datasets/schemas.js";
import type { DateRange, EvaluationContext } from "./evaluation-context.js";
import type { PeriodOfCare } from "./periods-of-care.js";

/** A child who left care in a window, described by their last exit in it. */
export interface CareLeaving {
  /** The child. */
  readonly childId: string;
  /** The episode that ended the period of care (its legal status and reason ceased are "at leaving"). */
  readonly episode: ClaEpisodeRecord;
  /** The period of care it ended. */
  readonly period: PeriodOfCare;
}

/** Reasons an episode ends in permanence: adoption, child arrangements order, special guardianship. */
export const PERMANENCE_REASONS: ReadonlySet<string> = new Set([
  "E11",
  "E12",
  "E41",
  "E43",
  "E44",
  "E45",
  "E46",
  "E47",
  "E48",
]);

/** Legal statuses that are legal orders. */
export const LEGAL_ORDERS: ReadonlySet<string> = new Set(["C1", "C2", "D1", "E1"]);

/**
 * The children who left care in a window: episodes (short breaks dropped) ending in it with a reason
 * other than `X1`, one per child, on the last exit, whose attributes every leaver measure uses.
 * Computed once per window and shared by every leaver measure.
 *
 * @param ctx - the evaluator's shared indexes
 * @param range - the window
 * @returns one leaving per child, ordered by exit date
 * @example
 * ```ts
 * const ctx = createEvaluationContext({ cla_episodes: [] }, { caseloadTarget: 20, confidence: 0.95 });
 * careLeavingsIn(ctx, { start: "2019-04-01", end: "2019-09-30" }).length; // 0
 * ```
 */
export function careLeavingsIn(ctx: EvaluationContext, range: DateRange): readonly CareLeaving[] {
  return ctx.memo(`leavers:${range.start}:${range.end}`, () => {
    const periods = ctx.periodsOfCare();
    const last = new Map<string, ClaEpisodeRecord>();
    for (const e of ctx.flow("cla_episodes", "end_date", range)) {
      if (e.reason_ceased === null || e.reason_ceased === "X1") continue;
      // Oldest first, so a later exit of the same child replaces an earlier one.
      last.set(e.child_id, e);
    }
    const out: CareLeaving[] = [];
    for (const [childId, episode] of last) {
      const period = periods.periodOf(episode);
      if (period !== undefined) out.push({ childId, episode, period });
    }
    return out;
  });
}
