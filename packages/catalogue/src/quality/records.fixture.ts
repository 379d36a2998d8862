import type {
  AssessmentRecord,
  CareLeaverRecord,
  ChildRecord,
  CinPlanRecord,
  ClaEpisodeRecord,
  ContactRecord,
  CpPlanRecord,
} from "../datasets/schemas.js";

/** Test fixture: a child record, overridable. */
export function child(child_id: string, date_of_birth: string | null = "2010-05-01"): ChildRecord {
  return {
    child_id,
    date_of_birth,
    sex: "F",
    ethnicity: null,
    disabled: null,
    expected_date_of_birth: null,
    date_of_death: null,
    disabilities: null,
  };
}

/** Test fixture: a care episode (open when `end_date` is null). */
export function episode(
  episode_id: string,
  child_id: string,
  start_date: string,
  end_date: string | null,
  more: Partial<ClaEpisodeRecord> = {},
): ClaEpisodeRecord {
  return {
    episode_id,
    child_id,
    start_date,
    end_date,
    reason_new_episode: "S",
    legal_status: "C2",
    category_of_need: "N1",
    placement_type: "U4",
    placement_provider: "PR1",
    reason_ceased: end_date === null ? null : "E8",
    weekly_cost: null,
    team: null,
    reason_place_change: null,
    urn: null,
    ...more,
  };
}

/** Test fixture: a child protection plan. */
export function cpPlan(
  plan_id: string,
  child_id: string,
  start_date: string,
  end_date: string | null,
): CpPlanRecord {
  return {
    plan_id,
    child_id,
    start_date,
    end_date,
    initial_category: "NEG",
    latest_category: "NEG",
    previous_plans: null,
  };
}

/** Test fixture: a child in need plan. */
export function cinPlan(
  plan_id: string,
  child_id: string,
  start_date: string,
  end_date: string | null,
): CinPlanRecord {
  return { plan_id, child_id, start_date, end_date, end_reason: null };
}

/** Test fixture: an assessment (open when `authorised_date` is null). */
export function assessment(
  assessment_id: string,
  start_date: string,
  authorised_date: string | null,
): AssessmentRecord {
  return {
    assessment_id,
    child_id: "C1",
    referral_id: null,
    start_date,
    authorised_date,
    outcome: null,
    team: null,
    factors: null,
  };
}

/** Test fixture: an undecided contact. */
export function contact(contact_id: string, child_id: string): ContactRecord {
  return {
    contact_id,
    child_id,
    contact_date: "2019-09-02",
    source: "2A",
    decision_date: null,
    level_of_need: null,
    team: null,
  };
}

/** Test fixture: a care leaver record. */
export function careLeaver(child_id: string, as_at_date = "2019-09-30"): CareLeaverRecord {
  return { child_id, as_at_date, in_touch: "YES", activity: null, accommodation_suitable: null };
}
