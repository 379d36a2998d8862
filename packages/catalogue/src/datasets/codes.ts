/**
 * A code of a statutory code set with the words staff read in breakdowns and tables.
 *
 * @example
 * ```ts
 * const schools: CodeOption = { code: "2A", label: "Schools" };
 * ```
 */
export interface CodeOption {
  /** The code as posted, always a string (`"6"`, `"2A"`, `"E11"`). */
  readonly code: string;
  /** Plain-English label. */
  readonly label: string;
}

/** Sex as the CIN census records it. */
export const sexCodes = [
  { code: "M", label: "Male" },
  { code: "F", label: "Female" },
  { code: "U", label: "Unknown or indeterminate" },
] as const satisfies readonly CodeOption[];

/** Source of a contact or referral (CIN census `ReferralSource`). */
export const referralSourceCodes = [
  { code: "1A", label: "Individual: family member, relative or carer" },
  { code: "1B", label: "Individual: acquaintance (including neighbours and child minders)" },
  { code: "1C", label: "Individual: self" },
  { code: "1D", label: "Individual: other" },
  { code: "2A", label: "Schools" },
  { code: "2B", label: "Education services" },
  { code: "3A", label: "Health services: GP" },
  { code: "3B", label: "Health services: health visitor" },
  { code: "3C", label: "Health services: school nurse" },
  { code: "3D", label: "Health services: other primary health services" },
  { code: "3E", label: "Health services: A&E (emergency department)" },
  { code: "3F", label: "Health services: other" },
  { code: "4", label: "Housing" },
  { code: "5A", label: "LA services: social care" },
  { code: "5B", label: "LA services: other internal" },
  { code: "5C", label: "LA services: external" },
  { code: "5D", label: "Early help" },
  { code: "6", label: "Police" },
  { code: "7", label: "Other legal agency" },
  { code: "8", label: "Other" },
  { code: "9", label: "Anonymous" },
  { code: "10", label: "Unknown" },
] as const satisfies readonly CodeOption[];

/** The authority's levels of need (the decision on a contact). */
export const levelOfNeedCodes = [
  { code: "1", label: "Level 1: universal" },
  { code: "2", label: "Level 2: early help" },
  { code: "3", label: "Level 3: targeted family support" },
  { code: "4", label: "Level 4: specialist social care (social work assessment)" },
] as const satisfies readonly CodeOption[];

/** Outcome of a social work assessment. */
export const assessmentOutcomeCodes = [
  { code: "CIN", label: "Child in need plan" },
  { code: "CP", label: "Child protection (section 47)" },
  { code: "CLA", label: "Became looked after" },
  { code: "EH", label: "Stepped down to early help" },
  { code: "NFA", label: "No further action" },
] as const satisfies readonly CodeOption[];

/**
 * Why an early help episode ended: `step_up` when the child was stepped up to children's social care
 * (a referral accepted for statutory social care), else the family's needs met, consent withdrawn, the
 * family moved away, or another reason.
 *
 * @example
 * ```ts
 * earlyHelpEndReasonCodes[0].code; // "step_up"
 * ```
 */
export const earlyHelpEndReasonCodes = [
  { code: "step_up", label: "Stepped up to children's social care" },
  { code: "needs_met", label: "Needs met" },
  { code: "consent_withdrawn", label: "Consent withdrawn or family disengaged" },
  { code: "moved", label: "Moved out of the area" },
  { code: "other", label: "Another reason" },
] as const satisfies readonly CodeOption[];

/** Category of abuse of a child protection plan. */
export const cpCategoryCodes = [
  { code: "NEG", label: "Neglect" },
  { code: "PHY", label: "Physical abuse" },
  { code: "EMO", label: "Emotional abuse" },
  { code: "SAB", label: "Sexual abuse" },
  { code: "MUL", label: "Multiple" },
] as const satisfies readonly CodeOption[];

