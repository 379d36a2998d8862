import { z } from "zod";
import {
  adoptersLegalStatusCodes,
  adoptersSexCodes,
  assessmentFactorCodes,
  assessmentOutcomeCodes,
  careLeaverActivityCodes,
  categoryOfNeedCodes,
  cinClosureReasonCodes,
  cinEndReasonCodes,
  cpCategoryCodes,
  disabilityCodes,
  dueActivityKindCodes,
  earlyHelpEndReasonCodes,
  inTouchCodes,
  legalStatusCodes,
  levelOfNeedCodes,
  missingFromCodes,
  missingKindCodes,
  placedCeasedReasonCodes,
  placementProviderCodes,
  placementTypeCodes,
  previousPermanenceCodes,
  primaryNeedCodes,
  publishedStatusCodes,
  quartileBandCodes,
  reasonCeasedCodes,
  reasonNewEpisodeCodes,
  reasonPlaceChangeCodes,
  referralSourceCodes,
  returnInterviewCodes,
  reviewParticipationCodes,
  sdqReasonCodes,
  sexCodes,
  socialWorkerChangeReasonCodes,
  vulnerabilityFlagCodes,
  workforceRoleCodes,
} from "./codes.js";
import { type CrossFieldRule, dateOrderRule, requiresRule, togetherRule } from "./cross-field-rules.js";
import {
  booleanField,
  codeField,
  codeListField,
  dateField,
  integerField,
  numberField,
  optional,
  patternField,
  periodField,
  textField,
} from "./fields.js";

/**
 * The datasets ingestion scripts post, in the order the data contract lists them.
 *
 * @example
 * ```ts
 * datasetNames.includes("contacts"); // true
 * ```
 */
export const datasetNames = [
  "children",
  "contacts",
  "referrals",
  "assessments",
  "s47_enquiries",
  "cp_plans",
  "cin_plans",
  "cla_episodes",
  "care_leavers",
  "missing_episodes",
  "vulnerability_flags",
  "due_activities",
  "workforce",
  "populations",
  "benchmarks",
  "observations",
  "cla_reviews",
  "cla_outcomes",
  "uasc",
  "adoption_decisions",
  "adoptions",
  "previous_permanence",
  "social_worker_episodes",
  "cp_reviews",
  "pre_proceedings",
  "early_help",
] as const;
/** One of {@link datasetNames}. */
export type DatasetName = (typeof datasetNames)[number];

// ── field builders shared by several datasets ────────────────────────────────────────────────────

const childId = () =>
  textField("The authority's own identifier for the child (pseudonymised on receipt).", 64);
const team = () => optional(textField("Team responsible, for breakdowns.", 100));
const periodId = () =>
  periodField("Period id: financial year FY2019-20, quarter FY2019-20-Q2 or month 2019-08.");

/** Rules relating fields of one record, per dataset (the schemas apply them; so does the validator). */
export const datasetRules: { readonly [D in DatasetName]: readonly CrossFieldRule[] } = {
  children: [],
  contacts: [dateOrderRule("contact_date", "decision_date"), togetherRule("level_of_need", "decision_date")],
  referrals: [dateOrderRule("referral_date", "closure_date")],
  assessments: [dateOrderRule("start_date", "authorised_date")],
  s47_enquiries: [
    dateOrderRule("start_date", "icpc_date"),
    (r) =>
      r.icpc_not_required === true && r.icpc_date !== null && r.icpc_date !== undefined
        ? [{ field: "icpc_date", message: "icpc_date: must be empty when icpc_not_required is true" }]
        : [],
    togetherRule("icpc_cp_plan", "icpc_date"),
  ],
  cp_plans: [dateOrderRule("start_date", "end_date")],
  cin_plans: [dateOrderRule("start_date", "end_date"), requiresRule("end_reason", "end_date")],
  cla_episodes: [dateOrderRule("start_date", "end_date"), togetherRule("reason_ceased", "end_date")],
  care_leavers: [],
  missing_episodes: [dateOrderRule("start_date", "end_date")],
  vulnerability_flags: [dateOrderRule("start_date", "end_date")],
  due_activities: [],
  workforce: [dateOrderRule("start_date", "leaving_date")],
  populations: [],
  benchmarks: [
    (r) =>
      (r.value === null || r.value === undefined) === (r.status === null || r.status === undefined)
        ? [
            {
              field: "value",
              message:
                r.value === null || r.value === undefined
                  ? "value: give the figure, or a status saying why there is none"
                  : `value: must be empty when status is given (got ${String(r.value)})`,
            },
          ]
        : [],
    (r) =>
      typeof r.lower === "number" && typeof r.upper === "number" && r.lower > r.upper
        ? [{ field: "upper", message: `upper: must not be below lower (${r.lower}) (got ${r.upper})` }]
        : [],
  ],
  observations: [],
  cla_reviews: [],
  cla_outcomes: [],
  uasc: [],
  adoption_decisions: [
    dateOrderRule("decision_date", "ceased_date"),
    requiresRule("ceased_reason", "ceased_date"),
  ],
  adoptions: [dateOrderRule("decision_date", "match_date")],
  previous_permanence: [],
  social_worker_episodes: [dateOrderRule("start_date", "end_date")],
  cp_reviews: [],
  pre_proceedings: [],
  early_help: [
    dateOrderRule("start_date", "assessment_completed_date"),
    dateOrderRule("start_date", "end_date"),
    requiresRule("end_reason", "end_date"),
  ],
};

