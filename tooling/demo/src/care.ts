import type { ClaEpisodeRecord } from "@kpi/catalogue";
import type { DemoCalendar, DemoQuarter } from "./calendar.js";
import type { CandidateQueue } from "./candidates.js";
import type { ChildRegistry } from "./child-registry.js";
import { AREAS } from "./front-door.js";
import { choosePlacement, type Placement } from "./placements.js";
import type { Random } from "./random.js";
import type { Spell } from "./stock-controller.js";
import {
  anchorValue,
  CARE_LEAVERS,
  CARE_POPULATION_AT_START,
  CARE_STARTS,
  INTERNAL_FOSTER_SHARE,
  PLACEMENT_MOVES_PER_YEAR,
  PLACEMENT_PRICE_INDEX,
  quarterValue,
  S20_ENTRANT_SHARE,
  S20_SHARE,
} from "./story.js";

type LegalStatus = ClaEpisodeRecord["legal_status"];
type ReasonNew = ClaEpisodeRecord["reason_new_episode"];
type ReasonCeased = NonNullable<ClaEpisodeRecord["reason_ceased"]>;
type Need = NonNullable<ClaEpisodeRecord["category_of_need"]>;
/** Why a planned leaver leaves; permanence leavers carry their years in care: under 1, 1–2, 2 or more. */
type LeaverKind = "s20" | "permanence0" | "permanence1" | "permanence2" | "legal" | "other";

const LEGAL_ORDERS: ReadonlySet<LegalStatus> = new Set(["C1", "C2", "D1", "E1"]);
const NEVER = Number.POSITIVE_INFINITY;

const ENTRANT_AGES: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 0], 19],
  [[1, 4], 15],
  [[5, 9], 15],
  [[10, 15], 33],
  [[16, 17], 18],
];
const STOCK_AGES: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 0], 4],
  [[1, 4], 15],
  [[5, 9], 20],
  [[10, 15], 38],
  [[16, 17], 24],
];
const NEEDS: readonly (readonly [Need, number])[] = [
  ["N1", 62],
  ["N2", 3],
  ["N3", 4],
  ["N4", 9],
  ["N5", 16],
  ["N6", 2],
  ["N7", 1],
];

/** A child in care while the simulation runs. */
interface InCare {
  readonly child: number;
  readonly periodStart: number;
  readonly ageOut: number;
  readonly need: Need;
  readonly team: string;
  status: LegalStatus;
  placement: Placement;
  episodeStart: number;
  episodeReason: ReasonNew;
  next: number;
  nextKind: "P" | "L";
  nextStatus: LegalStatus;
  pool: number;
}

/** A child leaving care: who, when, and how old. */
export interface CareExit {
  /** Child index. */
  readonly child: number;
  /** Day the child left. */
  readonly day: number;
  /** Age in whole years on that day. */
  readonly age: number;
}

/** What {@link generateCare} produces. */
export interface CareResult {
  /** `cla_episodes` records (periods of care; short breaks are added separately). */
  readonly episodes: ClaEpisodeRecord[];
  /** Every period of care as a spell (for visits, reviews, missing from care). */
  readonly periods: Spell[];
  /** Every exit from care in the span. */
  readonly exits: CareExit[];
}

/**
 * Simulate the looked-after population day by day: children start care (exactly the story's number
 * per quarter), move placement (`P`), change legal status (`L`, `B`: S20 to interim to full care order,
 * placement orders for young children), and leave (exactly the story's number per quarter: young
 * people at 18, S20 children returning home, legal-order children to adoption, special guardianship
 * or child arrangements orders, mostly within 24 months). Episodes of a period of care chain by `X1`.
 *
 * @param rng - random source
 * @param calendar - the demo calendar
 * @param children - the child registry
 * @param candidates - children assessed as needing care
 * @param scale - volume multiplier
 * @returns episodes, periods of care and exits
 * @example
 * ```ts
 * const care = generateCare(rng, cal, registry, new CandidateQueue(fd.candidates.CLA), 1);
 * care.episodes.some((e) => e.reason_ceased === "X1"); // true
 * ```
 */