/** Why a child in need plan ended. */
export const cinEndReasonCodes = [
  { code: "stepped_up_cp", label: "Stepped up to a child protection plan" },
  { code: "became_looked_after", label: "Became looked after" },
  { code: "stepped_down_early_help", label: "Stepped down to early help" },
  { code: "no_longer_in_need", label: "No longer in need" },
  { code: "transferred", label: "Transferred to another authority" },
  { code: "other", label: "Other" },
] as const satisfies readonly CodeOption[];

/** Reason for a new care episode (903 `RNE`). */
export const reasonNewEpisodeCodes = [
  { code: "S", label: "Started to be looked after" },
  { code: "L", label: "Change of legal status only" },
  { code: "P", label: "Change of placement and carer(s) only" },
  { code: "T", label: "Change of placement only (same carer(s))" },
  { code: "B", label: "Change of legal status and of placement and carer(s)" },
  { code: "U", label: "Change of legal status and of placement only (same carer(s))" },
] as const satisfies readonly CodeOption[];

/** Legal status of a care episode (903 `LS`). */
export const legalStatusCodes = [
  { code: "C1", label: "Interim care order" },
  { code: "C2", label: "Full care order" },
  { code: "D1", label: "Freeing order granted" },
  { code: "E1", label: "Placement order granted" },
  { code: "J1", label: "Remanded to local authority or youth detention accommodation" },
  { code: "J2", label: "Placed in local authority accommodation under PACE" },
  { code: "J3", label: "Sentenced to a supervision order with residence requirement" },
  { code: "L1", label: "Under police protection in local authority accommodation" },
  { code: "L2", label: "Emergency protection order" },
  { code: "L3", label: "Child assessment order in local authority accommodation" },
  { code: "V2", label: "Accommodated under section 20" },
  { code: "V3", label: "Short breaks (individual episodes recorded)" },
  { code: "V4", label: "Short breaks (agreements recorded)" },
] as const satisfies readonly CodeOption[];

/** Category of need (903 / CIN census `CIN`). */
export const categoryOfNeedCodes = [
  { code: "N1", label: "Abuse or neglect" },
  { code: "N2", label: "Child's disability" },
  { code: "N3", label: "Parental illness or disability" },
  { code: "N4", label: "Family in acute stress" },
  { code: "N5", label: "Family dysfunction" },
  { code: "N6", label: "Socially unacceptable behaviour" },
  { code: "N7", label: "Low income" },
  { code: "N8", label: "Absent parenting" },
] as const satisfies readonly CodeOption[];

/** Placement type (903 `PL`). `U1`–`U6` are foster care. */
export const placementTypeCodes = [
  { code: "A3", label: "Placed for adoption with consent, with current foster carer(s)" },
  { code: "A4", label: "Placed for adoption with consent, not with current foster carer(s)" },
  { code: "A5", label: "Placed for adoption with placement order, with current foster carer(s)" },
  { code: "A6", label: "Placed for adoption with placement order, not with current foster carer(s)" },
  { code: "H5", label: "Semi-independent living accommodation" },
  { code: "K1", label: "Secure children's home" },
  { code: "K2", label: "Children's home" },
  { code: "K3", label: "Supported accommodation" },
  { code: "P1", label: "Placed with own parent(s) or others with parental responsibility" },
  { code: "P2", label: "Independent living" },
  { code: "P3", label: "Residential employment" },
  { code: "R1", label: "Residential care home" },
  { code: "R2", label: "NHS or health trust establishment" },
  { code: "R3", label: "Family centre or mother and baby unit" },
  { code: "R5", label: "Young offender institution or prison" },
  { code: "S1", label: "Residential school" },
  { code: "T0", label: "Temporary move (any type)" },
  { code: "T1", label: "Temporary period in hospital" },
  { code: "T2", label: "Temporary absence on holiday" },
  { code: "T3", label: "Temporary accommodation while foster carer on holiday" },
  { code: "T4", label: "Temporary accommodation of seven days or less" },
  { code: "U1", label: "Foster care with relative or friend: long term" },
  { code: "U2", label: "Foster care with relative or friend: fostering for adoption" },
  { code: "U3", label: "Foster care with relative or friend: other" },
  { code: "U4", label: "Foster care with other carer: long term" },
  { code: "U5", label: "Foster care with other carer: fostering for adoption" },
  { code: "U6", label: "Foster care with other carer: other" },
  { code: "Z1", label: "Other placement" },
  { code: "Z11", label: "Other placement (Z11, from 2025-26)" },
  { code: "Z12", label: "Other placement (Z12, from 2025-26)" },
  { code: "Z13", label: "Other placement (Z13, from 2025-26)" },
  { code: "Z14", label: "Other placement (Z14, from 2025-26)" },
] as const satisfies readonly CodeOption[];

