import { assessmentFactorFlags } from "@kpi/catalogue";
import { collectionYearLabel } from "../framework/collection-year.js";
import { statutoryDate } from "../framework/row-reader.js";
import { type ColumnRole, rowOutcome, type TableMapping } from "../framework/table-mapping.js";
import type { SourceRow } from "../read/csv-table.js";
import { cinCodeStanding, cinModuleYears } from "./cin-codes.js";
import { type CinContext, type CinRowReader, cinReader, readCinCode, readCinYesNo } from "./cin-context.js";
import type { CinTableName } from "./cin-message.js";

type Mapping = TableMapping<CinContext> & { readonly table: CinTableName };

const CHILD_ID = {
  column: "LAchildID",
  role: "check",
  why: "identifies the child (from its <ChildIdentifiers>)",
} as const;
const REFERRAL = {
  column: "CINreferralDate",
  role: "check",
  why: "identifies the episode of need (its <CINdetails>) the record belongs to",
} as const;

/** The ISO date of a cell, or `null` when it is empty or not a date. */
function isoOf(text: string): string | null {
  const d = statutoryDate(text);
  return d.ok ? d.value : null;
}

/** The element path of a row's parent: `Child[1]/CINdetails[2]` for `Child[1]/CINdetails[2]/Section47[1]`. */
function parentPath(row: SourceRow, levels = 1): string {
  return (row.element ?? "").split("/").slice(0, -levels).join("/");
}

/** The element path of the row's child: `Child[1]`. */
function childPath(row: SourceRow): string {
  return (row.element ?? "").split("/")[0] ?? "";
}

/** The id of the referral a row belongs to, as the referral's own mapping makes it. */
function referralIdOf(r: CinRowReader, context: CinContext): string {
  const date = r.cell("CINreferralDate");
  return context.recordId("RF", [r.cell("LAchildID"), isoOf(date) ?? date]);
}

/** A warning when `date` is before the episode's referral date (rules 1103, 1104, 1105, 2889, 4015). */
function notBeforeReferral(r: CinRowReader, column: string, date: string | null, rule: string): void {
  const referral = isoOf(r.cell("CINreferralDate"));
  if (date !== null && referral !== null && date < referral)
    r.warn([column, "CINreferralDate"], `${column} is before CINreferralDate (rule ${rule}): kept`, rule);
}

/** A warning when `date` is after the census year's end (its ReferenceDate). */
function notAfterCensus(
  r: CinRowReader,
  context: CinContext,
  column: string,
  date: string | null,
  rule: string,
): void {
  if (date !== null && date > context.census.end)
    r.warn(
      [column],
      `${column} is after the census year's end, ${context.census.end} (rule ${rule}): kept`,
      rule,
    );
}

const SEX_OF: Readonly<Record<string, "M" | "F" | "U">> = {
  M: "M",
  F: "F",
  U: "U",
  "1": "M",
  "2": "F",
  "0": "U",
  "9": "U",
};

/** The child's sex from `<Sex>` (M/F/U, from 2024-25) or `<GenderCurrent>` (1/2/0/9, until 2023-24). */
function sexOf(r: CinRowReader, context: CinContext): "M" | "F" | "U" {
  const element = r.cell("Sex") !== "" ? "Sex" : "GenderCurrent";
  const text = r.cell(element).toUpperCase();
  if (text === "") {
    r.warn(
      ["Sex", "GenderCurrent"],
      "Sex and GenderCurrent are empty (rule 4180): sex recorded as U (unknown)",
      "4180",
    );
    return "U";
  }
  const standing = cinCodeStanding(element, text, context.year);
  if (standing.kind === "other_years")
    r.warn(
      [element],
      `${element} '${text}' is a CIN census code ${standing.years}, not in ${context.yearLabel} (rule 4180): kept`,
      "4180",
    );
  else if (standing.kind === "unknown") {
    const other = element === "Sex" ? "GenderCurrent" : "Sex";
    if (cinCodeStanding(other, text, context.year).kind !== "unknown")
      r.warn(
        [element],
        `${element} '${text}' is a ${other} code (${other === "Sex" ? "M, F, U" : "1 male, 2 female, 0 not recorded, 9 indeterminate"}), not a ${element} code (rule 4180): read as ${SEX_OF[text]}`,
        "4180",
      );
    else {
      r.warn(
        [element],
        `${element} '${text}' is not a ${context.yearLabel} CIN census code (rule 4180): sex recorded as U (unknown)`,
        "4180",
      );
      return "U";
    }
  }
  return SEX_OF[text] ?? "U";
}

