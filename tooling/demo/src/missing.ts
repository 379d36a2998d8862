import type { MissingEpisodeRecord } from "@kpi/catalogue";
import type { DemoCalendar, DemoQuarter } from "./calendar.js";
import type { ChildRegistry } from "./child-registry.js";
import type { Random } from "./random.js";
import type { Spell } from "./stock-controller.js";
import { MISSING_FROM_CARE_CHILDREN, MISSING_FROM_HOME_CHILDREN, quarterValue } from "./story.js";

type Interview = NonNullable<MissingEpisodeRecord["return_interview"]>;

interface Draft {
  child: number;
  start: number;
  end: number;
  kind: "missing" | "absent";
  from: "care" | "home";
}

/**
 * Generate missing and absent episodes: each quarter, exactly the story's number of distinct children
 * go missing from care (teenagers looked after throughout the quarter) and from home (teenagers known
 * to the front door, not in care), most more than once, with summer peaks and the fall in 2019-20.
 *
 * @param rng - random source
 * @param calendar - the demo calendar
 * @param children - the child registry
 * @param periods - periods of care
 * @param scale - volume multiplier
 * @returns `missing_episodes` records
 * @example
 * ```ts
 * generateMissing(rng, cal, registry, care.periods, 1).some((m) => m.from === "care"); // true
 * ```
 */
export function generateMissing(
  rng: Random,
  calendar: DemoCalendar,
  children: ChildRegistry,
  periods: readonly Spell[],
  scale: number,
): MissingEpisodeRecord[] {
  const drafts: Draft[] = [];
  const last = calendar.last;

  const incidents = (child: number, q: DemoQuarter, from: "care" | "home", mean: number): void => {
    const count = 1 + Math.floor(rng.exponential(mean));
    const absent = rng.chance(0.3) ? 1 + Math.floor(rng.exponential(0.8)) : 0;
    const starts: { day: number; kind: "missing" | "absent" }[] = [];
    for (let k = 0; k < count + absent; k++)
      starts.push({ day: rng.int(q.start, q.end), kind: k < count ? "missing" : "absent" });
    starts.sort((a, b) => a.day - b.day);
    // The first incident is a missing one, so every chosen child counts.
    const firstMissing = starts.findIndex((s) => s.kind === "missing");
    const head = starts[0] as { day: number; kind: "missing" | "absent" };
    (starts[firstMissing] as { kind: string }).kind = head.kind;
    head.kind = "missing";
    let prevEnd = -1;
    for (const s of starts) {
      const start = Math.max(s.day, prevEnd + 1);
      if (start > q.end || start > last) break;
      const end = start + (rng.chance(0.35) ? 0 : rng.int(1, 3));
      drafts.push({ child, start, end, kind: s.kind, from });
      prevEnd = end;
    }
  };

  for (const q of calendar.quarters) {
    const careCandidates: number[] = [];
    const touched = new Set<number>();
    for (const p of periods) {
      if (p.start > q.end || (p.end !== null && p.end < q.start)) continue;
      touched.add(p.child);
      const age = children.ageOn(p.child, q.start);
      if (p.start <= q.start && (p.end === null || p.end > q.end) && age >= 12 && age <= 17)
        careCandidates.push(p.child);
    }
    const fromCare = Math.round(quarterValue(MISSING_FROM_CARE_CHILDREN, q.fyStart, q.quarter) * scale);
    rng.shuffle(careCandidates);
    for (const child of careCandidates.slice(0, fromCare)) incidents(child, q, "care", 1.4);

    const fromHome = Math.round(quarterValue(MISSING_FROM_HOME_CHILDREN, q.fyStart, q.quarter) * scale);
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < fromHome && tries < fromHome * 200; tries++) {
      const child = rng.int(0, children.size - 1);
      if (chosen.has(child) || touched.has(child)) continue;
      const age = children.ageOn(child, q.start);
      if (age >= 11 && age <= 17) chosen.add(child);
    }
    for (const child of chosen) incidents(child, q, "home", 0.6);
  }

  drafts.sort((a, b) => a.start - b.start);
  return drafts.map((d, i) => {
    const open = d.end > last;
    return {
      episode_id: `MI${String(i + 1).padStart(7, "0")}`,
      child_id: children.id(d.child),
      start_date: calendar.date(d.start),
      end_date: open ? null : calendar.date(d.end),
      kind: d.kind,
      from: d.from,
      return_interview: open
        ? null
        : rng.weighted<Interview>([
            ["offered_accepted", 55],
            ["offered_declined", 25],
            ["not_offered", 20],
          ]),
    };
  });
}