/** Placement provider (903 `PLACE_PROVIDER`). */
export const placementProviderCodes = [
  { code: "PR0", label: "Parent(s) or others with parental responsibility" },
  { code: "PR1", label: "Own provision (by the authority)" },
  { code: "PR2", label: "Other local authority provision" },
  { code: "PR3", label: "Other public provision" },
  { code: "PR4", label: "Private provision" },
  { code: "PR5", label: "Voluntary or third sector provision" },
] as const satisfies readonly CodeOption[];

/** Reason a care episode ceased (903 `REC`). `X1` = a new episode starts the same day. */
export const reasonCeasedCodes = [
  { code: "X1", label: "Episode ceased and a new one began the same day" },
  { code: "E11", label: "Adopted: application unopposed" },
  { code: "E12", label: "Adopted: consent dispensed with by the court" },
  { code: "E13", label: "Left care to live with parent(s) or relative(s) without parental responsibility" },
  { code: "E14", label: "Accommodation on remand ended" },
  { code: "E15", label: "Age assessment found the child aged 18 or over" },
  { code: "E16", label: "Child moved abroad" },
  { code: "E17", label: "Aged 18 or over and remained with current carers (staying put)" },
  { code: "E2", label: "Died" },
  { code: "E3", label: "Care taken over by another authority" },
  { code: "E41", label: "Child arrangements order (residence order) granted" },
  { code: "E43", label: "Special guardianship order: former foster carer, relative or friend" },
  { code: "E44", label: "Special guardianship order: former foster carer, not relative or friend" },
  { code: "E45", label: "Special guardianship order: other carer, relative or friend" },
  { code: "E46", label: "Special guardianship order: other carer, not relative or friend" },
  { code: "E47", label: "Special guardianship order: other (E47)" },
  { code: "E48", label: "Special guardianship order: other (E48)" },
  { code: "E4A", label: "Returned home to parent(s) as part of the care plan" },
  { code: "E4B", label: "Returned home to parent(s), not part of the care plan" },
  { code: "E5", label: "Moved to independent living with formal support" },
  { code: "E6", label: "Moved to independent living without formal support" },
  { code: "E7", label: "Transferred to residential care funded by adult social care" },
  { code: "E8", label: "Ceased for any other reason" },
  { code: "E9", label: "Sentenced to custody" },
] as const satisfies readonly CodeOption[];

/** Whether the authority is in touch with a care leaver (903 OC3 `IN_TOUCH`). */
export const inTouchCodes = [
  { code: "YES", label: "In touch" },
  { code: "NO", label: "Not in touch" },
  { code: "DIED", label: "Died" },
  { code: "REFU", label: "Refuses contact" },
  { code: "NREQ", label: "No longer requires services" },
  { code: "RHOM", label: "Returned home" },
] as const satisfies readonly CodeOption[];

