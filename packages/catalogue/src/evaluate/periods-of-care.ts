import type { IsoDate } from "@kpi/core";
import { isLeftOutOfFigures } from "../datasets/registry.js";
import type { ClaEpisodeRecord } from "../datasets/schemas.js";

/**
 * One period of care: a child's consecutive care episodes, each but the last ending `X1` on the day
 * the next one starts. Start, end, legal status and age at leaving come from its episodes.
 */
export interface PeriodOfCare {
  /** The child. */
  readonly childId: string;
  /** Its episodes, in order. */
  readonly episodes: readonly ClaEpisodeRecord[];
  /** Start of the first episode. */
  readonly start: IsoDate;
  /** End of the last episode, `null` while the child is still looked after. */
  readonly end: IsoDate | null;
  /** The last episode: legal status, reason ceased and placement at leaving. */
  readonly last: ClaEpisodeRecord;
  /** Whether the child left care: the last episode ended with a reason other than `X1`. */
  readonly left: boolean;
  /**
   * Whether the last episode ended `X1` but no episode of the child starts that day (a data-quality
   * problem: the period ends there without the child having left).
   */
  readonly brokenChain: boolean;
}

/**
 * Every period of care, with lookups by child and by episode.
 *
 * @example
 * ```ts
 * const periods: PeriodsOfCare = buildPeriodsOfCare([]);
 * periods.all.length; // 0
 * ```
 */
export interface PeriodsOfCare {
  /** Every period, grouped by child in no particular order. */
  readonly all: readonly PeriodOfCare[];
  /** The periods of each child, in date order. */
  readonly byChild: ReadonlyMap<string, readonly PeriodOfCare[]>;
  /** The period an episode belongs to (`undefined` for a short break or an unknown episode). */
  periodOf(episode: ClaEpisodeRecord): PeriodOfCare | undefined;
}

/**
 * Whether an episode is a short break (legal status `V3` or `V4`, the codes the dataset registry's
 * `leftOutOfFigures` names for care episodes): short breaks are dropped before anything else, so they
 * never start, continue or end a period of care.
 *
 * @param episode - a care episode
 * @returns true for `V3` and `V4`
 * @example
 * ```ts
 * isShortBreak({ legal_status: "V3" }); // true
 * isShortBreak({ legal_status: "V2" }); // false
 * ```
 */
export function isShortBreak(episode: Pick<ClaEpisodeRecord, "legal_status">): boolean {
  return isLeftOutOfFigures("cla_episodes", episode);
}

function byStart(a: ClaEpisodeRecord, b: ClaEpisodeRecord): number {
  if (a.start_date !== b.start_date) return a.start_date < b.start_date ? -1 : 1;
  // An episode closed the day it opened comes before the one continuing from it that day.
  const ae = a.end_date ?? "9999-12-31";
  const be = b.end_date ?? "9999-12-31";
  if (ae !== be) return ae < be ? -1 : 1;
  return a.episode_id < b.episode_id ? -1 : a.episode_id > b.episode_id ? 1 : 0;
}

/** Close a period whose next episode (if any) does not continue it. */
function closePeriod(childId: string, episodes: ClaEpisodeRecord[]): PeriodOfCare {
  const first = episodes[0] as ClaEpisodeRecord;
  const last = episodes[episodes.length - 1] as ClaEpisodeRecord;
  const endedX1 = last.end_date !== null && last.reason_ceased === "X1";
  return {
    childId,
    episodes,
    start: first.start_date,
    end: last.end_date,
    last,
    left: last.end_date !== null && !endedX1,
    brokenChain: endedX1,
  };
}

/**
 * Chain care episodes into periods of care: drop short breaks (`V3`, `V4`), sort each child's
 * episodes by start date, and join an episode ending `X1` to the same child's episode starting that
 * day. Built once per evaluator and shared by every looked-after measure.
 *
 * @param episodes - care episodes of any children, in any order (short breaks included or not)
 * @returns the periods of care
 * @example
 * ```ts
 * const periods = buildPeriodsOfCare([
 *   { episode_id: "1", child_id: "C", start_date: "2018-01-10", end_date: "2018-06-01", reason_new_episode: "S",
 *     legal_status: "C1", category_of_need: null, placement_type: "U1", placement_provider: "PR1",
 *     reason_ceased: "X1", weekly_cost: null, team: null, reason_place_change: null, urn: null },
 *   { episode_id: "2", child_id: "C", start_date: "2018-06-01", end_date: "2019-08-01", reason_new_episode: "L",
 *     legal_status: "C2", category_of_need: null, placement_type: "U1", placement_provider: "PR1",
 *     reason_ceased: "E11", weekly_cost: null, team: null, reason_place_change: null, urn: null },
 * ]);
 * periods.all.length; // 1
 * periods.all[0].start; // "2018-01-10"
 * periods.all[0].last.legal_status; // "C2"
 * ```
 */
export function buildPeriodsOfCare(episodes: readonly ClaEpisodeRecord[]): PeriodsOfCare {
  const perChild = new Map<string, ClaEpisodeRecord[]>();
  for (const e of episodes) {
    if (isShortBreak(e)) continue;
    const list = perChild.get(e.child_id);
    if (list) list.push(e);
    else perChild.set(e.child_id, [e]);
  }
  const all: PeriodOfCare[] = [];
  const byChild = new Map<string, PeriodOfCare[]>();
  const ofEpisode = new Map<ClaEpisodeRecord, PeriodOfCare>();
  for (const [childId, list] of perChild) {
    list.sort(byStart);
    const periods: PeriodOfCare[] = [];
    let current: ClaEpisodeRecord[] = [];
    for (const e of list) {
      const prev = current[current.length - 1];
      if (prev !== undefined && !(prev.reason_ceased === "X1" && prev.end_date === e.start_date)) {
        periods.push(closePeriod(childId, current));
        current = [];
      }
      current.push(e);
    }
    if (current.length > 0) periods.push(closePeriod(childId, current));
    for (const p of periods) {
      for (const e of p.episodes) ofEpisode.set(e, p);
      all.push(p);
    }
    byChild.set(childId, periods);
  }
  return { all, byChild, periodOf: (episode) => ofEpisode.get(episode) };
}