/**
 * The codes of a list element (`<Disability>`, `<AssessmentFactors>`) valid in the census year: others'
 * codes kept with a warning, unknown codes left out with one, a repeated code kept once.
 */
function codeList(
  r: CinRowReader,
  context: CinContext,
  element: "Disability" | "AssessmentFactors",
  rules: {
    readonly unknown?: string;
    readonly repeated: string;
    readonly otherYears?: (code: string) => string | undefined;
  },
): string[] {
  const out: string[] = [];
  for (const code of r
    .cell(element)
    .split(" ")
    .filter((c) => c !== "")) {
    const standing = cinCodeStanding(element, code, context.year);
    const rule = standing.kind === "other_years" ? rules.otherYears?.(code) : rules.unknown;
    const ruleText = rule === undefined ? "" : ` (rule ${rule})`;
    if (standing.kind === "unknown") {
      r.warn(
        [element],
        `${element} '${code}' is not a ${context.yearLabel} CIN census code${ruleText}: left out`,
        rule,
      );
      continue;
    }
    if (standing.kind === "other_years")
      r.warn(
        [element],
        `${element} '${code}' is a CIN census code ${standing.years}, not in ${context.yearLabel}${ruleText}: kept`,
        rule,
      );
    if (out.includes(code)) {
      r.warn(
        [element],
        `${element} '${code}' is listed more than once (rule ${rules.repeated}): kept once`,
        rules.repeated,
      );
      continue;
    }
    out.push(code);
  }
  return out;
}

/** `<Child>` (its identifiers and characteristics) → `children`, merged field by field with what other returns say. */
export const childMapping: Mapping = {
  table: "Child",
  dataset: "children",
  write: "merge",
  columns: [
    { column: "LAchildID", role: "mapped", field: "child_id", mandatory: true },
    {
      column: "UPN",
      role: "not_imported",
      why: "the unique pupil number identifies the child; the contract holds no identifier but the authority's own",
    },
    {
      column: "FormerUPN",
      role: "not_imported",
      why: "a former unique pupil number identifies the child; the contract holds no identifier but the authority's own",
    },
    {
      column: "UPNunknown",
      role: "not_imported",
      why: "why the child has no UPN has no place in the contract",
    },
    { column: "PersonBirthDate", role: "mapped", field: "date_of_birth" },
    { column: "ExpectedPersonBirthDate", role: "mapped", field: "expected_date_of_birth" },
    { column: "GenderCurrent", role: "mapped", field: "sex" },
    { column: "Sex", role: "mapped", field: "sex" },
    { column: "PersonDeathDate", role: "mapped", field: "date_of_death" },
    { column: "Ethnicity", role: "mapped", field: "ethnicity" },
    { column: "Disability", role: "mapped", field: "disabilities" },
  ],
  map(row, context) {
    const r = cinReader(row, context);
    const id = r.required("LAchildID", "the child's identifier", "8500");
    const sex = sexOf(r, context);
    const dob = r.date("PersonBirthDate", { rule: "8520", what: "the date of birth" });
    const expected = r.date("ExpectedPersonBirthDate", { rule: "8530Q", what: "the expected date of birth" });
    if (
      dob === null &&
      expected === null &&
      r.cell("PersonBirthDate") === "" &&
      r.cell("ExpectedPersonBirthDate") === ""
    )
      r.warn(
        ["PersonBirthDate", "ExpectedPersonBirthDate"],
        "neither PersonBirthDate nor ExpectedPersonBirthDate is given (rule 8525Q): kept without a date of birth",
        "8525Q",
      );
    else if (dob !== null && expected !== null)
      r.warn(
        ["PersonBirthDate", "ExpectedPersonBirthDate"],
        "both PersonBirthDate and ExpectedPersonBirthDate are given (rule 8525Q): both kept",
        "8525Q",
      );
    notAfterCensus(r, context, "PersonBirthDate", dob, "8520");
    const death = r.date("PersonDeathDate", { rule: "8545Q", what: "the date of death" });
    if (death !== null && dob !== null && death < dob)
      r.warn(
        ["PersonDeathDate", "PersonBirthDate"],
        "PersonDeathDate is before PersonBirthDate (rule 8535Q): kept",
        "8535Q",
      );
    const ethnicity = readCinCode(r, context, "Ethnicity", "Ethnicity", { rule: "4220", what: "ethnicity" });
    const disabilities = codeList(r, context, "Disability", { unknown: "8540", repeated: "8794" });
    if (disabilities.includes("NONE") && disabilities.length > 1)
      r.warn(
        ["Disability"],
        "Disability lists NONE beside other disabilities (rule 8790): kept as listed; the child counts as disabled",
        "8790",
      );
    return rowOutcome(
      r,
      {
        child_id: id,
        date_of_birth: dob,
        sex,
        ethnicity,
        disabled: disabilities.length === 0 ? null : disabilities.some((d) => d !== "NONE"),
        expected_date_of_birth: expected,
        date_of_death: death,
        disabilities: disabilities.length === 0 ? null : disabilities.join(" "),
      },
      { key: row.element ?? "" },
    );
  },
};