/** Main activity of a care leaver (903 OC3 `ACTIV`). `F*`/`P*` = in education, employment or training. */
export const careLeaverActivityCodes = [
  { code: "F1", label: "Higher education, full time" },
  { code: "P1", label: "Higher education, part time" },
  { code: "F2", label: "Other education, full time" },
  { code: "P2", label: "Other education, part time" },
  { code: "F3", label: "Training or employment, full time (until 2017-18)" },
  { code: "P3", label: "Training or employment, part time (until 2017-18)" },
  { code: "F4", label: "Apprenticeship, full time" },
  { code: "P4", label: "Apprenticeship, part time" },
  { code: "F5", label: "Training or employment, full time" },
  { code: "P5", label: "Training or employment, part time" },
  { code: "G4", label: "Not in education, employment or training: illness or disability" },
  { code: "G5", label: "Not in education, employment or training: other reasons" },
  { code: "G6", label: "Not in education, employment or training: pregnancy or parenting" },
  { code: "0", label: "Activity not known" },
] as const satisfies readonly CodeOption[];

/** Kind of a missing episode (903 `M` / `A`). */
export const missingKindCodes = [
  { code: "missing", label: "Missing" },
  { code: "absent", label: "Absent without authorisation" },
] as const satisfies readonly CodeOption[];

/** Where a child went missing from. */
export const missingFromCodes = [
  { code: "care", label: "From care" },
  { code: "home", label: "From home" },
] as const satisfies readonly CodeOption[];

/** Whether a return interview was offered and taken up. */
export const returnInterviewCodes = [
  { code: "offered_accepted", label: "Offered and accepted" },
  { code: "offered_declined", label: "Offered and declined" },
  { code: "not_offered", label: "Not offered" },
] as const satisfies readonly CodeOption[];

/** Vulnerability a child is flagged for. */
export const vulnerabilityFlagCodes = [
  { code: "CSE", label: "Child sexual exploitation" },
  { code: "CCE", label: "Child criminal exploitation" },
  { code: "county_lines", label: "County lines" },
  { code: "trafficking", label: "Trafficking" },
  { code: "gangs", label: "Gangs" },
  { code: "radicalisation", label: "Radicalisation" },
  { code: "missing", label: "Going missing" },
] as const satisfies readonly CodeOption[];

/** Kind of an activity with a statutory due date. */
export const dueActivityKindCodes = [
  { code: "pathway_plan", label: "Pathway plan review" },
  { code: "health_assessment", label: "Health assessment" },
  { code: "cla_review", label: "Looked-after child review" },
  { code: "cla_visit", label: "Looked-after child statutory visit" },
  { code: "cp_review", label: "Child protection review" },
  { code: "cp_visit", label: "Child protection statutory visit" },
] as const satisfies readonly CodeOption[];

/** A worker's role; `social_worker` and `senior_practitioner` hold cases. */
export const workforceRoleCodes = [
  { code: "social_worker", label: "Social worker" },
  { code: "senior_practitioner", label: "Senior practitioner" },
  { code: "team_manager", label: "Team manager" },
  { code: "service_manager", label: "Service manager" },
  { code: "senior_manager", label: "Senior manager" },
  { code: "qualified_without_cases", label: "Qualified social worker without cases" },
  { code: "other", label: "Other" },
] as const satisfies readonly CodeOption[];

/** How a looked-after child took part in their review (903 `REVIEW_CODE`). */
export const reviewParticipationCodes = [
  { code: "PN0", label: "Child aged under 4 at the time of the review" },
  { code: "PN1", label: "Child attended and spoke for themselves" },
  { code: "PN2", label: "Child attended, and an advocate spoke for them" },
  { code: "PN3", label: "Child attended and conveyed their views non-verbally" },
  { code: "PN4", label: "Child attended but did not convey their views" },
  { code: "PN5", label: "Child did not attend, and an advocate conveyed their views" },
  { code: "PN6", label: "Child did not attend but conveyed their views another way" },
  { code: "PN7", label: "Child did not attend nor convey their views" },
] as const satisfies readonly CodeOption[];

