import type { DueActivityRecord } from "@kpi/catalogue";
import type { DemoCalendar } from "./calendar.js";
import type { ChildRegistry } from "./child-registry.js";
import type { Random } from "./random.js";
import type { Spell } from "./stock-controller.js";

type Kind = DueActivityRecord["kind"];

/** On-time share by kind and financial year (first calendar year); July and August dip below it. */
const ON_TIME: Readonly<Record<Kind, Readonly<Record<number, number>>>> = {
  cla_visit: { 2016: 0.88, 2017: 0.89, 2018: 0.91, 2019: 0.915 },
  cla_review: { 2016: 0.9, 2017: 0.91, 2018: 0.93, 2019: 0.93 },
  health_assessment: { 2016: 0.82, 2017: 0.85, 2018: 0.88, 2019: 0.88 },
  pathway_plan: { 2016: 0.78, 2017: 0.82, 2018: 0.86, 2019: 0.86 },
  cp_visit: { 2016: 0.86, 2017: 0.88, 2018: 0.9, 2019: 0.91 },
  cp_review: { 2016: 0.92, 2017: 0.93, 2018: 0.95, 2019: 0.95 },
};
const SUMMER_DIP: Readonly<Record<Kind, number>> = {
  cla_visit: 0.06,
  cla_review: 0.05,
  health_assessment: 0.07,
  pathway_plan: 0.08,
  cp_visit: 0.05,
  cp_review: 0.03,
};

/** The spells whose statutory activities fall due. */
export interface DueActivitySources {
  /** Periods of care (visits, reviews, health assessments). */
  readonly care: readonly Spell[];
  /** Child protection plans (visits, reviews). */
  readonly protection: readonly Spell[];
  /** Care leavers (pathway plans). */
  readonly careLeavers: readonly Spell[];
}

/**
 * Generate activities with statutory due dates on their schedules (looked-after visits every 6 weeks,
 * reviews at 20 working days, 3 months and then 6-monthly, health assessments, CP visits every 4 weeks
 * and reviews, pathway plans every 6 months), completed on time mostly, with dips in July and August
 * and, in 2019-20, no further improvement.
 *
 * @param rng - random source
 * @param calendar - the demo calendar
 * @param children - the child registry
 * @param sources - the spells activities fall due in
 * @returns `due_activities` records
 * @example
 * ```ts
 * generateDueActivities(rng, cal, registry, { care: [], protection: [], careLeavers: [] }); // []
 * ```
 */
export function generateDueActivities(
  rng: Random,
  calendar: DemoCalendar,
  children: ChildRegistry,
  sources: DueActivitySources,
): DueActivityRecord[] {
  const first = calendar.first;
  const last = calendar.last;
  const out: DueActivityRecord[] = [];

  const add = (kind: Kind, child: number, due: number): void => {
    const fy = calendar.fyStartOf(due);
    const table = ON_TIME[kind];
    const base = table[Math.max(2016, Math.min(2019, fy))] as number;
    const month = calendar.month(due);
    const dip =
      month === 7 || month === 8 ? SUMMER_DIP[kind] * (fy >= 2019 ? 1.25 : 1) : month === 9 ? 0.01 : 0;
    let completed: number | null;
    if (rng.chance(base - dip)) completed = due - rng.int(0, 6);
    else if (rng.chance(0.97)) completed = due + 1 + Math.floor(rng.exponential(12));
    else completed = null;
    if (completed !== null && completed > last) completed = null;
    out.push({
      activity_id: "",
      child_id: children.id(child),
      kind,
      due_date: calendar.date(due),
      completed_date: completed === null ? null : calendar.date(completed),
    });
  };

  /** Due dates from `firstDue`, then each gap in turn (the last gap repeats), while the spell is open. */
  const series = (kind: Kind, spell: Spell, firstDue: number, gaps: readonly number[]): void => {
    const until = Math.min(spell.end ?? last, last);
    let due = firstDue;
    for (let k = 0; due <= until; k++) {
      if (due >= first) add(kind, spell.child, due);
      due += gaps[Math.min(k, gaps.length - 1)] as number;
    }
  };

  for (const p of sources.care) {
    series("cla_visit", p, p.start + 7, [42]);
    series("cla_review", p, p.start + 28, [91, 182]);
    const under5 = children.ageOn(p.child, Math.max(p.start, first)) < 5;
    series("health_assessment", p, p.start + 28, [under5 ? 182 : 365]);
  }
  for (const p of sources.protection) {
    series("cp_visit", p, p.start + 10, [28]);
    series("cp_review", p, p.start + 91, [182]);
  }
  for (const l of sources.careLeavers) series("pathway_plan", l, l.start + 91, [182]);

  out.sort((a, b) => (a.due_date < b.due_date ? -1 : a.due_date > b.due_date ? 1 : 0));
  out.forEach((a, i) => {
    a.activity_id = `DA${String(i + 1).padStart(7, "0")}`;
  });
  return out;
}