/** `<CINdetails>` (an episode of need, opened by a referral) → `referrals`. */
export const referralMapping: Mapping = {
  table: "CINdetails",
  dataset: "referrals",
  write: "upsert",
  columns: [
    CHILD_ID,
    { column: "CINreferralDate", role: "mapped", field: "referral_date", mandatory: true },
    { column: "ReferralSource", role: "mapped", field: "source" },
    { column: "PrimaryNeedCode", role: "mapped", field: "primary_need" },
    { column: "CINclosureDate", role: "mapped", field: "closure_date" },
    { column: "ReasonForClosure", role: "mapped", field: "closure_reason" },
    { column: "DateOfInitialCPC", role: "mapped", field: "icpc_date" },
    { column: "ReferralNFA", role: "mapped", field: "nfa" },
  ],
  map(row, context) {
    const r = cinReader(row, context);
    const child = r.cell("LAchildID");
    const date = r.date("CINreferralDate", { required: true, rule: "8600", what: "the referral date" });
    notAfterCensus(r, context, "CINreferralDate", date, "8600");
    const source = readCinCode(r, context, "ReferralSource", "ReferralSource", {
      rule: "8866",
      what: "the referral source",
    });
    if (r.cell("ReferralSource") === "")
      r.warn(["ReferralSource"], "ReferralSource is empty (rule 8866): left empty", "8866");
    const need = readCinCode(r, context, "PrimaryNeedCode", "PrimaryNeedCode", {
      rule: "8650",
      what: "the primary need",
    });
    const closure = r.date("CINclosureDate", {
      dropInvalid: true,
      rule: "8620",
      what: "the closure date, which says whether the episode is open",
    });
    notAfterCensus(r, context, "CINclosureDate", closure, "8620");
    const reason = readCinCode(r, context, "ReasonForClosure", "ReasonForClosure", {
      rule: "8640",
      what: "the reason for closure",
    });
    if (closure !== null && r.cell("ReasonForClosure") === "")
      r.warn(
        ["CINclosureDate", "ReasonForClosure"],
        "CINclosureDate without ReasonForClosure (rule 8805): kept as closed, without a reason",
        "8805",
      );
    if (closure === null && reason !== null)
      r.warn(
        ["CINclosureDate", "ReasonForClosure"],
        "ReasonForClosure without CINclosureDate (rule 8810): kept as open",
        "8810",
      );
    const icpc = r.date("DateOfInitialCPC", {
      rule: "8715",
      what: "the date of the initial child protection conference",
    });
    notBeforeReferral(r, "DateOfInitialCPC", icpc, "1104");
    const nfa = readCinYesNo(r, context, "ReferralNFA", {
      required: true,
      rule: "8568",
      what: "whether the referral ended with no further action, which says whether the child is in need",
    });
    if (nfa === false && r.cell("PrimaryNeedCode") === "")
      r.warn(
        ["PrimaryNeedCode", "ReferralNFA"],
        "PrimaryNeedCode is missing for a referral that led to further action (rule 8610): kept",
        "8610",
      );
    return rowOutcome(
      r,
      {
        referral_id: context.recordId("RF", [child, date ?? ""]),
        child_id: child,
        referral_date: date,
        source,
        nfa,
        team: null,
        primary_need: need,
        closure_date: closure,
        closure_reason: reason,
        icpc_date: icpc,
      },
      { key: row.element ?? "", parent: { table: "Child", key: childPath(row) } },
    );
  },
};