/** Why a looked-after child has no SDQ score (903 OC2 `SDQ_REASON`). */
export const sdqReasonCodes = [
  {
    code: "SDQ1",
    label: "No form returned: child aged under 4 or over 17 at the date of the latest assessment",
  },
  { code: "SDQ2", label: "Carer refused to complete the questionnaire" },
  {
    code: "SDQ3",
    label: "Not possible to complete the questionnaire due to the severity of the child's disability",
  },
  { code: "SDQ4", label: "Other" },
  { code: "SDQ5", label: "Child or young person refuses to allow an SDQ to be completed" },
] as const satisfies readonly CodeOption[];

/** Sex of the adopter(s) (903 AD1 `SEX_ADOPTR`). */
export const adoptersSexCodes = [
  { code: "M1", label: "Single male adopter" },
  { code: "F1", label: "Single female adopter" },
  { code: "MM", label: "Male couple" },
  { code: "FF", label: "Female couple" },
  { code: "MF", label: "Male and female couple" },
] as const satisfies readonly CodeOption[];

/** Legal status of the adopter(s) (903 AD1 `LS_ADOPTR`). */
export const adoptersLegalStatusCodes = [
  { code: "L0", label: "Child adopted by a single adopter" },
  { code: "L11", label: "Married couple" },
  { code: "L12", label: "Civil partners" },
  { code: "L2", label: "Unmarried couple, not civil partners" },
  { code: "L3", label: "Step-parent" },
  { code: "L4", label: "Foster carer(s) adopting" },
] as const satisfies readonly CodeOption[];

/** Why the decision that a child should be placed for adoption ceased (903 `REASON_PLACED_CEASED`). */
export const placedCeasedReasonCodes = [
  { code: "RD1", label: "The child's needs changed after the decision" },
  { code: "RD2", label: "The court did not make a placement order" },
  { code: "RD3", label: "Prospective adopters could not be found" },
  { code: "RD4", label: "Any other reason" },
] as const satisfies readonly CodeOption[];

/** A child's permanence arrangement before they entered care (903 `PREV_PERM`). */
export const previousPermanenceCodes = [
  { code: "P1", label: "Adoption" },
  { code: "P2", label: "Special guardianship order" },
  { code: "P3", label: "Residence order or child arrangements order" },
  { code: "P4", label: "Adoption overseas" },
  { code: "Z1", label: "None, or not known" },
] as const satisfies readonly CodeOption[];

/** Why a looked-after child's social worker changed (903 `SW_REASON`). */
export const socialWorkerChangeReasonCodes = [
  { code: "MANAGE", label: "Management decision" },
  { code: "FCONTA", label: "Fixed-term contract ended" },
  { code: "LEFTRL", label: "Social worker left the role" },
  { code: "ORGRST", label: "Organisational restructure" },
  { code: "TSPROC", label: "Transfer between teams as part of a process" },
  { code: "ABSENC", label: "Social worker absent" },
  { code: "CHCHAN", label: "Child's circumstances changed" },
  { code: "PCCHAN", label: "Change at the child's or family's request" },
  { code: "SWDIED", label: "Social worker died" },
  { code: "OTHERS", label: "Other" },
] as const satisfies readonly CodeOption[];

/** Why a looked-after child's placement changed (903 `REASON_PLACE_CHANGE`; `CUSTOD` from 2018-19). */
export const reasonPlaceChangeCodes = [
  { code: "CARPL", label: "Change to the care plan to implement it" },
  { code: "CLOSE", label: "Resignation or closure of the provision" },
  { code: "ALLEG", label: "Allegation (section 47 enquiry)" },
  { code: "STAND", label: "Standards of care concern" },
  { code: "APPRR", label: "Approval removed" },
  { code: "CREQB", label: "Carer requests placement end due to the child's behaviour" },
  { code: "CREQO", label: "Carer requests placement end for another reason" },
  { code: "CHILD", label: "Child requests the placement end" },
  { code: "LAREQ", label: "Responsible authority requests the placement end" },
  { code: "PLACE", label: "Change in the status of the placement only" },
  { code: "CUSTOD", label: "Custody arrangement" },
  { code: "OTHER", label: "Other" },
] as const satisfies readonly CodeOption[];