function recordSchema<S extends z.ZodRawShape>(shape: S, rules: readonly CrossFieldRule[]) {
  return z.strictObject(shape).superRefine((value, ctx) => {
    for (const rule of rules)
      for (const issue of rule(value as Record<string, unknown>))
        ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
  });
}

// ── the datasets ─────────────────────────────────────────────────────────────────────────────────

/** `children` — key `child_id`. */
export const childSchema = recordSchema(
  {
    child_id: childId(),
    date_of_birth: optional(dateField("Date of birth; needed for ages (care leavers, age at leaving care).")),
    sex: codeField(sexCodes, "Sex."),
    ethnicity: optional(textField("903/CIN ethnicity code, e.g. WBRI.", 16)),
    disabled: optional(booleanField("Whether the child is disabled.")),
    expected_date_of_birth: optional(
      dateField("Expected date of birth of an unborn child (CIN census ExpectedPersonBirthDate)."),
    ),
    date_of_death: optional(dateField("Date of death (CIN census PersonDeathDate).")),
    disabilities: optional(
      codeListField(
        disabilityCodes,
        "Every disability recorded, e.g. 'HAND HEAR'; 'NONE' when none (CIN census Disability).",
      ),
    ),
  },
  datasetRules.children,
);
/** A validated `children` record. */
export type ChildRecord = z.output<typeof childSchema>;

/** `contacts` — key `contact_id` (Family Front Door). */
export const contactSchema = recordSchema(
  {
    contact_id: textField("The authority's identifier for the contact.", 64),
    child_id: childId(),
    contact_date: dateField("Date of the contact; places it in a period."),
    source: codeField(referralSourceCodes, "Who made the contact (CIN census referral source)."),
    decision_date: optional(dateField("Date of the decision; empty while undecided.")),
    level_of_need: optional(
      integerField("Level of need decided (4 = social work assessment needed).", {
        min: 1,
        max: 4,
        codes: levelOfNeedCodes,
      }),
    ),
    team: team(),
  },
  datasetRules.contacts,
);
/** A validated `contacts` record. */
export type ContactRecord = z.output<typeof contactSchema>;

/** `referrals` — key `referral_id`. */
export const referralSchema = recordSchema(
  {
    referral_id: textField("The authority's identifier for the referral.", 64),
    child_id: childId(),
    referral_date: dateField("Date of the referral; places it in a period."),
    source: optional(codeField(referralSourceCodes, "Who made the referral (CIN census referral source).")),
    nfa: booleanField("Whether the referral ended with no further action."),
    team: team(),
    primary_need: optional(
      codeField(primaryNeedCodes, "Primary need of the episode of need (CIN census PrimaryNeedCode)."),
    ),
    closure_date: optional(
      dateField(
        "Date the episode of need the referral opened closed (CIN census CINclosureDate); empty while open.",
      ),
    ),
    closure_reason: optional(
      codeField(cinClosureReasonCodes, "Why the episode of need closed (CIN census ReasonForClosure)."),
    ),
    icpc_date: optional(
      dateField(
        "Date of the initial child protection conference where the census records it on the episode (CIN census CINdetails DateOfInitialCPC).",
      ),
    ),
  },
  datasetRules.referrals,
);
/** A validated `referrals` record. */
export type ReferralRecord = z.output<typeof referralSchema>;

