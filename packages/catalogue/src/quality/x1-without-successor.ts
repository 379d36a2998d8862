import { recordKey } from "../datasets/record-key.js";
import type { DataQualityCheck, DataQualityFinding } from "./finding.js";

/**
 * Care episodes that end with reason `X1` ("a new episode starts the same day") but where no episode
 * of the same child starts that day: the period of care looks unbroken yet the child vanishes from the
 * care population.
 *
 * @param records - the records (uses `cla_episodes`)
 * @returns one `error` finding per such episode
 * @example
 * ```ts
 * x1WithoutSuccessor({ cla_episodes: [endedX1] }, { asAt: "2019-09-30" }).length; // 1
 * ```
 */
export const x1WithoutSuccessor: DataQualityCheck = (records) => {
  const episodes = records.cla_episodes ?? [];
  const starts = new Map<string, number>();
  for (const e of episodes) {
    const at = `${e.child_id}\u0000${e.start_date}`;
    starts.set(at, (starts.get(at) ?? 0) + 1);
  }
  const findings: DataQualityFinding[] = [];
  for (const e of episodes) {
    if (e.reason_ceased !== "X1" || e.end_date === null) continue;
    // An episode that starts and ends on the same day is not its own successor.
    const needed = e.start_date === e.end_date ? 2 : 1;
    if ((starts.get(`${e.child_id}\u0000${e.end_date}`) ?? 0) >= needed) continue;
    findings.push({
      check: "x1_without_successor",
      severity: "error",
      dataset: "cla_episodes",
      keys: [recordKey("cla_episodes", e)],
      message:
        `A care episode ends ${e.end_date} with reason X1 (a new episode starts the same day), but no episode ` +
        "of the child starts that day. Post the following episode, or correct the reason ceased, in the source system.",
    });
  }
  return findings;
};
