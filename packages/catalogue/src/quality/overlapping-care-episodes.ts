import { recordKey } from "../datasets/record-key.js";
import type { ClaEpisodeRecord } from "../datasets/schemas.js";
import { isShortBreak } from "../evaluate/periods-of-care.js";
import type { DataQualityCheck, DataQualityFinding } from "./finding.js";

/**
 * Care episodes of one child that overlap in time (short breaks `V3`/`V4` ignored): a child is in one
 * placement under one legal status at a time, so overlaps count the child twice in the care
 * population. An episode ending on day D and one starting on D do not overlap. One finding per
 * overlapping pair (the later-starting episode against the earlier one that runs latest).
 *
 * @param records - the records (uses `cla_episodes`)
 * @returns the findings (severity `error`)
 * @example
 * ```ts
 * overlappingCareEpisodes({ cla_episodes: [episodeA, episodeB] }, { asAt: "2019-09-30" });
 * ```
 */
export const overlappingCareEpisodes: DataQualityCheck = (records) => {
  const byChild = new Map<string, ClaEpisodeRecord[]>();
  for (const e of records.cla_episodes ?? []) {
    if (isShortBreak(e)) continue;
    const list = byChild.get(e.child_id) ?? [];
    list.push(e);
    byChild.set(e.child_id, list);
  }
  const findings: DataQualityFinding[] = [];
  for (const episodes of byChild.values()) {
    episodes.sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : 0));
    let latest: ClaEpisodeRecord | undefined;
    for (const e of episodes) {
      if (latest !== undefined && (latest.end_date === null || e.start_date < latest.end_date)) {
        findings.push({
          check: "overlapping_care_episodes",
          severity: "error",
          dataset: "cla_episodes",
          keys: [recordKey("cla_episodes", latest), recordKey("cla_episodes", e)],
          message:
            `Two care episodes of one child overlap: one starts ${e.start_date} while another ` +
            `(from ${latest.start_date}) is ${latest.end_date === null ? "still open" : `open until ${latest.end_date}`}. ` +
            "End the earlier episode on the day the next starts, or remove the duplicate, in the source system.",
        });
      }
      if (latest === undefined || endsLater(e, latest)) latest = e;
    }
  }
  return findings;
};

function endsLater(a: ClaEpisodeRecord, b: ClaEpisodeRecord): boolean {
  if (b.end_date === null) return false;
  return a.end_date === null || a.end_date > b.end_date;
}