/** `assessments` — key `assessment_id` (social work assessments). */
export const assessmentSchema = recordSchema(
  {
    assessment_id: textField("The authority's identifier for the assessment.", 64),
    child_id: childId(),
    referral_id: optional(textField("The referral that led to the assessment.", 64)),
    start_date: dateField("Date the assessment started."),
    authorised_date: optional(dateField("Date the assessment was completed (authorised); empty while open.")),
    outcome: optional(codeField(assessmentOutcomeCodes, "What the assessment led to.")),
    team: team(),
    factors: optional(
      codeListField(
        assessmentFactorCodes,
        "Factors identified at the assessment, e.g. '3A 11A' (CIN census AssessmentFactors).",
      ),
    ),
  },
  datasetRules.assessments,
);
/** A validated `assessments` record. */
export type AssessmentRecord = z.output<typeof assessmentSchema>;

/** `s47_enquiries` — key `s47_id`. */
export const s47EnquirySchema = recordSchema(
  {
    s47_id: textField("The authority's identifier for the section 47 enquiry.", 64),
    child_id: childId(),
    start_date: dateField("Date of the strategy discussion that started the enquiry."),
    icpc_not_required: booleanField("Whether the enquiry concluded that no ICPC was needed."),
    icpc_date: optional(dateField("Date the initial child protection conference was held.")),
    icpc_cp_plan: optional(booleanField("Whether the ICPC resulted in a child protection plan.")),
    icpc_target_date: optional(
      dateField("Date the initial child protection conference was due (CIN census InitialCPCtarget)."),
    ),
  },
  datasetRules.s47_enquiries,
);
/** A validated `s47_enquiries` record. */
export type S47EnquiryRecord = z.output<typeof s47EnquirySchema>;

/** `cp_plans` — key `plan_id`. */
export const cpPlanSchema = recordSchema(
  {
    plan_id: textField("The authority's identifier for the child protection plan.", 64),
    child_id: childId(),
    start_date: dateField("Date the plan started."),
    end_date: optional(dateField("Date the plan ended; empty while open.")),
    initial_category: optional(codeField(cpCategoryCodes, "Category of abuse when the plan started.")),
    latest_category: optional(codeField(cpCategoryCodes, "Latest category of abuse.")),
    previous_plans: optional(
      integerField("Number of previous CP plans (CIN census NumberOfPreviousCPP).", { min: 0 }),
    ),
  },
  datasetRules.cp_plans,
);
/** A validated `cp_plans` record. */
export type CpPlanRecord = z.output<typeof cpPlanSchema>;

/** `cin_plans` — key `plan_id`. */
export const cinPlanSchema = recordSchema(
  {
    plan_id: textField("The authority's identifier for the child in need plan.", 64),
    child_id: childId(),
    start_date: dateField("Date the plan started."),
    end_date: optional(dateField("Date the plan ended; empty while open.")),
    end_reason: optional(codeField(cinEndReasonCodes, "Why the plan ended.")),
  },
  datasetRules.cin_plans,
);
/** A validated `cin_plans` record. */
export type CinPlanRecord = z.output<typeof cinPlanSchema>;

/** `cla_episodes` — key `episode_id` (903 episodes). */
export const claEpisodeSchema = recordSchema(
  {
    episode_id: textField("The authority's identifier for the care episode.", 64),
    child_id: childId(),
    start_date: dateField("Date the episode started (903 DECOM)."),
    end_date: optional(dateField("Date the episode ended (903 DEC); empty while open.")),
    reason_new_episode: codeField(reasonNewEpisodeCodes, "Reason for the new episode (903 RNE)."),
    legal_status: codeField(legalStatusCodes, "Legal status (903 LS)."),
    category_of_need: optional(codeField(categoryOfNeedCodes, "Category of need (903 CIN).")),
    placement_type: codeField(placementTypeCodes, "Placement type (903 PL)."),
    placement_provider: optional(
      codeField(
        placementProviderCodes,
        "Placement provider (903 PLACE_PROVIDER); empty where the 903 leaves it blank (temporary placements T0–T4, Z1).",
      ),
    ),
    reason_ceased: optional(
      codeField(reasonCeasedCodes, "Reason the episode ceased (903 REC); required when end_date is set."),
    ),
    weekly_cost: optional(numberField("Weekly cost of the placement in pounds.", { min: 0 })),
    team: team(),
    reason_place_change: optional(
      codeField(reasonPlaceChangeCodes, "Why the placement changed (903 REASON_PLACE_CHANGE)."),
    ),
    urn: optional(textField("Ofsted unique reference number of the placement (903 URN).", 16)),
  },
  datasetRules.cla_episodes,
);
/** A validated `cla_episodes` record. */
export type ClaEpisodeRecord = z.output<typeof claEpisodeSchema>;

