import type { CpPlanRecord, S47EnquiryRecord } from "@kpi/catalogue";
import type { DemoCalendar } from "./calendar.js";
import type { CandidateQueue } from "./candidates.js";
import type { ChildRegistry } from "./child-registry.js";
import { demoPopulation } from "./population.js";
import type { Random } from "./random.js";
import { type Spell, simulateStock } from "./stock-controller.js";
import { anchorValue, ICPC_PLAN_SHARE, quarterValue, STOCK_ANCHORS } from "./story.js";

type Category = NonNullable<CpPlanRecord["initial_category"]>;

const CATEGORIES: readonly (readonly [Category, number])[] = [
  ["NEG", 48],
  ["EMO", 30],
  ["PHY", 10],
  ["SAB", 5],
  ["MUL", 7],
];

const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 0], 14],
  [[1, 4], 28],
  [[5, 9], 28],
  [[10, 15], 27],
  [[16, 16], 3],
];

/** What {@link generateProtection} produces. */
export interface ProtectionResult {
  /** `cp_plans` records. */
  readonly cpPlans: CpPlanRecord[];
  /** `s47_enquiries` records. */
  readonly s47Enquiries: S47EnquiryRecord[];
  /** Every plan as a spell (for reviews and visits). */
  readonly spells: Spell[];
}

interface S47Draft {
  child: number;
  start: number;
  notRequired: boolean;
  icpc: number | null;
  plan: boolean | null;
}

/**
 * Generate child protection: CP plans whose number rises along the story's rate per 10,000, started at
 * ICPCs (81–85% of which result in a plan), S47 enquiries behind every ICPC plus enquiries that needed
 * no conference, repeat plans for some children, and categories with neglect the largest.
 *
 * @param rng - random source
 * @param calendar - the demo calendar
 * @param children - the child registry
 * @param candidates - children assessed as needing child protection
 * @param scale - volume multiplier
 * @returns the records and the plans as spells
 * @example
 * ```ts
 * const p = generateProtection(rng, cal, registry, new CandidateQueue(fd.candidates.CP), 1);
 * p.cpPlans.length > 0; // true
 * ```
 */
