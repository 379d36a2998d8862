import type { ClaEpisodeRecord } from "@kpi/catalogue";
import type { DemoCalendar } from "./calendar.js";
import type { ChildRegistry } from "./child-registry.js";
import type { Random } from "./random.js";

/**
 * Generate short-break episodes (`V3` single short breaks, `V4` a series under one agreement) for a
 * cohort of disabled children: a night or three every month or so. They are real 903 episodes that the
 * indicators must drop before counting the care population, so the demo includes them.
 *
 * @param rng - random source
 * @param calendar - the demo calendar
 * @param children - the child registry
 * @param scale - volume multiplier
 * @returns `cla_episodes` records with ids `SB000001` …
 * @example
 * ```ts
 * generateShortBreaks(rng, cal, registry, 1).every((e) => e.legal_status === "V3" || e.legal_status === "V4"); // true
 * ```
 */
export function generateShortBreaks(
  rng: Random,
  calendar: DemoCalendar,
  children: ChildRegistry,
  scale: number,
): ClaEpisodeRecord[] {
  const out: ClaEpisodeRecord[] = [];
  const cohort = Math.max(1, Math.round(24 * scale));
  for (let i = 0; i < cohort; i++) {
    // Aged 5 to 16 when the span starts.
    const child = children.createBorn(calendar.first - rng.int(5 * 365 + 2, 16 * 365), true);
    const status = rng.chance(0.7) ? "V3" : "V4";
    const home = rng.chance(0.75);
    const adult = children.birthday(child, 18);
    let day = calendar.first + rng.int(0, 40);
    while (day <= calendar.last && day < adult - 4) {
      const end = day + rng.int(1, 3);
      const open = end > calendar.last;
      out.push({
        episode_id: `SB${String(out.length + 1).padStart(6, "0")}`,
        child_id: children.id(child),
        start_date: calendar.date(day),
        end_date: open ? null : calendar.date(end),
        reason_new_episode: "S",
        legal_status: status,
        category_of_need: "N2",
        placement_type: home ? "K2" : "U6",
        placement_provider: "PR1",
        reason_ceased: open ? null : "E13",
        weekly_cost: null,
        team: "Disabled Children",
        reason_place_change: null,
        urn: null,
      });
      day = end + rng.int(21, 50);
    }
  }
  return out;
}