/** `care_leavers` — key `child_id` + `as_at_date`. */
export const careLeaverSchema = recordSchema(
  {
    child_id: childId(),
    as_at_date: dateField("Date the status was recorded."),
    in_touch: codeField(inTouchCodes, "Whether the authority is in touch (903 OC3)."),
    activity: optional(codeField(careLeaverActivityCodes, "Main activity (903 OC3); F*/P* = EET.")),
    accommodation_suitable: optional(booleanField("Whether the accommodation is suitable.")),
  },
  datasetRules.care_leavers,
);
/** A validated `care_leavers` record. */
export type CareLeaverRecord = z.output<typeof careLeaverSchema>;

/** `missing_episodes` — key `episode_id`. */
export const missingEpisodeSchema = recordSchema(
  {
    episode_id: textField("The authority's identifier for the missing episode.", 64),
    child_id: childId(),
    start_date: dateField("Date the child went missing or absent."),
    end_date: optional(dateField("Date the child returned; empty while missing.")),
    kind: codeField(missingKindCodes, "Missing, or absent without authorisation (903 M / A)."),
    from: codeField(missingFromCodes, "Whether the child was missing from care or from home."),
    return_interview: optional(codeField(returnInterviewCodes, "Return interview offer and take-up.")),
  },
  datasetRules.missing_episodes,
);
/** A validated `missing_episodes` record. */
export type MissingEpisodeRecord = z.output<typeof missingEpisodeSchema>;

/** `vulnerability_flags` — key `flag_id`. */
export const vulnerabilityFlagSchema = recordSchema(
  {
    flag_id: textField("The authority's identifier for the flag.", 64),
    child_id: childId(),
    flag: codeField(vulnerabilityFlagCodes, "What the child is vulnerable to."),
    start_date: dateField("Date the flag was raised."),
    end_date: optional(dateField("Date the flag was removed; empty while active.")),
  },
  datasetRules.vulnerability_flags,
);
/** A validated `vulnerability_flags` record. */
export type VulnerabilityFlagRecord = z.output<typeof vulnerabilityFlagSchema>;

/** `due_activities` — key `activity_id` (anything with a statutory due date). */
export const dueActivitySchema = recordSchema(
  {
    activity_id: textField("The authority's identifier for the activity.", 64),
    child_id: childId(),
    kind: codeField(dueActivityKindCodes, "What is due."),
    due_date: dateField("Date it is due; places the activity in a period."),
    completed_date: optional(dateField("Date it was done; on or before due_date = on time.")),
  },
  datasetRules.due_activities,
);
/** A validated `due_activities` record. */
export type DueActivityRecord = z.output<typeof dueActivitySchema>;

/** `workforce` — key `worker_id` + `as_at_date` (a snapshot per worker). */
export const workforceSchema = recordSchema(
  {
    worker_id: textField("The authority's own identifier for the worker (pseudonymised on receipt).", 64),
    as_at_date: dateField("Snapshot date, e.g. each quarter end."),
    role: optional(
      codeField(
        workforceRoleCodes,
        "Role; social_worker and senior_practitioner hold cases; empty when not recorded.",
      ),
    ),
    agency: booleanField("Whether the worker is agency staff."),
    fte: numberField("Full-time equivalent.", { min: 0, max: 1.5 }),
    caseload: optional(integerField("Children allocated; empty when not recorded.", { min: 0 })),
    team: team(),
    start_date: optional(dateField("Date the worker started in the role; empty when not recorded.")),
    leaving_date: optional(dateField("Date the worker left; empty while in post.")),
  },
  datasetRules.workforce,
);
/** A validated `workforce` record. */
export type WorkforceRecord = z.output<typeof workforceSchema>;

