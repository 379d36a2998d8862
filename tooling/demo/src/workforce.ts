import type { WorkforceRecord } from "@kpi/catalogue";
import type { DemoCalendar, DemoQuarter } from "./calendar.js";
import type { Random } from "./random.js";
import { quarterValue, WORKFORCE } from "./story.js";

type Role = WorkforceRecord["role"];

const TEAMS = [
  "FFD",
  "Assessment North",
  "Assessment South",
  "Assessment East",
  "Assessment West",
  "Family Support",
  "Child Protection",
  "Through Care North",
  "Through Care South",
  "Leaving Care",
  "Disabled Children",
] as const;

interface Worker {
  readonly id: string;
  readonly role: Role;
  readonly agency: boolean;
  readonly fte: number;
  readonly team: string;
  readonly start: number;
  leaving: number | null;
}

/**
 * Generate the workforce: a snapshot row per worker at each quarter end (about 150 case-holding
 * workers, fewer agency staff each year, caseloads averaging about 17 per FTE with some over 20 and
 * heavier in the summer). Workers who leave in a quarter get a final row with their leaving date, so
 * turnover can be counted; replacements start during the quarter.
 *
 * @param rng - random source
 * @param calendar - the demo calendar
 * @param scale - volume multiplier
 * @returns `workforce` records
 * @example
 * ```ts
 * generateWorkforce(rng, cal, 1).filter((w) => w.as_at_date === "2019-09-30").length > 150; // true
 * ```
 */
export function generateWorkforce(rng: Random, calendar: DemoCalendar, scale: number): WorkforceRecord[] {
  const out: WorkforceRecord[] = [];
  let serial = 0;
  const caseHolding = (role: Role): boolean => role === "social_worker" || role === "senior_practitioner";
  const hire = (role: Role, agency: boolean, start: number): Worker => {
    serial += 1;
    return {
      id: `WK${String(serial).padStart(5, "0")}`,
      role,
      agency,
      fte:
        caseHolding(role) && !agency
          ? rng.weighted([
              [1, 80],
              [0.8, 8],
              [0.6, 7],
              [0.5, 5],
            ] as const)
          : 1,
      team: rng.pick(TEAMS),
      start,
      leaving: null,
    };
  };
  const agencyShare = (q: DemoQuarter): number => quarterValue(WORKFORCE.agencyShare, q.fyStart, 1);

  let staff: Worker[] = [];
  const q0 = calendar.quarters[0] as DemoQuarter;
  const roles: [Role, number][] = [
    ["social_worker", Math.round(WORKFORCE.caseHolding * 0.77 * scale)],
    ["senior_practitioner", Math.round(WORKFORCE.caseHolding * 0.23 * scale)],
    ["team_manager", Math.round(WORKFORCE.managers * scale)],
    ["service_manager", Math.max(1, Math.round(WORKFORCE.serviceManagers * scale))],
    ["other", Math.round(WORKFORCE.other * scale)],
  ];
  for (const [role, count] of roles) {
    for (let i = 0; i < count; i++) {
      const agency = caseHolding(role) && rng.chance(agencyShare(q0));
      const start = q0.start - (agency ? rng.int(30, 700) : rng.int(30, 15 * 365));
      staff.push(hire(role, agency, start));
    }
  }

  for (const q of calendar.quarters) {
    const summer = q.quarter === 2 ? 0.8 : 0;
    const joiners: Worker[] = [];
    const inPost = staff.filter((s) => caseHolding(s.role));
    const agencyNow = inPost.filter((s) => s.agency).length / Math.max(1, inPost.length);
    const share = agencyShare(q);
    // Replacements are agency cover less often each year, steering the agency share to the story.
    const agencyHire = Math.min(0.6, Math.max(0, share * 1.2 + (share - agencyNow) * 2));
    for (const w of staff) {
      const perQuarter = w.agency ? 0.11 : caseHolding(w.role) ? 0.037 : 0.025;
      if (!rng.chance(perQuarter)) continue;
      w.leaving = Math.max(w.start + 1, rng.int(q.start, q.end));
      const wantAgency = caseHolding(w.role) && rng.chance(agencyHire);
      const start = Math.min(q.end, w.leaving + rng.int(0, 40));
      joiners.push(hire(w.role, wantAgency, start));
    }
    staff.push(...joiners);
    for (const w of staff) {
      const newStarter = w.start > q.end - 60;
      let caseload = 0;
      if (caseHolding(w.role) && w.leaving === null) {
        const perFte = WORKFORCE.averageCaseload + summer + 3.4 * rng.normal() - (newStarter ? 5 : 0);
        caseload = Math.max(0, Math.round(w.fte * perFte));
      }
      out.push({
        worker_id: w.id,
        as_at_date: calendar.date(q.end),
        role: w.role,
        agency: w.agency,
        fte: w.fte,
        caseload,
        team: w.team,
        start_date: calendar.date(w.start),
        leaving_date: w.leaving === null ? null : calendar.date(w.leaving),
      });
    }
    staff = staff.filter((w) => w.leaving === null);
  }
  return out;
}