/** `<Assessments>` → `assessments`, with the factors identified. */
export const assessmentMapping: Mapping = {
  table: "Assessments",
  dataset: "assessments",
  write: "upsert",
  columns: [
    CHILD_ID,
    REFERRAL,
    { column: "AssessmentActualStartDate", role: "mapped", field: "start_date", mandatory: true },
    {
      column: "AssessmentInternalReviewDate",
      role: "not_imported",
      why: "the internal review date of an assessment has no place in the contract and feeds no measure",
    },
    { column: "AssessmentAuthorisationDate", role: "mapped", field: "authorised_date" },
    { column: "AssessmentFactors", role: "mapped", field: "factors" },
  ],
  map(row, context) {
    const r = cinReader(row, context);
    const child = r.cell("LAchildID");
    const start = r.date("AssessmentActualStartDate", {
      required: true,
      what: "the date the assessment started",
    });
    notBeforeReferral(r, "AssessmentActualStartDate", start, "1103");
    const done = r.date("AssessmentAuthorisationDate", {
      rule: "8696",
      what: "the date the assessment was authorised",
    });
    const factors = codeList(r, context, "AssessmentFactors", {
      repeated: "8898",
      otherYears: (code) => (code === "18A" ? "8945Q" : code === "19A" ? "8950Q" : undefined),
    });
    if (factors.includes("21") && factors.length > 1)
      r.warn(
        ["AssessmentFactors"],
        "AssessmentFactors '21' (no factors) is listed beside other factors (rule 8869): kept as listed",
        "8869",
      );
    if (factors.length > 0 && done === null)
      r.warn(
        ["AssessmentFactors", "AssessmentAuthorisationDate"],
        "AssessmentFactors on an assessment not yet authorised (rule 8614): kept",
        "8614",
      );
    const referral = r.cell("CINreferralDate");
    return rowOutcome(
      r,
      {
        assessment_id: context.recordId("AS", [child, isoOf(referral) ?? referral, start ?? ""]),
        child_id: child,
        referral_id: referralIdOf(r, context),
        start_date: start,
        authorised_date: done,
        outcome: null,
        team: null,
        factors: factors.length === 0 ? null : factors.join(" "),
      },
      { key: row.element ?? "", parent: { table: "CINdetails", key: parentPath(row) } },
    );
  },
};

/** An assessment factor naming a vulnerability (10A, 11A, 12A, 13A, 24A) → `vulnerability_flags`, open while the episode is. */
export const factorFlagMapping: Mapping = {
  table: "AssessmentFactors",
  dataset: "vulnerability_flags",
  write: "upsert",
  columns: [
    CHILD_ID,
    REFERRAL,
    { column: "AssessmentFactors", role: "mapped", field: "flag", mandatory: true },
    { column: "AssessmentAuthorisationDate", role: "mapped", field: "start_date" },
    {
      column: "AssessmentActualStartDate",
      role: "mapped",
      field: "start_date",
      why: "the flag's start when the assessment is not yet authorised",
    },
    { column: "CINclosureDate", role: "mapped", field: "end_date" },
  ],
  map(row, context) {
    const r = cinReader(row, context);
    const child = r.cell("LAchildID");
    const code = r.cell("AssessmentFactors").toUpperCase() as keyof typeof assessmentFactorFlags;
    const standing = cinCodeStanding("AssessmentFactors", code, context.year);
    if (standing.kind === "other_years")
      r.warn(
        ["AssessmentFactors"],
        `AssessmentFactors '${code}' is a CIN census code ${standing.years}, not in ${context.yearLabel}: kept`,
      );
    const started = isoOf(r.cell("AssessmentActualStartDate"));
    const start = isoOf(r.cell("AssessmentAuthorisationDate")) ?? started;
    const referral = r.cell("CINreferralDate");
    return rowOutcome(
      r,
      {
        flag_id: context.recordId("VF", [child, isoOf(referral) ?? referral, started ?? "", code]),
        child_id: child,
        flag: assessmentFactorFlags[code] ?? null,
        start_date: start,
        end_date: isoOf(r.cell("CINclosureDate")),
      },
      { key: row.element ?? "", parent: { table: "Assessments", key: parentPath(row, 2) } },
    );
  },
};