/** `populations` — key `year` + `age_band`. */
export const populationSchema = recordSchema(
  {
    year: integerField("Year of the mid-year estimate, e.g. 2019 (used for FY2019-20).", {
      min: 1900,
      max: 2200,
    }),
    age_band: patternField(/^\d{1,3}(-\d{1,3}|\+)$/, "Age band, e.g. 0-17.", "an age band such as 0-17"),
    count: integerField("Number of people.", { min: 0 }),
  },
  datasetRules.populations,
);
/** A validated `populations` record. */
export type PopulationRecord = z.output<typeof populationSchema>;

/** `benchmarks` — key `indicator_id` + `comparator` + `period` (+ `member` when present). */
export const benchmarkSchema = recordSchema(
  {
    indicator_id: textField("The indicator the figure is for.", 100),
    comparator: textField("statistical_neighbours, england, region or another group name.", 100),
    period: periodId(),
    member: optional(textField("A member authority's name or code; empty for the group's summary.", 100)),
    value: optional(
      numberField("The figure, on the indicator's display scale; empty only when `status` says why."),
    ),
    lower: optional(numberField("Lower confidence limit.")),
    upper: optional(numberField("Upper confidence limit.")),
    status: optional(
      codeField(publishedStatusCodes, "Why a published figure is missing (c, x, z, k, u, low, .., -)."),
    ),
    median: optional(numberField("The group's median, on a summary row (statistical neighbours).")),
    publication: optional(textField("The publication the figure is from, e.g. its DfE release.", 200)),
    publication_year: optional(
      integerField("The publication's reporting year, e.g. 2025.", { min: 1990, max: 2200 }),
    ),
    rank: optional(integerField("The authority's rank among all authorities, 1 the best.", { min: 1 })),
    rank_of: optional(integerField("How many authorities were ranked.", { min: 1 })),
    band: optional(codeField(quartileBandCodes, "The authority's quartile band, A the best quarter.")),
  },
  datasetRules.benchmarks,
);
/** A validated `benchmarks` record. */
export type BenchmarkRecord = z.output<typeof benchmarkSchema>;

/** `observations` — key `indicator_id` + `period` + `breakdown`. */
export const observationSchema = recordSchema(
  {
    indicator_id: textField("The local indicator the figure is for.", 100),
    period: periodId(),
    numerator: optional(numberField("Numerator, when the figure is a ratio.")),
    denominator: optional(numberField("Denominator, when the figure is a ratio.")),
    value: numberField("The figure, on the indicator's display scale."),
    breakdown: optional(textField("Breakdown group, e.g. a team; empty for the total.", 100)),
  },
  datasetRules.observations,
);
/** A validated `observations` record. */
export type ObservationRecord = z.output<typeof observationSchema>;

/** `cla_reviews` — key `review_id` (903 reviews: one record per looked-after review held). */
export const claReviewSchema = recordSchema(
  {
    review_id: textField(
      "The authority's identifier for the review (generated from the child and date on import).",
      64,
    ),
    child_id: childId(),
    review_date: dateField("Date the review was held (903 REVIEW)."),
    participation: optional(
      codeField(reviewParticipationCodes, "How the child took part (903 REVIEW_CODE)."),
    ),
  },
  datasetRules.cla_reviews,
);
/** A validated `cla_reviews` record. */
export type ClaReviewRecord = z.output<typeof claReviewSchema>;