/** A child's disability (CIN census `Disability`; `NONE` = no disability). */
export const disabilityCodes = [
  { code: "NONE", label: "No disability" },
  { code: "MOB", label: "Mobility" },
  { code: "HAND", label: "Hand function" },
  { code: "PC", label: "Personal care" },
  { code: "INC", label: "Incontinence" },
  { code: "COMM", label: "Communication" },
  { code: "LD", label: "Learning" },
  { code: "HEAR", label: "Hearing" },
  { code: "VIS", label: "Vision" },
  { code: "BEH", label: "Behaviour" },
  { code: "CON", label: "Consciousness" },
  { code: "AUT", label: "Autism" },
  { code: "DDA", label: "Other disability" },
] as const satisfies readonly CodeOption[];

/** Primary need of an episode of need (CIN census `PrimaryNeedCode`): the categories of need, then N9 and N0. */
export const primaryNeedCodes = [
  ...categoryOfNeedCodes,
  { code: "N9", label: "Cases other than children in need" },
  { code: "N0", label: "Not stated" },
] as const satisfies readonly CodeOption[];

/** Why an episode of need closed (CIN census `ReasonForClosure`; RC9 from 2022-23). */
export const cinClosureReasonCodes = [
  { code: "RC1", label: "Adopted" },
  { code: "RC2", label: "Died" },
  { code: "RC3", label: "Child arrangements order" },
  { code: "RC4", label: "Special guardianship order" },
  { code: "RC5", label: "Transferred to services of another local authority" },
  { code: "RC6", label: "Transferred to adult social care services" },
  { code: "RC7", label: "Services ceased for any other reason, including child no longer in need" },
  { code: "RC8", label: "Case closed after assessment, no further action" },
  { code: "RC9", label: "Case closed after assessment, referred to early help" },
] as const satisfies readonly CodeOption[];

/**
 * Factors identified at a social work assessment (CIN census `AssessmentFactors`), every year's: 18A
 * and 19A until 2019-20, then 18B/18C and 19B/19C; 24A from 2021-22 (the import checks the year).
 */
