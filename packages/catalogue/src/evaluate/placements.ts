import { addMonths, type IsoDate } from "@kpi/core";
import type { ClaEpisodeRecord } from "../datasets/schemas.js";

/** Reasons for a new episode that start a new placement (903: S, P, B, T, U; `L` is a legal change only). */
const NEW_PLACEMENT = new Set(["S", "P", "B", "T", "U"]);

/**
 * How many placements a child had in the 12 months to D, the span `(addMonths(D, −12), D]`: every
 * episode starting in the span with a new placement (`S` `P` `B` `T` `U`), plus the episode open at
 * the span's start.
 *
 * @param episodes - one child's care episodes (short breaks already dropped), any order
 * @param date - D, the end of the span
 * @param spanStart - `addMonths(D, −12)`, the excluded first day (pass it when calling for many children)
 * @returns the number of placements
 * @example
 * ```ts
 * const ep = (start_date: string, end_date: string | null, reason_new_episode: string) =>
 *   ({ start_date, end_date, reason_new_episode });
 * const eps = [ep("2018-01-01", "2019-01-10", "S"), ep("2019-01-10", "2019-05-01", "L"), ep("2019-05-01", null, "P")];
 * placementsInYearTo(eps, "2019-09-30"); // 2
 * ```
 */
export function placementsInYearTo(
  episodes: readonly Pick<ClaEpisodeRecord, "start_date" | "end_date" | "reason_new_episode">[],
  date: IsoDate,
  spanStart: IsoDate = addMonths(date, -12),
): number {
  let n = 0;
  for (const e of episodes) {
    if (e.start_date > date) continue;
    const openAtSpanStart = e.start_date <= spanStart && (e.end_date === null || e.end_date > spanStart);
    const startsInSpan = e.start_date > spanStart && NEW_PLACEMENT.has(e.reason_new_episode);
    if (openAtSpanStart || startsInSpan) n += 1;
  }
  return n;
}

/**
 * The start of the placement an episode belongs to: walk back through its period of care while the
 * episodes are joined only by legal-status changes (`reason_new_episode` `L`).
 *
 * @param periodEpisodes - the episodes of the episode's period of care, in order
 * @param episode - the episode (normally the one open at D)
 * @returns the start date of the current placement
 * @example
 * ```ts
 * const ep = (start_date: string, reason_new_episode: string) => ({ start_date, reason_new_episode });
 * const eps = [ep("2015-01-01", "S"), ep("2016-03-01", "P"), ep("2017-01-01", "L")];
 * currentPlacementStart(eps, eps[2]); // "2016-03-01"
 * ```
 */
export function currentPlacementStart<E extends Pick<ClaEpisodeRecord, "start_date" | "reason_new_episode">>(
  periodEpisodes: readonly E[],
  episode: E,
): IsoDate {
  let i = periodEpisodes.indexOf(episode);
  if (i < 0) return episode.start_date;
  while (i > 0 && (periodEpisodes[i] as E).reason_new_episode === "L") i -= 1;
  return (periodEpisodes[i] as E).start_date;
}