/** `cla_outcomes` — key `child_id` + `as_at_date` (903 OC2: children looked after for 12 months at 31 March). */
export const claOutcomeSchema = recordSchema(
  {
    child_id: childId(),
    as_at_date: dateField("The 31 March the outcomes describe (the 903 return year's end)."),
    sdq_score: optional(
      integerField("Strengths and difficulties questionnaire score, 0–40 (903 SDQ_SCORE).", {
        min: 0,
        max: 40,
      }),
    ),
    sdq_reason: optional(codeField(sdqReasonCodes, "Why there is no SDQ score (903 SDQ_REASON).")),
    convicted: optional(
      booleanField(
        "Convicted or subject to a youth caution or conditional caution in the year (903 CONVICTED).",
      ),
    ),
    health_check: optional(booleanField("Health assessment up to date (903 HEALTH_CHECK).")),
    immunisations: optional(booleanField("Immunisations up to date (903 IMMUNISATIONS).")),
    teeth_check: optional(booleanField("Teeth checked by a dentist in the year (903 TEETH_CHECK).")),
    health_assessment: optional(
      booleanField("Development assessment up to date, children under 5 (903 HEALTH_ASSESSMENT)."),
    ),
    substance_misuse: optional(
      booleanField("Identified as having a substance misuse problem (903 SUBSTANCE_MISUSE)."),
    ),
    intervention_received: optional(
      booleanField("Received an intervention for substance misuse (903 INTERVENTION_RECEIVED)."),
    ),
    intervention_offered: optional(
      booleanField("Offered an intervention for substance misuse and refused it (903 INTERVENTION_OFFERED)."),
    ),
  },
  datasetRules.cla_outcomes,
);
/** A validated `cla_outcomes` record. */
export type ClaOutcomeRecord = z.output<typeof claOutcomeSchema>;

/** `uasc` — key `child_id` (903 UASC: unaccompanied asylum-seeking children). */
export const uascSchema = recordSchema(
  {
    child_id: childId(),
    ceased_date: optional(
      dateField(
        "Date the child ceased to be an unaccompanied asylum-seeking child, usually their 18th birthday (903 DUC).",
      ),
    ),
  },
  datasetRules.uasc,
);
/** A validated `uasc` record. */
export type UascRecord = z.output<typeof uascSchema>;

/** `adoption_decisions` — key `child_id` + `decision_date` (903 placed for adoption). */
export const adoptionDecisionSchema = recordSchema(
  {
    child_id: childId(),
    decision_date: dateField(
      "Date of the decision that the child should be placed for adoption (903 DATE_PLACED).",
    ),
    ceased_date: optional(
      dateField("Date the decision ceased (903 DATE_PLACED_CEASED); empty while it stands."),
    ),
    ceased_reason: optional(
      codeField(placedCeasedReasonCodes, "Why the decision ceased (903 REASON_PLACED_CEASED)."),
    ),
  },
  datasetRules.adoption_decisions,
);
/** A validated `adoption_decisions` record. */
export type AdoptionDecisionRecord = z.output<typeof adoptionDecisionSchema>;

/** `adoptions` — key `child_id` + `match_date` (903 AD1: children adopted). */
export const adoptionSchema = recordSchema(
  {
    child_id: childId(),
    decision_date: optional(
      dateField("Date of the decision that the child should be placed for adoption (903 DATE_INT)."),
    ),
    match_date: dateField("Date the child was matched with the adopter(s) (903 DATE_MATCH)."),
    foster_carer_adoption: optional(
      booleanField("Adopted by their former foster carer(s) (903 FOSTER_CARE)."),
    ),
    adopters: optional(integerField("Number of adopters (903 NB_ADOPTR).", { min: 1, max: 2 })),
    adopters_sex: optional(codeField(adoptersSexCodes, "Sex of the adopter(s) (903 SEX_ADOPTR).")),
    adopters_legal_status: optional(
      codeField(adoptersLegalStatusCodes, "Legal status of the adopter(s) (903 LS_ADOPTR)."),
    ),
  },
  datasetRules.adoptions,
);
/** A validated `adoptions` record. */
export type AdoptionRecord = z.output<typeof adoptionSchema>;

/** `previous_permanence` — key `child_id` (903 previous permanence, recorded when a period of care starts). */
export const previousPermanenceSchema = recordSchema(
  {
    child_id: childId(),
    arrangement: codeField(
      previousPermanenceCodes,
      "Permanence arrangement before entering care (903 PREV_PERM).",
    ),
    la_code: optional(textField("Authority that arranged it (903 LA_PERM).", 16)),
    order_date: optional(
      dateField("Date of the order (903 DATE_PERM), when the return gives the whole date."),
    ),
  },
  datasetRules.previous_permanence,
);
/** A validated `previous_permanence` record. */
export type PreviousPermanenceRecord = z.output<typeof previousPermanenceSchema>;

