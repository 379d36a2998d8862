import type { CinPlanRecord } from "@kpi/catalogue";
import type { DemoCalendar } from "./calendar.js";
import type { CandidateQueue } from "./candidates.js";
import type { ChildRegistry } from "./child-registry.js";
import { demoPopulation } from "./population.js";
import type { Random } from "./random.js";
import { simulateStock } from "./stock-controller.js";
import { anchorValue, STOCK_ANCHORS } from "./story.js";

type EndReason = NonNullable<CinPlanRecord["end_reason"]>;

const END_REASONS: readonly (readonly [EndReason, number])[] = [
  ["stepped_up_cp", 6],
  ["became_looked_after", 3],
  ["stepped_down_early_help", 36],
  ["no_longer_in_need", 44],
  ["transferred", 5],
  ["other", 6],
];

const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 4], 26],
  [[5, 9], 28],
  [[10, 15], 36],
  [[16, 16], 10],
];

/**
 * Generate child in need plans whose open count follows the story's rate per 10,000 children (42 at
 * 31 March 2019 rising to 44 at 30 September 2019), started mostly for children whose assessment
 * recommended one; a small share end by stepping up to child protection or care.
 *
 * @param rng - random source
 * @param calendar - the demo calendar
 * @param children - the child registry
 * @param candidates - children assessed as needing a CIN plan
 * @param scale - volume multiplier
 * @returns the `cin_plans` records
 * @example
 * ```ts
 * generateChildrenInNeed(rng, cal, registry, new CandidateQueue(fd.candidates.CIN), 1).length > 0; // true
 * ```
 */
export function generateChildrenInNeed(
  rng: Random,
  calendar: DemoCalendar,
  children: ChildRegistry,
  candidates: CandidateQueue,
  scale: number,
): CinPlanRecord[] {
  const first = calendar.first;
  const last = calendar.last;
  const plans: { child: number; start: number; end: number }[] = [];
  const openUntil = new Map<number, number>();
  const duration = (): number => Math.max(30, Math.round(rng.logNormal(210, 0.65)));
  const newChild = (day: number): number => {
    const [lo, hi] = rng.weighted(AGE_BANDS);
    return children.createAged(rng.int(lo, hi), day);
  };
  const add = (child: number, start: number, end: number): number => {
    let e = calendar.workingDayFrom(end);
    const adult = children.birthday(child, 18);
    if (adult < e) e = Math.max(start + 1, adult);
    plans.push({ child, start, end: e });
    openUntil.set(child, e);
    return e;
  };

  simulateStock({
    calendar,
    target: (day) =>
      (anchorValue(STOCK_ANCHORS.cinRate, day) * demoPopulation(calendar.fyStartOf(day), scale)) / 10_000,
    openInitial: (count) =>
      Array.from({ length: count }, () => {
        const d = duration();
        const start = first - 1 - rng.int(0, d - 1);
        return add(newChild(start), start, start + d);
      }),
    open: (day) => {
      let child: number | undefined;
      for (let tries = 0; tries < 3 && child === undefined; tries++) {
        const c = candidates.take(day, 90);
        if (c === undefined) break;
        if ((openUntil.get(c) ?? 0) <= day && children.ageOn(c, day) <= 16) child = c;
      }
      return add(child ?? newChild(day), day, day + duration());
    },
  });

  plans.sort((a, b) => a.start - b.start);
  return plans.map((p, i) => {
    const open = p.end > last;
    return {
      plan_id: `CIN${String(i + 1).padStart(6, "0")}`,
      child_id: children.id(p.child),
      start_date: calendar.date(p.start),
      end_date: open ? null : calendar.date(p.end),
      end_reason: open ? null : rng.weighted(END_REASONS),
    };
  });
}