/** `<CINPlanDates>` → `cin_plans`. */
export const cinPlanMapping: Mapping = {
  table: "CINPlanDates",
  dataset: "cin_plans",
  write: "upsert",
  columns: [
    CHILD_ID,
    REFERRAL,
    { column: "CINPlanStartDate", role: "mapped", field: "start_date", mandatory: true },
    { column: "CINPlanEndDate", role: "mapped", field: "end_date" },
  ],
  map(row, context) {
    const r = cinReader(row, context);
    const child = r.cell("LAchildID");
    const start = r.date("CINPlanStartDate", {
      required: true,
      rule: "4010",
      what: "the date the plan started",
    });
    notBeforeReferral(r, "CINPlanStartDate", start, "4015");
    const end = r.date("CINPlanEndDate", {
      dropInvalid: true,
      rule: "4013",
      what: "the date the plan ended, which says whether it is open",
    });
    notAfterCensus(r, context, "CINPlanEndDate", end, "4013");
    return rowOutcome(
      r,
      {
        plan_id: context.recordId("CN", [child, start ?? ""]),
        child_id: child,
        start_date: start,
        end_date: end,
        end_reason: null,
      },
      { key: row.element ?? "", parent: { table: "CINdetails", key: parentPath(row) } },
    );
  },
};

/** `<Section47>` → `s47_enquiries`; `icpc_cp_plan` is true when one of the child's CP plans starts on the ICPC's date (rule 2885). */
export const s47Mapping: Mapping = {
  table: "Section47",
  dataset: "s47_enquiries",
  write: "upsert",
  columns: [
    CHILD_ID,
    REFERRAL,
    { column: "S47ActualStartDate", role: "mapped", field: "start_date", mandatory: true },
    { column: "InitialCPCtarget", role: "mapped", field: "icpc_target_date" },
    { column: "DateOfInitialCPC", role: "mapped", field: "icpc_date" },
    { column: "ICPCnotRequired", role: "mapped", field: "icpc_not_required" },
  ],
  map(row, context) {
    const r = cinReader(row, context);
    const child = r.cell("LAchildID");
    const start = r.date("S47ActualStartDate", {
      required: true,
      rule: "8615",
      what: "the date the enquiry started",
    });
    notBeforeReferral(r, "S47ActualStartDate", start, "2889");
    const target = r.date("InitialCPCtarget", { what: "the target date of the initial conference" });
    const icpc = r.date("DateOfInitialCPC", {
      rule: "8715",
      what: "the date of the initial child protection conference",
    });
    let notRequired = readCinYesNo(r, context, "ICPCnotRequired", {
      what: "whether a conference was not required",
    });
    if (notRequired === null) {
      r.warn(["ICPCnotRequired"], "ICPCnotRequired is empty or not true/false: taken as false", undefined);
      notRequired = false;
    }
    return rowOutcome(
      r,
      {
        s47_id: context.recordId("S47", [child, start ?? ""]),
        child_id: child,
        start_date: start,
        icpc_not_required: notRequired,
        icpc_date: icpc,
        icpc_cp_plan: icpc === null ? null : context.planStarts(childPath(row)).has(icpc),
        icpc_target_date: target,
      },
      { key: row.element ?? "", parent: { table: "CINdetails", key: parentPath(row) } },
    );
  },
};

