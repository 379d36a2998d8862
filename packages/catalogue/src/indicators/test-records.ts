// Record factories for the catalogue's tests: each fills the optional fields with null so a test
// states only what matters to it. Not exported from the package.
import { declaredCoverage } from "../coverage/declared-coverage.js";
import type {
  AssessmentRecord,
  CareLeaverRecord,
  ChildRecord,
  CinPlanRecord,
  ClaEpisodeRecord,
  ContactRecord,
  CpPlanRecord,
  DueActivityRecord,
  EarlyHelpRecord,
  MissingEpisodeRecord,
  ReferralRecord,
  S47EnquiryRecord,
  VulnerabilityFlagRecord,
  WorkforceRecord,
} from "../datasets/schemas.js";

let serial = 0;
const nextId = (prefix: string) => `${prefix}${++serial}`;

export const child = (child_id: string, date_of_birth: string | null): ChildRecord => ({
  child_id,
  date_of_birth,
  sex: "U",
  ethnicity: null,
  disabled: null,
  expected_date_of_birth: null,
  date_of_death: null,
  disabilities: null,
});

export const contact = (
  child_id: string,
  contact_date: string,
  decision: { date: string; level: number } | null,
  more: Partial<ContactRecord> = {},
): ContactRecord =>
  ({
    contact_id: nextId("ct"),
    child_id,
    contact_date,
    source: "8",
    decision_date: decision?.date ?? null,
    level_of_need: decision?.level ?? null,
    team: null,
    ...more,
  }) as ContactRecord;

export const referral = (
  child_id: string,
  referral_date: string,
  more: Partial<ReferralRecord> = {},
): ReferralRecord =>
  ({
    referral_id: nextId("rf"),
    child_id,
    referral_date,
    source: "6",
    nfa: false,
    team: null,
    primary_need: null,
    closure_date: null,
    closure_reason: null,
    icpc_date: null,
    ...more,
  }) as ReferralRecord;

export const assessment = (
  child_id: string,
  start_date: string,
  authorised_date: string | null,
  outcome: AssessmentRecord["outcome"] = null,
  team: string | null = null,
): AssessmentRecord => ({
  assessment_id: nextId("as"),
  child_id,
  referral_id: null,
  start_date,
  authorised_date,
  outcome,
  team,
  factors: null,
});

export const s47 = (
  child_id: string,
  start_date: string,
  icpc_date: string | null,
  plan: boolean | null,
): S47EnquiryRecord => ({
  s47_id: nextId("s47"),
  child_id,
  start_date,
  icpc_not_required: icpc_date === null,
  icpc_date,
  icpc_cp_plan: plan,
  icpc_target_date: null,
});

export const cpPlan = (
  child_id: string,
  start_date: string,
  end_date: string | null,
  more: Partial<CpPlanRecord> = {},
): CpPlanRecord =>
  ({
    plan_id: nextId("cp"),
    child_id,
    start_date,
    end_date,
    initial_category: "NEG",
    latest_category: "NEG",
    previous_plans: null,
    ...more,
  }) as CpPlanRecord;

export const cinPlan = (
  child_id: string,
  start_date: string,
  end_date: string | null,
  end_reason: CinPlanRecord["end_reason"] = null,
): CinPlanRecord => ({ plan_id: nextId("cin"), child_id, start_date, end_date, end_reason });

export const episode = (
  child_id: string,
  start_date: string,
  end_date: string | null,
  reason_new_episode: string,
  legal_status: string,
  reason_ceased: string | null,
  more: Partial<ClaEpisodeRecord> = {},
): ClaEpisodeRecord =>
  ({
    episode_id: nextId("ep"),
    child_id,
    start_date,
    end_date,
    reason_new_episode,
    legal_status,
    category_of_need: null,
    placement_type: "U1",
    placement_provider: "PR1",
    reason_ceased,
    weekly_cost: null,
    team: null,
    reason_place_change: null,
    urn: null,
    ...more,
  }) as ClaEpisodeRecord;

export const careLeaver = (
  child_id: string,
  as_at_date: string,
  in_touch: string,
  activity: string | null,
  accommodation_suitable: boolean | null,
): CareLeaverRecord =>
  ({ child_id, as_at_date, in_touch, activity, accommodation_suitable }) as CareLeaverRecord;

export const missing = (
  child_id: string,
  start_date: string,
  kind: "missing" | "absent",
  from: "care" | "home",
  return_interview: MissingEpisodeRecord["return_interview"] = null,
): MissingEpisodeRecord => ({
  episode_id: nextId("ms"),
  child_id,
  start_date,
  end_date: null,
  kind,
  from,
  return_interview,
});

export const flag = (
  child_id: string,
  flagName: VulnerabilityFlagRecord["flag"],
  start_date: string,
  end_date: string | null,
): VulnerabilityFlagRecord => ({ flag_id: nextId("fl"), child_id, flag: flagName, start_date, end_date });

export const due = (
  kind: DueActivityRecord["kind"],
  due_date: string,
  completed_date: string | null,
): DueActivityRecord => ({ activity_id: nextId("da"), child_id: "any", kind, due_date, completed_date });

export const worker = (
  worker_id: string,
  as_at_date: string,
  role: WorkforceRecord["role"],
  fte: number,
  caseload: number,
  more: Partial<WorkforceRecord> = {},
): WorkforceRecord => ({
  worker_id,
  as_at_date,
  role,
  agency: false,
  fte,
  caseload,
  team: null,
  start_date: "2015-01-01",
  leaving_date: null,
  ...more,
});

/**
 * Sources declaring that the records of every dated dataset (or the ones named) are complete for one
 * span: the catalogue's {@link declaredCoverage}, under the name the tests use.
 */
export const covering = declaredCoverage;

export const earlyHelp = (
  child_id: string,
  start_date: string,
  more: Partial<EarlyHelpRecord> = {},
): EarlyHelpRecord => ({
  early_help_id: nextId("eh"),
  child_id,
  start_date,
  assessment_completed_date: null,
  step_down: null,
  end_date: null,
  end_reason: null,
  team: null,
  ...more,
});