/** `social_worker_episodes` — key `child_id` + `worker_id` + `start_date` (903 social worker episodes). */
export const socialWorkerEpisodeSchema = recordSchema(
  {
    child_id: childId(),
    worker_id: textField(
      "The authority's identifier for the social worker (pseudonymised on receipt; 903 SW_ID).",
      64,
    ),
    start_date: dateField("Date the social worker was allocated (903 SW_DECOM)."),
    end_date: optional(dateField("Date the allocation ended (903 SW_DEC); empty while it continues.")),
    change_reason: optional(
      codeField(socialWorkerChangeReasonCodes, "Why the social worker changed (903 SW_REASON)."),
    ),
  },
  datasetRules.social_worker_episodes,
);
/** A validated `social_worker_episodes` record. */
export type SocialWorkerEpisodeRecord = z.output<typeof socialWorkerEpisodeSchema>;

/** `cp_reviews` — key `review_id` (CIN census CPPreviewDate: one record per child protection review held). */
export const cpReviewSchema = recordSchema(
  {
    review_id: textField(
      "The authority's identifier for the review (generated from the plan and date on import).",
      64,
    ),
    child_id: childId(),
    plan_id: textField("The child protection plan reviewed.", 64),
    review_date: dateField("Date the review conference was held (CIN census CPPreviewDate)."),
  },
  datasetRules.cp_reviews,
);
/** A validated `cp_reviews` record. */
export type CpReviewRecord = z.output<typeof cpReviewSchema>;

/** `pre_proceedings` — key `pre_proceedings_id` (CIN census pre-proceedings and family group decision making, from 2025-26). */
export const preProceedingsSchema = recordSchema(
  {
    pre_proceedings_id: textField(
      "The authority's identifier for the pre-proceedings (generated from the child and start date on import).",
      64,
    ),
    child_id: childId(),
    referral_id: optional(textField("The referral whose episode of need the pre-proceedings belong to.", 64)),
    start_date: dateField("Date pre-proceedings started (CIN census PPStartDate)."),
    letter_before_proceedings_date: optional(
      dateField("Date the letter before proceedings was sent (CIN census LBPSentDate)."),
    ),
    fgdm_offered: optional(
      booleanField(
        "Whether a family group decision-making meeting was offered (CIN census FGDMMeetingOffer).",
      ),
    ),
    fgdm_facilitated: optional(
      booleanField(
        "Whether a family group decision-making meeting was facilitated (CIN census FGDMMeetingFac).",
      ),
    ),
    initial_meeting_date: optional(
      dateField("Date of the initial pre-proceedings meeting (CIN census InitialPPMeetingDate)."),
    ),
    review_meetings: optional(
      integerField("Number of pre-proceedings review meetings (CIN census ReviewMeetingsCount).", { min: 0 }),
    ),
    decision_date: optional(
      dateField("Date of the decision to step up or down (CIN census StepDecisionDate)."),
    ),
    outcome: optional(
      textField("Outcome of pre-proceedings as the census codes it (CIN census PPOutcome).", 16),
    ),
    court_application_date: optional(
      dateField("Date the application to court was made (CIN census CourtAppDate)."),
    ),
    letter_init_cp_date: optional(dateField("The census's LetterInitCPDate, as recorded.")),
  },
  datasetRules.pre_proceedings,
);
/** A validated `pre_proceedings` record. */
export type PreProceedingsRecord = z.output<typeof preProceedingsSchema>;

/** `early_help` — key `early_help_id` (early help episodes: the assessment, and how the episode ended). */
export const earlyHelpSchema = recordSchema(
  {
    early_help_id: textField(
      "The authority's identifier for the early help episode (generated from the child and start date on import).",
      64,
    ),
    child_id: childId(),
    start_date: dateField(
      "Date the early help assessment started (Annex A list 2); places the episode in a period.",
    ),
    assessment_completed_date: optional(
      dateField("Date the early help assessment was completed; empty while it is open."),
    ),
    step_down: optional(
      booleanField("Whether the episode began as a step-down from children's social care."),
    ),
    end_date: optional(dateField("Date the early help episode ended; empty while it is open.")),
    end_reason: optional(
      codeField(
        earlyHelpEndReasonCodes,
        "Why the episode ended; `step_up` when the child was stepped up to children's social care.",
      ),
    ),
    team: optional(
      textField("The team or organisation completing the assessment (a school, a locality team).", 100),
    ),
  },
  datasetRules.early_help,
);
/** A validated `early_help` record. */
export type EarlyHelpRecord = z.output<typeof earlyHelpSchema>;