/** `<ChildProtectionPlans>` → `cp_plans`. */
export const cpPlanMapping: Mapping = {
  table: "ChildProtectionPlans",
  dataset: "cp_plans",
  write: "upsert",
  columns: [
    CHILD_ID,
    REFERRAL,
    { column: "CPPstartDate", role: "mapped", field: "start_date", mandatory: true },
    { column: "CPPendDate", role: "mapped", field: "end_date" },
    { column: "InitialCategoryOfAbuse", role: "mapped", field: "initial_category" },
    { column: "LatestCategoryOfAbuse", role: "mapped", field: "latest_category" },
    { column: "NumberOfPreviousCPP", role: "mapped", field: "previous_plans" },
  ],
  map(row, context) {
    const r = cinReader(row, context);
    const child = r.cell("LAchildID");
    const start = r.date("CPPstartDate", { required: true, rule: "8720", what: "the date the plan started" });
    notBeforeReferral(r, "CPPstartDate", start, "1105");
    const end = r.date("CPPendDate", {
      dropInvalid: true,
      rule: "8930",
      what: "the date the plan ended, which says whether it is open",
    });
    notAfterCensus(r, context, "CPPendDate", end, "8930");
    if (start !== null && end === start)
      r.warn(
        ["CPPstartDate", "CPPendDate"],
        "CPPendDate is the day the plan started (rule 8840): kept",
        "8840",
      );
    const category = (element: string, rule: string) => {
      if (r.cell(element) === "") r.warn([element], `${element} is empty (rule ${rule}): left empty`, rule);
      return readCinCode(r, context, element, "CategoryOfAbuse", { rule, what: "the category of abuse" });
    };
    const initial = category("InitialCategoryOfAbuse", "8905");
    const latest = category("LatestCategoryOfAbuse", "8910");
    const previousText = r.cell("NumberOfPreviousCPP");
    const previous = /^\d+$/.test(previousText) ? Number(previousText) : null;
    if (previousText === "")
      r.warn(["NumberOfPreviousCPP"], "NumberOfPreviousCPP is empty (rule 8730): left empty", "8730");
    else if (previous === null)
      r.warn(
        ["NumberOfPreviousCPP"],
        `NumberOfPreviousCPP '${previousText}' is not a whole number (rule 8730): left empty`,
        "8730",
      );
    return rowOutcome(
      r,
      {
        plan_id: context.recordId("CP", [child, start ?? ""]),
        child_id: child,
        start_date: start,
        end_date: end,
        initial_category: initial,
        latest_category: latest,
        previous_plans: previous,
      },
      { key: row.element ?? "", parent: { table: "CINdetails", key: parentPath(row) } },
    );
  },
};

/** Each `<CPPreviewDate>` of a plan's `<Reviews>` → `cp_reviews`. */
export const cpReviewMapping: Mapping = {
  table: "CPPreviewDate",
  dataset: "cp_reviews",
  write: "upsert",
  columns: [
    CHILD_ID,
    {
      column: "CPPstartDate",
      role: "check",
      why: "identifies the plan reviewed (its <ChildProtectionPlans>)",
    },
    { column: "CPPreviewDate", role: "mapped", field: "review_date", mandatory: true },
  ],
  map(row, context) {
    const r = cinReader(row, context);
    const child = r.cell("LAchildID");
    const date = r.date("CPPreviewDate", { required: true, rule: "8842Q", what: "the date of the review" });
    const planStart = isoOf(r.cell("CPPstartDate"));
    if (date !== null && planStart !== null && date <= planStart)
      r.warn(
        ["CPPreviewDate", "CPPstartDate"],
        "CPPreviewDate is on or before the plan's start (rule 8841): kept, but not counted as a review of the plan",
        "8841",
      );
    return rowOutcome(
      r,
      {
        review_id: context.recordId("CR", [child, planStart ?? "", date ?? ""]),
        child_id: child,
        plan_id: context.recordId("CP", [child, planStart ?? ""]),
        review_date: date,
      },
      { key: row.element ?? "", parent: { table: "ChildProtectionPlans", key: parentPath(row, 2) } },
    );
  },
};

