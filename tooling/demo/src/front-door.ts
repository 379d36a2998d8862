import type { AssessmentRecord, ContactRecord, ReferralRecord } from "@kpi/catalogue";
import type { DemoCalendar, DemoQuarter } from "./calendar.js";
import type { Candidate } from "./candidates.js";
import type { ChildRegistry } from "./child-registry.js";
import type { Random } from "./random.js";
import {
  ASSESSMENT_TIMELY_SHARE,
  CONTACTS_PER_QUARTER,
  CONTINUED_INTERVENTION_SHARE,
  DECISION_TIMELY_SHARE,
  LEVEL_3_SHARE,
  LEVEL_4_SHARE,
  quarterValue,
  SCHOOLS_LEVEL_3,
  SCHOOLS_LEVEL_4_MAX,
  SCHOOLS_LEVEL_4_UPLIFT,
} from "./story.js";

type Source = ContactRecord["source"];
type Outcome = NonNullable<AssessmentRecord["outcome"]>;

const SOURCES: readonly (readonly [Source, number])[] = [
  ["1A", 55],
  ["1B", 12],
  ["1C", 8],
  ["1D", 10],
  ["2A", 215],
  ["2B", 25],
  ["3A", 30],
  ["3B", 28],
  ["3C", 12],
  ["3D", 10],
  ["3E", 35],
  ["3F", 30],
  ["4", 18],
  ["5A", 35],
  ["5B", 18],
  ["5C", 12],
  ["5D", 40],
  ["6", 240],
  ["7", 25],
  ["8", 50],
  ["9", 18],
  ["10", 24],
];

const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 0], 10],
  [[1, 4], 20],
  [[5, 9], 26],
  [[10, 15], 34],
  [[16, 17], 10],
];

/** Areas: teams are named after them. */
export const AREAS = ["North", "South", "East", "West"] as const;

/** What {@link generateFrontDoor} produces: the records and the children assessed as needing more. */
export interface FrontDoorResult {
  /** `contacts` records. */
  readonly contacts: ContactRecord[];
  /** `referrals` records. */
  readonly referrals: ReferralRecord[];
  /** `assessments` records. */
  readonly assessments: AssessmentRecord[];
  /** Children whose assessment recommended a CIN plan, a CP enquiry or care, in date order. */
  readonly candidates: Readonly<Record<"CIN" | "CP" | "CLA", Candidate[]>>;
}

interface Draft {
  day: number;
  source: Source;
  child: number;
  decision: number | null;
  level: number | null;
}

/**
 * Generate the Family Front Door: contacts with sources, decisions and levels of need (level shares
 * set exactly per quarter from the story, schools deciding higher), referrals from level-4 decisions,
 * and social work assessments with their timeliness and outcomes.
 *
 * @param rng - random source
 * @param calendar - the demo calendar
 * @param children - the child registry (contacts create most children)
 * @param scale - volume multiplier
 * @returns the records and the intervention candidates
 * @example
 * ```ts
 * const cal = new DemoCalendar("FY2016-17", "FY2019-20-Q2");
 * const fd = generateFrontDoor(new Random(1), cal, new ChildRegistry(new Random(2), cal), 1);
 * fd.contacts.length > 20_000; // true
 * ```
 */