// ── all datasets together ────────────────────────────────────────────────────────────────────────

/**
 * Validated records of every dataset, one array per dataset.
 *
 * @example
 * ```ts
 * const data: DatasetRecords = emptyDatasetRecords();
 * data.contacts.length; // 0
 * ```
 */
export interface DatasetRecords {
  children: ChildRecord[];
  contacts: ContactRecord[];
  referrals: ReferralRecord[];
  assessments: AssessmentRecord[];
  s47_enquiries: S47EnquiryRecord[];
  cp_plans: CpPlanRecord[];
  cin_plans: CinPlanRecord[];
  cla_episodes: ClaEpisodeRecord[];
  care_leavers: CareLeaverRecord[];
  missing_episodes: MissingEpisodeRecord[];
  vulnerability_flags: VulnerabilityFlagRecord[];
  due_activities: DueActivityRecord[];
  workforce: WorkforceRecord[];
  populations: PopulationRecord[];
  benchmarks: BenchmarkRecord[];
  observations: ObservationRecord[];
  cla_reviews: ClaReviewRecord[];
  cla_outcomes: ClaOutcomeRecord[];
  uasc: UascRecord[];
  adoption_decisions: AdoptionDecisionRecord[];
  adoptions: AdoptionRecord[];
  previous_permanence: PreviousPermanenceRecord[];
  social_worker_episodes: SocialWorkerEpisodeRecord[];
  cp_reviews: CpReviewRecord[];
  pre_proceedings: PreProceedingsRecord[];
  early_help: EarlyHelpRecord[];
}

/** The validated record type of dataset `D`. */
export type RecordOf<D extends DatasetName> = DatasetRecords[D][number];

/**
 * The zod schema of each dataset (strict: unknown fields are rejected).
 *
 * @example
 * ```ts
 * datasetSchemas.children.parse({ child_id: "C1", date_of_birth: "2010-05-01", sex: "F" }).disabled; // null
 * ```
 */
export const datasetSchemas = {
  children: childSchema,
  contacts: contactSchema,
  referrals: referralSchema,
  assessments: assessmentSchema,
  s47_enquiries: s47EnquirySchema,
  cp_plans: cpPlanSchema,
  cin_plans: cinPlanSchema,
  cla_episodes: claEpisodeSchema,
  care_leavers: careLeaverSchema,
  missing_episodes: missingEpisodeSchema,
  vulnerability_flags: vulnerabilityFlagSchema,
  due_activities: dueActivitySchema,
  workforce: workforceSchema,
  populations: populationSchema,
  benchmarks: benchmarkSchema,
  observations: observationSchema,
  cla_reviews: claReviewSchema,
  cla_outcomes: claOutcomeSchema,
  uasc: uascSchema,
  adoption_decisions: adoptionDecisionSchema,
  adoptions: adoptionSchema,
  previous_permanence: previousPermanenceSchema,
  social_worker_episodes: socialWorkerEpisodeSchema,
  cp_reviews: cpReviewSchema,
  pre_proceedings: preProceedingsSchema,
  early_help: earlyHelpSchema,
} as const satisfies { readonly [D in DatasetName]: z.ZodType<RecordOf<D>> };

/**
 * A fresh value with an empty array for every dataset.
 *
 * @returns empty records
 * @example
 * ```ts
 * emptyDatasetRecords().children; // []
 * ```
 */
export function emptyDatasetRecords(): DatasetRecords {
  return {
    children: [],
    contacts: [],
    referrals: [],
    assessments: [],
    s47_enquiries: [],
    cp_plans: [],
    cin_plans: [],
    cla_episodes: [],
    care_leavers: [],
    missing_episodes: [],
    vulnerability_flags: [],
    due_activities: [],
    workforce: [],
    populations: [],
    benchmarks: [],
    observations: [],
    cla_reviews: [],
    cla_outcomes: [],
    uasc: [],
    adoption_decisions: [],
    adoptions: [],
    previous_permanence: [],
    social_worker_episodes: [],
    cp_reviews: [],
    pre_proceedings: [],
    early_help: [],
  };
}