export const assessmentFactorCodes = [
  { code: "1A", label: "Alcohol misuse: the child" },
  { code: "1B", label: "Alcohol misuse: the parent(s) or carer(s)" },
  { code: "1C", label: "Alcohol misuse: another person in the household" },
  { code: "2A", label: "Drug misuse: the child" },
  { code: "2B", label: "Drug misuse: the parent(s) or carer(s)" },
  { code: "2C", label: "Drug misuse: another person in the household" },
  { code: "3A", label: "Domestic violence: the child" },
  { code: "3B", label: "Domestic violence: the parent(s) or carer(s)" },
  { code: "3C", label: "Domestic violence: another person in the household" },
  { code: "4A", label: "Mental health: the child" },
  { code: "4B", label: "Mental health: the parent(s) or carer(s)" },
  { code: "4C", label: "Mental health: another person in the family or household" },
  { code: "5A", label: "Learning disability: the child" },
  { code: "5B", label: "Learning disability: the parent(s) or carer(s)" },
  { code: "5C", label: "Learning disability: another person in the family or household" },
  { code: "6A", label: "Physical disability or illness: the child" },
  { code: "6B", label: "Physical disability or illness: the parent(s) or carer(s)" },
  { code: "6C", label: "Physical disability or illness: another person in the family or household" },
  { code: "7A", label: "Young carer" },
  { code: "8B", label: "Privately fostered: overseas child who intends to return" },
  { code: "8C", label: "Privately fostered: overseas child who intends to stay" },
  { code: "8D", label: "Privately fostered: UK child in an educational placement" },
  { code: "8E", label: "Privately fostered: UK child in an alternative family arrangement" },
  { code: "8F", label: "Privately fostered: other" },
  { code: "9A", label: "Unaccompanied asylum-seeking child" },
  { code: "10A", label: "Going or being missing" },
  { code: "11A", label: "Child sexual exploitation" },
  { code: "12A", label: "Trafficking" },
  { code: "13A", label: "Gangs" },
  { code: "14A", label: "Socially unacceptable behaviour" },
  { code: "15A", label: "Self-harm" },
  { code: "16A", label: "Abuse or neglect: neglect" },
  { code: "17A", label: "Abuse or neglect: emotional abuse" },
  { code: "18A", label: "Abuse or neglect: physical abuse (until 2019-20)" },
  { code: "18B", label: "Abuse or neglect: physical abuse, child on child" },
  { code: "18C", label: "Abuse or neglect: physical abuse, adult on child" },
  { code: "19A", label: "Abuse or neglect: sexual abuse (until 2019-20)" },
  { code: "19B", label: "Abuse or neglect: sexual abuse, child on child" },
  { code: "19C", label: "Abuse or neglect: sexual abuse, adult on child" },
  { code: "20", label: "Other" },
  { code: "21", label: "No factors identified" },
  { code: "22A", label: "Female genital mutilation" },
  { code: "23A", label: "Abuse linked to faith or belief" },
  { code: "24A", label: "Child criminal exploitation" },
] as const satisfies readonly CodeOption[];

/** One of {@link assessmentFactorCodes}. */
export type AssessmentFactor = (typeof assessmentFactorCodes)[number]["code"];
/** One of {@link vulnerabilityFlagCodes}. */
export type VulnerabilityFlag = (typeof vulnerabilityFlagCodes)[number]["code"];

/**
 * The assessment factors that name a vulnerability, and the flag each becomes: going missing (10A),
 * child sexual exploitation (11A), trafficking (12A), gangs (13A) and child criminal exploitation (24A),
 * as the CIN census code set words them.
 *
 * @example
 * ```ts
 * assessmentFactorFlags["11A"]; // "CSE"
 * assessmentFactorFlags["6A"]; // undefined
 * ```
 */
export const assessmentFactorFlags: Readonly<Partial<Record<AssessmentFactor, VulnerabilityFlag>>> = {
  "10A": "missing",
  "11A": "CSE",
  "12A": "trafficking",
  "13A": "gangs",
  "24A": "CCE",
};

/**
 * The symbols DfE's published statistics print in place of a figure (explore-education-statistics'
 * symbol guidance; LAIT prints `-`), kept on a benchmark as its `status` and shown in these words,
 * never as 0.
 */
export const publishedStatusCodes = [
  { code: "c", label: "suppressed to protect confidential information" },
  { code: "x", label: "not available" },
  { code: "z", label: "not applicable" },
  { code: "k", label: "fewer than 0.5, rounded to 0" },
  { code: "u", label: "low reliability, not published" },
  { code: "low", label: "rounds to 0 but is not 0" },
  { code: "..", label: "not collected or not published" },
  { code: "-", label: "not published (LAIT)" },
] as const satisfies readonly CodeOption[];

/** One of {@link publishedStatusCodes}. */
export type PublishedStatus = (typeof publishedStatusCodes)[number]["code"];

/** Quartile bands as LAIT names them: A the best quarter of authorities, D the worst (by polarity). */
export const quartileBandCodes = [
  { code: "A", label: "best quarter of authorities" },
  { code: "B", label: "second quarter" },
  { code: "C", label: "third quarter" },
  { code: "D", label: "worst quarter of authorities" },
] as const satisfies readonly CodeOption[];