export function generateFrontDoor(
  rng: Random,
  calendar: DemoCalendar,
  children: ChildRegistry,
  scale: number,
): FrontDoorResult {
  const contacts: ContactRecord[] = [];
  const referrals: ReferralRecord[] = [];
  const assessments: AssessmentRecord[] = [];
  const candidates: Record<"CIN" | "CP" | "CLA", Candidate[]> = { CIN: [], CP: [], CLA: [] };
  const recent: number[] = [];
  const recentSize = Math.max(100, Math.round(6000 * scale));
  let recentNext = 0;
  const last = calendar.last;

  const pickChild = (day: number): number => {
    if (recent.length > 50 && rng.chance(0.27)) {
      const c = rng.pick(recent);
      if (children.ageOn(c, day) <= 17) return c;
    }
    const [lo, hi] = rng.weighted(AGE_BANDS);
    const c = children.createAged(rng.int(lo, hi), day);
    if (recent.length < recentSize) recent.push(c);
    else {
      recent[recentNext] = c;
      recentNext = (recentNext + 1) % recentSize;
    }
    return c;
  };

  const dayWeight = (day: number, source: Source): number => {
    const working = calendar.isWorkingDay(day);
    if (source !== "2A") return working ? 1 : 0.3;
    if (!working) return 0.04;
    // School holidays: summer (22 July to 31 August) and Christmas (21 December to 3 January).
    const md = calendar.monthDayOf(day);
    if (md >= 722 && md <= 831) return 0.08;
    if (md >= 1221 || md <= 103) return 0.1;
    return 1;
  };

  const assess = (child: number, referralId: string | null, start: number, area: string): void => {
    if (start > last) return;
    const q = calendar.quarterOf(Math.min(Math.max(start + 56, calendar.first), last)) as DemoQuarter;
    const onTime = rng.chance(quarterValue(ASSESSMENT_TIMELY_SHARE, q.fyStart, q.quarter));
    const wd = onTime
      ? Math.max(3, Math.min(45, Math.round(33 + 9 * rng.normal())))
      : 46 + Math.floor(rng.exponential(10));
    const authorised = calendar.addWorkingDays(start, wd);
    if (authorised < calendar.first) return;
    let outcome: Outcome | null = null;
    if (authorised <= last) {
      const aq = calendar.quarterOf(authorised) as DemoQuarter;
      if (rng.chance(quarterValue(CONTINUED_INTERVENTION_SHARE, aq.fyStart, aq.quarter))) {
        outcome = rng.weighted<Outcome>([
          ["CIN", 0.6],
          ["CP", 0.3],
          ["CLA", 0.1],
        ]);
        (candidates[outcome as "CIN" | "CP" | "CLA"] as Candidate[]).push({ child, day: authorised });
      } else outcome = rng.chance(0.45) ? "EH" : "NFA";
    }
    assessments.push({
      assessment_id: "",
      child_id: children.id(child),
      referral_id: referralId,
      start_date: calendar.date(start),
      authorised_date: authorised <= last ? calendar.date(authorised) : null,
      outcome,
      team: `Assessment ${area}`,
      factors: null,
    });
  };

  // Assessments already under way when the span starts (their contacts and referrals predate it).
  const q0 = calendar.quarters[0] as DemoQuarter;
  const carried = Math.round(
    quarterValue(CONTACTS_PER_QUARTER, q0.fyStart, 4) * 0.36 * 0.9 * scale * (100 / 91),
  );
  for (let i = 0; i < carried; i++) {
    const start = calendar.randomWorkingDay(rng, calendar.first - 100, calendar.first - 1);
    const [lo, hi] = rng.weighted(AGE_BANDS);
    const child = children.createAged(rng.int(lo, hi), start);
    assess(child, null, start, AREAS[child % AREAS.length] as string);
  }

  for (const q of calendar.quarters) {
    const n = Math.round(quarterValue(CONTACTS_PER_QUARTER, q.fyStart, q.quarter) * scale);
    const drafts: Draft[] = [];
    for (let i = 0; i < n; i++) {
      const source = rng.weighted(SOURCES);
      let day = rng.int(q.start, q.end);
      for (let tries = 0; tries < 30 && !rng.chance(dayWeight(day, source)); tries++)
        day = rng.int(q.start, q.end);
      drafts.push({ day, source, child: -1, decision: null, level: null });
    }
    drafts.sort((a, b) => a.day - b.day);
    const timely = quarterValue(DECISION_TIMELY_SHARE, q.fyStart, q.quarter);
    const schools: Draft[] = [];
    const others: Draft[] = [];
    for (const d of drafts) {
      d.child = pickChild(d.day);
      const wd = rng.chance(timely) ? (rng.chance(0.6) ? 0 : 1) : rng.int(2, 6);
      const decision = calendar.addWorkingDays(d.day, wd);
      const awaiting = d.day > last - 10 && rng.chance(0.35);
      if (decision <= last && !awaiting) {
        d.decision = decision;
        (d.source === "2A" ? schools : others).push(d);
      }
    }
    // Exact level shares for the quarter: schools decide higher, others make up the total.
    const p4 = quarterValue(LEVEL_4_SHARE, q.fyStart, q.quarter);
    const p3 = quarterValue(LEVEL_3_SHARE, q.fyStart, q.quarter);
    const total = schools.length + others.length;
    const n4 = Math.round(p4 * total);
    const n3 = Math.round(p3 * total);
    const n4s = Math.min(
      Math.round(Math.min(SCHOOLS_LEVEL_4_MAX, p4 + SCHOOLS_LEVEL_4_UPLIFT) * schools.length),
      n4,
    );
    const n3s = Math.min(Math.round(SCHOOLS_LEVEL_3 * schools.length), n3, schools.length - n4s);
    assignLevels(rng, schools, n4s, n3s);
    assignLevels(rng, others, n4 - n4s, n3 - n3s);

    for (const d of drafts) {
      const area = AREAS[d.child % AREAS.length] as string;
      contacts.push({
        contact_id: `CT${String(contacts.length + 1).padStart(7, "0")}`,
        child_id: children.id(d.child),
        contact_date: calendar.date(d.day),
        source: d.source,
        decision_date: d.decision === null ? null : calendar.date(d.decision),
        level_of_need: d.level,
        team: `FFD ${area}`,
      });
      if (d.level !== 4 || d.decision === null) continue;
      const referralId = `RF${String(referrals.length + 1).padStart(7, "0")}`;
      const nfa = rng.chance(0.1);
      referrals.push({
        referral_id: referralId,
        child_id: children.id(d.child),
        referral_date: calendar.date(d.decision),
        source: d.source,
        nfa,
        team: `Assessment ${area}`,
        primary_need: null,
        closure_date: null,
        closure_reason: null,
        icpc_date: null,
      });
      if (nfa) continue;
      assess(d.child, referralId, calendar.addWorkingDays(d.decision, rng.int(0, 3)), area);
    }
  }
  for (const list of Object.values(candidates)) list.sort((a, b) => a.day - b.day);
  assessments.sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : 0));
  assessments.forEach((a, i) => {
    a.assessment_id = `AS${String(i + 1).padStart(7, "0")}`;
  });
  return { contacts, referrals, assessments, candidates };
}

/** Give exactly `n4` drafts level 4, `n3` level 3 and the rest level 1 or 2, in random order. */
function assignLevels(rng: Random, group: Draft[], n4: number, n3: number): void {
  const order = rng.shuffle(group.map((_, i) => i));
  order.forEach((idx, rank) => {
    const d = group[idx] as Draft;
    d.level = rank < n4 ? 4 : rank < n4 + n3 ? 3 : rng.chance(0.3) ? 1 : 2;
  });
}