export function generateProtection(
  rng: Random,
  calendar: DemoCalendar,
  children: ChildRegistry,
  candidates: CandidateQueue,
  scale: number,
): ProtectionResult {
  const first = calendar.first;
  const last = calendar.last;
  const cpPlans: CpPlanRecord[] = [];
  const spells: Spell[] = [];
  const drafts: S47Draft[] = [];
  const planCount = new Map<number, number>();
  const openUntil = new Map<number, number>();
  const ended: { child: number; end: number }[] = [];

  const duration = (): number =>
    rng.chance(0.07) ? rng.int(60, 92) : Math.max(95, Math.round(rng.logNormal(270, 0.55)));
  const target = (day: number): number =>
    (anchorValue(STOCK_ANCHORS.cpRate, day) * demoPopulation(calendar.fyStartOf(day), scale)) / 10_000;

  const addPlan = (child: number, start: number, previous: number, end: number): number => {
    let e = calendar.workingDayFrom(end);
    const adult = children.birthday(child, 18);
    if (adult < e) e = Math.max(start + 1, adult);
    const initial = rng.weighted(CATEGORIES);
    const latest = rng.chance(0.9) ? initial : rng.weighted(CATEGORIES);
    const isOpen = e > last;
    cpPlans.push({
      plan_id: "",
      child_id: children.id(child),
      start_date: calendar.date(start),
      end_date: isOpen ? null : calendar.date(e),
      initial_category: initial,
      latest_category: latest,
      previous_plans: rng.chance(0.1) ? null : previous,
    });
    spells.push({ child, start, end: isOpen ? null : e });
    planCount.set(child, (planCount.get(child) ?? 0) + 1);
    openUntil.set(child, e);
    if (!isOpen) ended.push({ child, end: e });
    return e;
  };

  const newChild = (day: number): number => {
    const [lo, hi] = rng.weighted(AGE_BANDS);
    return children.createAged(rng.int(lo, hi), day);
  };

  const holderFor = (day: number): { child: number; previous: number } => {
    if (ended.length > 0 && rng.chance(0.16)) {
      for (let tries = 0; tries < 10; tries++) {
        const e = rng.pick(ended);
        if (e.end < day - 30 && (openUntil.get(e.child) ?? 0) <= day && children.ageOn(e.child, day) <= 15)
          return { child: e.child, previous: planCount.get(e.child) ?? 0 };
      }
    }
    for (let tries = 0; tries < 3; tries++) {
      const c = candidates.take(day, 120);
      if (c === undefined) break;
      if ((openUntil.get(c) ?? 0) <= day && children.ageOn(c, day) <= 16)
        return { child: c, previous: planCount.get(c) ?? 0 };
    }
    return { child: newChild(day), previous: 0 };
  };

  let icpcsHeld = 0;
  simulateStock({
    calendar,
    target,
    openInitial: (count) =>
      Array.from({ length: count }, () => {
        const d = duration();
        const start = first - 1 - rng.int(0, d - 1);
        const child = newChild(start);
        return addPlan(
          child,
          start,
          rng.weighted([
            [0, 85],
            [1, 12],
            [2, 3],
          ] as const),
          start + d,
        );
      }),
    open: (day) => {
      const { child, previous } = holderFor(day);
      // The ICPC that started the plan, and the S47 enquiry before it.
      const wd = rng.chance(0.8) ? rng.int(5, 15) : rng.int(16, 25);
      drafts.push({
        child,
        start: calendar.addWorkingDays(day, -wd),
        notRequired: false,
        icpc: day,
        plan: true,
      });
      icpcsHeld += 1;
      const q = calendar.quarterOf(day);
      const share = q ? quarterValue(ICPC_PLAN_SHARE, q.fyStart, q.quarter) : 0.83;
      if (rng.chance((1 - share) / share)) addEnquiry(day, true);
      const extra = rng.round(1.1);
      for (let k = 0; k < extra; k++) addEnquiry(day, false);
      return addPlan(child, day, previous, day + duration());
    },
  });

  function addEnquiry(day: number, conference: boolean): void {
    const child = candidates.take(day, 60) ?? newChild(day);
    if (conference) {
      const icpc = calendar.randomWorkingDay(rng, day - 10, day + 10);
      if (icpc > last) return;
      const wd = rng.chance(0.78) ? rng.int(5, 15) : rng.int(16, 25);
      drafts.push({
        child,
        start: calendar.addWorkingDays(icpc, -wd),
        notRequired: false,
        icpc,
        plan: false,
      });
      icpcsHeld += 1;
      return;
    }
    const start = calendar.randomWorkingDay(rng, day - 30, Math.min(day + 30, last));
    if (start >= first - 60) drafts.push({ child, start, notRequired: true, icpc: null, plan: null });
  }

  // Enquiries still waiting for their conference at the end of the span.
  const workingDays = Math.max(1, Math.round(((last - first + 1) * 5) / 7));
  const waiting = rng.round(((icpcsHeld / workingDays) * 12) / 2);
  for (let k = 0; k < waiting; k++) {
    const start = calendar.randomWorkingDay(rng, last - 17, last);
    drafts.push({ child: newChild(start), start, notRequired: false, icpc: null, plan: null });
  }

  cpPlans.sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : 0));
  cpPlans.forEach((p, i) => {
    p.plan_id = `CPP${String(i + 1).padStart(6, "0")}`;
  });
  drafts.sort((a, b) => a.start - b.start);
  const s47Enquiries: S47EnquiryRecord[] = drafts.map((d, i) => ({
    s47_id: `S47${String(i + 1).padStart(6, "0")}`,
    child_id: children.id(d.child),
    start_date: calendar.date(d.start),
    icpc_not_required: d.notRequired,
    icpc_date: d.icpc === null ? null : calendar.date(d.icpc),
    icpc_cp_plan: d.plan,
    icpc_target_date: null,
  }));
  return { cpPlans, s47Enquiries, spells };
}