export function generateCare(
  rng: Random,
  calendar: DemoCalendar,
  children: ChildRegistry,
  candidates: CandidateQueue,
  scale: number,
): CareResult {
  const first = calendar.first;
  const last = calendar.last;
  const span = last - first + 1;
  const episodes: ClaEpisodeRecord[] = [];
  const periods: Spell[] = [];
  const exits: CareExit[] = [];
  const pool: InCare[] = [];
  const inCare = new Set<number>();
  const formerlyInCare: CareExit[] = [];
  const events: InCare[][] = Array.from({ length: span }, () => []);
  const ageOuts: InCare[][] = Array.from({ length: span }, () => []);
  const leaverPlan: LeaverKind[][] = Array.from({ length: span }, () => []);
  const startPlan = new Int32Array(span);

  const fy = (day: number): number => calendar.fyStartOf(day);
  // Steer the S20 share of the care population along the story (about 19% falling to 14%).
  let s20Count = 0;
  const s20Gap = (day: number): number => s20Count / Math.max(1, pool.length) - anchorValue(S20_SHARE, day);
  const fosterShare = (day: number): number => quarterValue(INTERNAL_FOSTER_SHARE, fy(day), 1);
  const price = (day: number): number => anchorValue(PLACEMENT_PRICE_INDEX, day);

  const emit = (s: InCare, end: number | null, reason: ReasonCeased | null): void => {
    episodes.push({
      episode_id: "",
      child_id: children.id(s.child),
      start_date: calendar.date(s.episodeStart),
      end_date: end === null ? null : calendar.date(end),
      reason_new_episode: s.episodeReason,
      legal_status: s.status,
      category_of_need: s.need,
      placement_type: s.placement.type,
      placement_provider: s.placement.provider,
      reason_ceased: reason,
      weekly_cost: s.placement.cost,
      team: s.team,
      reason_place_change: null,
      urn: null,
    });
  };

  const schedule = (s: InCare, day: number): void => {
    const age = children.ageOn(s.child, day);
    const rate =
      quarterValue(PLACEMENT_MOVES_PER_YEAR, fy(day), 1) *
      (age >= 13 ? 1.4 : age < 5 ? 0.7 : 1) *
      // Moves are most frequent early in care; long-term placements rarely break down.
      (day - s.periodStart < 365 ? 1.6 : day - s.periodStart < 730 ? 0.9 : 0.35);
    let next = day + 1 + Math.floor(rng.exponential(365 / rate));
    let kind: "P" | "L" = "P";
    let nextStatus: LegalStatus = s.status;
    let legal = NEVER;
    if (
      s.status === "V2" &&
      day - s.periodStart < 365 &&
      rng.chance(Math.max(0.05, Math.min(0.6, 0.2 + 4 * s20Gap(day))))
    ) {
      legal = day + rng.int(14, 180);
      nextStatus = "C1";
    } else if (s.status === "C1") {
      legal = day + rng.int(90, 300);
      nextStatus = "C2";
    } else if (s.status === "L1" || s.status === "L2") {
      legal = day + rng.int(1, 8);
      nextStatus = rng.chance(0.7) ? "C1" : "V2";
    } else if (s.status === "C2" && age < 7 && rng.chance(0.8)) {
      legal = day + rng.int(60, 400);
      nextStatus = "E1";
    }
    if (legal < next) {
      next = legal;
      kind = "L";
    }
    s.next = next;
    s.nextKind = kind;
    s.nextStatus = nextStatus;
    if (next <= last) (events[next - first] as InCare[]).push(s);
  };

  const enter = (s: InCare): void => {
    if (s.status === "V2") s20Count += 1;
    s.pool = pool.length;
    pool.push(s);
    inCare.add(s.child);
    if (s.ageOut <= last && s.ageOut >= first) (ageOuts[s.ageOut - first] as InCare[]).push(s);
  };

  const leave = (s: InCare, day: number, reason: ReasonCeased): void => {
    emit(s, day, reason);
    if (s.status === "V2") s20Count -= 1;
    const lastInPool = pool.pop() as InCare;
    if (lastInPool !== s) {
      pool[s.pool] = lastInPool;
      lastInPool.pool = s.pool;
    }
    s.pool = -1;
    inCare.delete(s.child);
    periods.push({ child: s.child, start: s.periodStart, end: day });
    const exit = { child: s.child, day, age: children.ageOn(s.child, day) };
    exits.push(exit);
    formerlyInCare.push(exit);
  };

  const newState = (child: number, periodStart: number, status: LegalStatus, day: number): InCare => {
    const age = children.ageOn(child, day);
    const uasc = age >= 15 && status === "V2" && rng.chance(0.1);
    return {
      child,
      periodStart,
      ageOut: children.birthday(child, 18),
      need: uasc ? "N8" : rng.weighted(NEEDS),
      team: `Through Care ${AREAS[child % AREAS.length]}`,
      status,
      placement: choosePlacement(rng, age, status, fosterShare(day), price(day)),
      episodeStart: day,
      episodeReason: "S",
      next: NEVER,
      nextKind: "P",
      nextStatus: status,
      pool: -1,
    };
  };

  // ── the care population when the span starts ──
  const initial = Math.round(CARE_POPULATION_AT_START * scale);
  for (let i = 0; i < initial; i++) {
    const [lo, hi] = rng.weighted(STOCK_AGES);
    const child = children.createAged(rng.int(lo, hi), first);
    const lived = first - children.dob(child);
    const inCareFor = Math.max(1, Math.min(lived, 1 + Math.floor(rng.exponential(900))));
    const periodStart = first - inCareFor;
    const age = children.ageOn(child, first);
    let status: LegalStatus;
    if (inCareFor < 300) status = rng.chance(0.38) ? "V2" : "C1";
    else if (rng.chance(0.15)) status = "V2";
    else status = age < 6 && rng.chance(0.3) ? "E1" : "C2";
    const s = newState(child, periodStart, status, periodStart);
    if (inCareFor > 30 && rng.chance(0.6)) {
      // An earlier placement in the same period of care, ended by a move.
      const moved = periodStart + rng.int(1, inCareFor - 1);
      s.episodeStart = periodStart;
      emit(s, moved, "X1");
      s.episodeStart = moved;
      s.episodeReason = "P";
      s.placement = choosePlacement(
        rng,
        children.ageOn(child, moved),
        status,
        fosterShare(moved),
        price(moved),
      );
    }
    enter(s);
    schedule(s, first);
  }

  // ── plan each quarter's starts and leavers when it begins ──
  const planQuarter = (q: DemoQuarter): void => {
    const starts = Math.round(quarterValue(CARE_STARTS, q.fyStart, q.quarter) * scale);
    for (let k = 0; k < starts; k++) {
      const day = rng.chance(0.9) ? calendar.randomWorkingDay(rng, q.start, q.end) : rng.int(q.start, q.end);
      startPlan[day - first] = (startPlan[day - first] as number) + 1;
    }
    const leavers = Math.round(quarterValue(CARE_LEAVERS, q.fyStart, q.quarter) * scale);
    let agingOut = 0;
    let agingOutS20 = 0;
    let agingOutLegal = 0;
    for (const s of pool) {
      if (s.ageOut < q.start || s.ageOut > q.end) continue;
      agingOut += 1;
      if (s.status === "V2") agingOutS20 += 1;
      else if (LEGAL_ORDERS.has(s.status)) agingOutLegal += 1;
    }
    const chosen = Math.max(0, leavers - agingOut);
    const s20 = Math.max(0, Math.round(0.46 * leavers) - agingOutS20);
    const permanence = Math.round(0.27 * leavers);
    const legal = Math.max(0, Math.round(0.51 * leavers) - permanence - agingOutLegal);
    const kinds: LeaverKind[] = [];
    // Years in care of permanence leavers: 11 of 33 under 12 months, 24 of 33 under 24 months (the report).
    const underOne = Math.round((permanence * 11) / 33);
    const underTwo = Math.round((permanence * 24) / 33);
    for (let k = 0; k < permanence && kinds.length < chosen; k++)
      kinds.push(k < underOne ? "permanence0" : k < underTwo ? "permanence1" : "permanence2");
    for (let k = 0; k < s20 && kinds.length < chosen; k++) kinds.push("s20");
    for (let k = 0; k < legal && kinds.length < chosen; k++) kinds.push("legal");
    while (kinds.length < chosen) kinds.push("other");
    for (const kind of kinds) {
      const day = calendar.randomWorkingDay(rng, q.start, q.end);
      (leaverPlan[day - first] as LeaverKind[]).push(kind);
    }
  };

  const findLeaver = (kind: LeaverKind, day: number, quarterEnd: number): InCare | undefined => {
    const tests: ((s: InCare) => boolean)[] = [];
    const age = (s: InCare): number => children.ageOn(s.child, day);
    if (kind === "s20") {
      if (rng.chance(0.75)) tests.push((s) => s.status === "V2" && age(s) >= 16);
      tests.push((s) => s.status === "V2");
    } else if (kind === "permanence0" || kind === "permanence1" || kind === "permanence2") {
      const bucket = kind === "permanence0" ? [0, 1] : kind === "permanence1" ? [1, 2] : [2, 99];
      const inBucket = (s: InCare): boolean =>
        day >= calendar.addYears(s.periodStart, bucket[0] as number) &&
        day < calendar.addYears(s.periodStart, bucket[1] as number);
      tests.push((s) => LEGAL_ORDERS.has(s.status) && age(s) < 14 && inBucket(s));
      tests.push((s) => LEGAL_ORDERS.has(s.status) && inBucket(s));
      tests.push((s) => LEGAL_ORDERS.has(s.status) && age(s) < 16);
    } else if (kind === "legal") {
      if (rng.chance(0.85)) tests.push((s) => LEGAL_ORDERS.has(s.status) && age(s) >= 16);
      tests.push((s) => LEGAL_ORDERS.has(s.status));
    } else {
      tests.push((s) => s.status !== "V2" && !LEGAL_ORDERS.has(s.status));
    }
    tests.push(() => true);
    for (const test of tests) {
      for (let tries = 0; tries < 400; tries++) {
        const s = rng.pick(pool);
        if (s.ageOut > quarterEnd && s.episodeStart < day && test(s)) return s;
      }
    }
    return undefined;
  };

  const leaveReason = (kind: LeaverKind, s: InCare, day: number): ReasonCeased => {
    const age = children.ageOn(s.child, day);
    if (kind === "permanence0" || kind === "permanence1" || kind === "permanence2") {
      if (s.status === "E1") return rng.chance(0.4) ? "E11" : "E12";
      return rng.weighted<ReasonCeased>([
        ["E41", 20],
        ["E43", 45],
        ["E44", 15],
        ["E45", 10],
        ["E46", 5],
        ["E47", 3],
        ["E48", 2],
      ]);
    }
    if (s.status === "J1" || s.status === "J2" || s.status === "J3")
      return rng.weighted<ReasonCeased>([
        ["E14", 60],
        ["E9", 20],
        ["E4A", 20],
      ]);
    if (age >= 16)
      return rng.weighted<ReasonCeased>([
        ["E5", 38],
        ["E6", 10],
        ["E8", 20],
        ["E13", 15],
        ["E4A", 12],
        ["E4B", 3],
        ["E3", 2],
      ]);
    return rng.weighted<ReasonCeased>([
      ["E4A", 52],
      ["E4B", 8],
      ["E13", 26],
      ["E3", 7],
      ["E16", 2],
      ["E8", 5],
    ]);
  };

  const startCare = (day: number): void => {
    let child: number | undefined;
    if (formerlyInCare.length > 0 && rng.chance(0.04)) {
      for (let tries = 0; tries < 10 && child === undefined; tries++) {
        const e = rng.pick(formerlyInCare);
        if (e.day <= day - 365 && !inCare.has(e.child) && children.ageOn(e.child, day) <= 15) child = e.child;
      }
    }
    if (child === undefined) {
      for (let tries = 0; tries < 3 && child === undefined; tries++) {
        const c = candidates.take(day, 60);
        if (c === undefined) break;
        if (!inCare.has(c) && children.birthday(c, 18) > day + 180) child = c;
      }
    }
    if (child === undefined) {
      const [lo, hi] = rng.weighted(ENTRANT_AGES);
      child = children.createAged(rng.int(lo, hi), day);
      if (children.birthday(child, 18) <= day + 180) child = children.createAged(16, day);
    }
    const age = children.ageOn(child, day);
    let status: LegalStatus;
    if (age >= 10 && rng.chance(0.04)) status = "J2";
    else if (rng.chance(0.04)) status = "L2";
    else {
      const share = quarterValue(S20_ENTRANT_SHARE, fy(day), 1) - 2 * s20Gap(day);
      status = rng.chance(Math.max(0.2, Math.min(0.8, share))) ? "V2" : "C1";
    }
    const s = newState(child, day, status, day);
    enter(s);
    schedule(s, day);
  };

  const change = (s: InCare, day: number): void => {
    emit(s, day, "X1");
    const age = children.ageOn(s.child, day);
    if (s.nextKind === "L") {
      const moves = rng.chance(0.15);
      if (s.status === "V2") s20Count -= 1;
      if (s.nextStatus === "V2") s20Count += 1;
      s.status = s.nextStatus;
      s.episodeReason = moves ? "B" : "L";
      if (moves) s.placement = choosePlacement(rng, age, s.status, fosterShare(day), price(day));
    } else {
      s.episodeReason = "P";
      const before = s.placement;
      for (let tries = 0; tries < 5 && s.placement === before; tries++) {
        const p = choosePlacement(rng, age, s.status, fosterShare(day), price(day));
        if (p.type !== before.type || p.provider !== before.provider) s.placement = p;
      }
    }
    s.episodeStart = day;
  };

  // ── the daily simulation ──
  let quarter = 0;
  for (let day = first; day <= last; day++) {
    const q = calendar.quarters[quarter] as DemoQuarter;
    if (day === q.start) planQuarter(q);
    for (const s of ageOuts[day - first] as InCare[]) {
      if (s.pool < 0 || s.ageOut !== day) continue;
      const reason = rng.weighted<ReasonCeased>([
        ["E17", 25],
        ["E5", 35],
        ["E6", 10],
        ["E8", 20],
        ["E13", 10],
      ]);
      leave(s, day, reason);
    }
    for (const kind of leaverPlan[day - first] as LeaverKind[]) {
      const s = findLeaver(kind, day, q.end);
      if (s) leave(s, day, leaveReason(kind, s, day));
    }
    for (let k = 0; k < (startPlan[day - first] as number); k++) startCare(day);
    for (const s of events[day - first] as InCare[]) {
      if (s.pool < 0 || s.next !== day) continue;
      change(s, day);
      schedule(s, day);
    }
    if (day === q.end) quarter += 1;
  }
  for (const s of pool) {
    emit(s, null, null);
    periods.push({ child: s.child, start: s.periodStart, end: null });
  }

  // Stable sort: a child's episodes starting the same day keep the order they were emitted in.
  episodes.sort((a, b) => {
    if (a.start_date !== b.start_date) return a.start_date < b.start_date ? -1 : 1;
    return a.child_id < b.child_id ? -1 : a.child_id > b.child_id ? 1 : 0;
  });
  episodes.forEach((e, i) => {
    e.episode_id = `EP${String(i + 1).padStart(7, "0")}`;
  });
  return { episodes, periods, exits };
}