/** `<PreProceedingsandFGDM>` (from 2025-26) → `pre_proceedings`. */
export const preProceedingsMapping: Mapping = {
  table: "PreProceedingsandFGDM",
  dataset: "pre_proceedings",
  write: "upsert",
  columns: [
    CHILD_ID,
    REFERRAL,
    { column: "PPStartDate", role: "mapped", field: "start_date", mandatory: true },
    { column: "LBPSentDate", role: "mapped", field: "letter_before_proceedings_date" },
    { column: "FGDMMeetingOffer", role: "mapped", field: "fgdm_offered" },
    { column: "FGDMMeetingFac", role: "mapped", field: "fgdm_facilitated" },
    { column: "InitialPPMeetingDate", role: "mapped", field: "initial_meeting_date" },
    { column: "ReviewMeetingsCount", role: "mapped", field: "review_meetings" },
    { column: "StepDecisionDate", role: "mapped", field: "decision_date" },
    { column: "PPOutcome", role: "mapped", field: "outcome" },
    { column: "CourtAppDate", role: "mapped", field: "court_application_date" },
    { column: "LetterInitCPDate", role: "mapped", field: "letter_init_cp_date" },
  ],
  map(row, context) {
    const r = cinReader(row, context);
    const child = r.cell("LAchildID");
    const years = cinModuleYears.PreProceedingsandFGDM;
    if (years?.from !== undefined && context.year < years.from)
      r.warn(
        ["PPStartDate"],
        `PreProceedingsandFGDM is a module of the CIN census from ${collectionYearLabel(years.from)}, not in ${context.yearLabel}: kept`,
      );
    const start = r.date("PPStartDate", { required: true, what: "the date pre-proceedings started" });
    const date = (element: string, what: string) => r.date(element, { what });
    const countText = r.cell("ReviewMeetingsCount");
    const count = /^\d+$/.test(countText) ? Number(countText) : null;
    if (countText !== "" && count === null)
      r.warn(["ReviewMeetingsCount"], `ReviewMeetingsCount '${countText}' is not a whole number: left empty`);
    const outcome = r.cell("PPOutcome");
    return rowOutcome(
      r,
      {
        pre_proceedings_id: context.recordId("PP", [child, start ?? ""]),
        child_id: child,
        referral_id: referralIdOf(r, context),
        start_date: start,
        letter_before_proceedings_date: date(
          "LBPSentDate",
          "the date the letter before proceedings was sent",
        ),
        fgdm_offered: readCinYesNo(r, context, "FGDMMeetingOffer", {
          what: "whether a family group decision-making meeting was offered",
        }),
        fgdm_facilitated: readCinYesNo(r, context, "FGDMMeetingFac", {
          what: "whether the meeting was facilitated",
        }),
        initial_meeting_date: date("InitialPPMeetingDate", "the date of the initial pre-proceedings meeting"),
        review_meetings: count,
        decision_date: date("StepDecisionDate", "the date of the decision"),
        outcome: outcome === "" ? null : outcome,
        court_application_date: date("CourtAppDate", "the date of the application to court"),
        letter_init_cp_date: date("LetterInitCPDate", "the LetterInitCPDate"),
      },
      { key: row.element ?? "", parent: { table: "CINdetails", key: parentPath(row) } },
    );
  },
};

/**
 * Every table of the CIN census and how it maps onto the datasets, in the order they are mapped
 * (a parent before its dependants, so that a dropped referral's assessments and plans follow it).
 *
 * @example
 * ```ts
 * cinTables.map((t) => t.dataset).slice(0, 3); // ["children", "referrals", "assessments"]
 * ```
 */
export const cinTables: readonly Mapping[] = [
  childMapping,
  referralMapping,
  assessmentMapping,
  factorFlagMapping,
  cinPlanMapping,
  s47Mapping,
  cpPlanMapping,
  cpReviewMapping,
  preProceedingsMapping,
];

/**
 * The `<Header>` elements of a CIN census message and what becomes of each (for the report and the docs).
 *
 * @example
 * ```ts
 * cinHeaderElements.find((e) => e.column === "ReferenceDate")?.role; // "check"
 * ```
 */
export const cinHeaderElements: readonly ColumnRole[] = [
  { column: "Collection", role: "check", why: "must be CIN: another collection's message is refused" },
  {
    column: "Year",
    role: "check",
    why: "not used: census software writes it as either year of the census; the year is read from ReferenceDate",
  },
  { column: "ReferenceDate", role: "check", why: "the census's 31 March, which names the collection year" },
  { column: "SourceLevel", role: "not_imported", why: "always L (local authority)" },
  {
    column: "LEA",
    role: "not_imported",
    why: "the authority's code: the import writes to the organisation of the token",
  },
  { column: "SoftwareCode", role: "not_imported", why: "the software that wrote the message" },
  { column: "Release", role: "not_imported", why: "the software's release" },
  { column: "SerialNo", role: "not_imported", why: "the message's serial number" },
  { column: "DateTime", role: "not_imported", why: "when the message was written" },
];
