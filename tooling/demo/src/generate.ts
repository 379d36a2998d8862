import type { DatasetRecords } from "@kpi/catalogue";
import { CoreError } from "@kpi/core";
import { generateBenchmarks } from "./benchmarks.js";
import { DemoCalendar } from "./calendar.js";
import { CandidateQueue } from "./candidates.js";
import { generateCare } from "./care.js";
import { generateCareLeavers } from "./care-leavers.js";
import { ChildRegistry } from "./child-registry.js";
import { generateChildrenInNeed } from "./children-in-need.js";
import { generateDueActivities } from "./due-activities.js";
import { generateFrontDoor } from "./front-door.js";
import { generateMissing } from "./missing.js";
import { generateObservations } from "./observations.js";
import { generatePopulations } from "./population.js";
import { generateProtection } from "./protection.js";
import { Random } from "./random.js";
import { generateShortBreaks } from "./short-breaks.js";
import { generateVulnerabilityFlags } from "./vulnerability.js";
import { generateWorkforce } from "./workforce.js";

/** Options of {@link generateDemoAuthority}. */
export interface DemoAuthorityOptions {
  /** Seed of the pseudo-random generator (default {@link DEFAULT_DEMO_SEED}). Same options, same data. */
  readonly seed?: number;
  /** Volume multiplier for children, events and workers (default 1; e.g. 10 or 50 for benchmarks). */
  readonly scale?: number;
  /** First financial year (default `FY2016-17`). */
  readonly from?: string;
  /** Last quarter; its last day is the extract date (default `FY2019-20-Q2`). */
  readonly to?: string;
}

/** The seed the demo uses unless told otherwise. */
export const DEFAULT_DEMO_SEED = 20_190_930;

/**
 * Generate the demonstration authority: a fictional, mid-sized English authority (about 120,000
 * children aged 0–17) with records for every dataset from 1 April 2016 to 30 September 2019, whose
 * FY2019-20 Q2 figures tell the same story as the reference quarterly report (SWA conversion about
 * 47%, 90% of assessments within 45 working days, fewer children entering care and more leaving, CIN
 * at 44 per 10,000, fewer children missing). Fully deterministic: no clock, no `Math.random`; the
 * identifiers look like a case system's (`CH000123`, `CT0004567`) and are all fake.
 *
 * @param options - seed, scale and span
 * @returns one array of records per dataset, each record valid under the dataset's schema
 * @throws CoreError when `scale` is not a positive number, `seed` not an integer, or a period id is
 *   malformed (programmer error)
 * @example
 * ```ts
 * const demo = generateDemoAuthority();
 * demo.contacts.length; // about 25,000
 * generateDemoAuthority({ scale: 10, seed: 7 }).contacts.length; // about 250,000
 * ```
 */
export function generateDemoAuthority(options: DemoAuthorityOptions = {}): DatasetRecords {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(seed))
    throw new CoreError("invalid_argument", `The demo seed must be an integer (got ${seed})`);
  if (!(Number.isFinite(scale) && scale > 0))
    throw new CoreError("invalid_argument", `The demo scale must be a positive number (got ${scale})`);
  const calendar = new DemoCalendar(options.from ?? "FY2016-17", options.to ?? "FY2019-20-Q2");
  const root = new Random(seed);
  const registry = new ChildRegistry(root.fork("children"), calendar);

  const frontDoor = generateFrontDoor(root.fork("front-door"), calendar, registry, scale);
  const protection = generateProtection(
    root.fork("protection"),
    calendar,
    registry,
    new CandidateQueue(frontDoor.candidates.CP),
    scale,
  );
  const cinPlans = generateChildrenInNeed(
    root.fork("children-in-need"),
    calendar,
    registry,
    new CandidateQueue(frontDoor.candidates.CIN),
    scale,
  );
  const care = generateCare(
    root.fork("care"),
    calendar,
    registry,
    new CandidateQueue(frontDoor.candidates.CLA),
    scale,
  );
  const shortBreaks = generateShortBreaks(root.fork("short-breaks"), calendar, registry, scale);
  const careLeavers = generateCareLeavers(root.fork("care-leavers"), calendar, registry, care.exits, scale);
  const missing = generateMissing(root.fork("missing"), calendar, registry, care.periods, scale);
  const flags = generateVulnerabilityFlags(root.fork("vulnerability"), calendar, registry, scale);
  const due = generateDueActivities(root.fork("due-activities"), calendar, registry, {
    care: care.periods,
    protection: protection.spells,
    careLeavers: careLeavers.leavers,
  });

  // Looked-after children and care leavers always have a date of birth: their measures need it.
  const keepBirthDates = new Set<number>();
  for (const p of care.periods) keepBirthDates.add(p.child);
  for (const l of careLeavers.leavers) keepBirthDates.add(l.child);

  return {
    children: registry.records(keepBirthDates),
    contacts: frontDoor.contacts,
    referrals: frontDoor.referrals,
    assessments: frontDoor.assessments,
    s47_enquiries: protection.s47Enquiries,
    cp_plans: protection.cpPlans,
    cin_plans: cinPlans,
    cla_episodes: [...care.episodes, ...shortBreaks],
    care_leavers: careLeavers.records,
    missing_episodes: missing,
    vulnerability_flags: flags,
    due_activities: due,
    workforce: generateWorkforce(root.fork("workforce"), calendar, scale),
    populations: generatePopulations(calendar, scale),
    benchmarks: generateBenchmarks(root.fork("benchmarks")),
    observations: generateObservations(calendar, scale),
    // The demonstration authority's case system has no 903-only tables; its reviews are due activities.
    cla_reviews: [],
    cla_outcomes: [],
    uasc: [],
    adoption_decisions: [],
    adoptions: [],
    previous_permanence: [],
    social_worker_episodes: [],
    // The census-only records: the demonstration's CP reviews are due activities; it has no pre-proceedings.
    cp_reviews: [],
    pre_proceedings: [],
    early_help: [],
  };
}
