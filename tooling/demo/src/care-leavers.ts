import type { CareLeaverRecord } from "@kpi/catalogue";
import { toDayNumber } from "@kpi/core";
import type { DemoCalendar } from "./calendar.js";
import type { CareExit } from "./care.js";
import type { ChildRegistry } from "./child-registry.js";
import type { Random } from "./random.js";
import type { Spell } from "./stock-controller.js";
import { anchorValue, CARE_LEAVER_EET_IN_TOUCH, NEET_PANEL } from "./story.js";

type Activity = NonNullable<CareLeaverRecord["activity"]>;
type InTouch = CareLeaverRecord["in_touch"];

const EET: readonly (readonly [Activity, number])[] = [
  ["F1", 10],
  ["P1", 2],
  ["F2", 30],
  ["P2", 8],
  ["F4", 8],
  ["P4", 2],
  ["F5", 30],
  ["P5", 10],
];
const NEET: readonly (readonly [Activity, number])[] = [
  ["G4", 20],
  ["G5", 60],
  ["G6", 20],
];
const IN_TOUCH: readonly (readonly [InTouch, number])[] = [
  ["YES", 870],
  ["NO", 50],
  ["REFU", 30],
  ["NREQ", 25],
  ["RHOM", 23],
  ["DIED", 2],
];

/** What {@link generateCareLeavers} produces. */
export interface CareLeaversResult {
  /** `care_leavers` records. */
  readonly records: CareLeaverRecord[];
  /** Each care leaver's span of entitlement in the demo (for pathway plans), up to age 21. */
  readonly leavers: Spell[];
}

/**
 * Generate care leavers' statuses, 903 OC3 style: a record around each birthday from 17 to 21 after
 * leaving care, a check soon after leaving, and for some a second check in the year. Care leavers are
 * the young people who left the demo's care aged 16 or over, plus an older cohort who left before the
 * span. The share in education, employment or training rises to about 59% by 30 September 2019.
 *
 * @param rng - random source
 * @param calendar - the demo calendar
 * @param children - the child registry
 * @param exits - exits from care in the span
 * @param scale - volume multiplier
 * @returns the records and the care leavers
 * @example
 * ```ts
 * generateCareLeavers(rng, cal, registry, care.exits, 1).records.length > 0; // true
 * ```
 */
export function generateCareLeavers(
  rng: Random,
  calendar: DemoCalendar,
  children: ChildRegistry,
  exits: readonly CareExit[],
  scale: number,
): CareLeaversResult {
  const first = calendar.first;
  const last = calendar.last;
  const records: CareLeaverRecord[] = [];
  const leavers: Spell[] = [];
  const panel = rng.fork("neet-panel");
  const panelFrom = toDayNumber(NEET_PANEL.from);
  const panelTo = Math.min(toDayNumber(NEET_PANEL.to), last);
  const NEET_CODES: ReadonlySet<string> = new Set(NEET.map(([code]) => code));

  const person = (child: number, left: number, checkAfterLeaving: boolean): void => {
    const days = new Set<number>();
    if (checkAfterLeaving) days.add(left + rng.int(20, 60));
    for (let age = 17; age <= 21; age++) {
      const birthday = children.birthday(child, age);
      if (birthday <= left) continue;
      const d = birthday + rng.int(-20, 40);
      days.add(Math.max(d, left + 1));
      if (rng.chance(0.15)) days.add(d + rng.int(120, 200));
    }
    const end21 = children.birthday(child, 22) - 1;
    const sorted = [...days].filter((d) => d >= first && d <= last && d <= end21).sort((a, b) => a - b);
    for (const day of sorted) {
      const inTouch = rng.weighted(IN_TOUCH);
      let activity: Activity | null = null;
      let suitable: boolean | null = null;
      if (inTouch === "YES") {
        activity = rng.chance(anchorValue(CARE_LEAVER_EET_IN_TOUCH, day))
          ? rng.weighted(EET)
          : rng.weighted(NEET);
        suitable = rng.chance(0.88);
      } else if (inTouch === "NREQ" || inTouch === "RHOM") {
        activity = rng.chance(0.5) ? rng.weighted(EET) : "G5";
        suitable = rng.chance(0.85);
      } else if (inTouch !== "DIED" && rng.chance(0.4)) activity = "0";
      records.push({
        child_id: children.id(child),
        as_at_date: calendar.date(day),
        in_touch: inTouch,
        activity,
        accommodation_suitable: suitable,
      });
      if (inTouch === "DIED") break;
    }
    // The NEET panel re-engages some of those whose latest check before it shows them NEET.
    const before = sorted.filter((d) => d < panelFrom);
    const lastBefore = records.length - (sorted.length - before.length) - 1;
    const latest = before.length === 0 ? undefined : records[lastBefore];
    if (
      panelFrom <= panelTo &&
      latest !== undefined &&
      latest.in_touch === "YES" &&
      NEET_CODES.has(latest.activity ?? "") &&
      before.length === sorted.length &&
      children.birthday(child, 22) > panelTo &&
      panel.chance(NEET_PANEL.reengaged)
    ) {
      records.push({
        child_id: children.id(child),
        as_at_date: calendar.date(panel.int(panelFrom, panelTo)),
        in_touch: "YES",
        activity: panel.weighted(EET),
        accommodation_suitable: true,
      });
    }
    const to = Math.min(children.birthday(child, 21), last);
    if (to >= Math.max(left, first)) leavers.push({ child, start: Math.max(left, first), end: to });
  };

  // Young people who left care before the span: aged 18 to 21 when it starts.
  const older = Math.round(380 * scale);
  for (let i = 0; i < older; i++) {
    const child = children.createBorn(calendar.addYears(first, -18) - rng.int(0, 4 * 365 - 1));
    const left = Math.min(first - 1, children.birthday(child, 18) - rng.int(0, 400));
    person(child, left, false);
  }
  const seen = new Set<number>();
  for (const exit of exits) {
    if (exit.age < 16 || seen.has(exit.child)) continue;
    seen.add(exit.child);
    person(exit.child, exit.day, exit.age >= 17);
  }

  records.sort((a, b) => (a.as_at_date < b.as_at_date ? -1 : a.as_at_date > b.as_at_date ? 1 : 0));
  return { records, leavers };
}
