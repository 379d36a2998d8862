import type { DatasetName } from "@kpi/catalogue";

/**
 * One column of an Annex A list: the heading the public workbook gives it, the patterns any
 * authority's wording of it matches (tested on the heading lower-cased, with every run of other
 * characters than letters and digits made one space), and what the import makes of it.
 */
export interface AnnexAColumn {
  /** The column's name in the mapping. */
  readonly key: string;
  /** Its heading in Ofsted's template (as the public workbook writes it). */
  readonly heading: string;
  /** Patterns of the normalised heading; the first column whose pattern a heading matches takes it. */
  readonly patterns: readonly RegExp[];
  /** `mapped` onto a dataset field, a `check` (read, not stored) or `not_imported`. */
  readonly role: "mapped" | "check" | "not_imported";
  /** `dataset.field` it becomes (mapped columns). */
  readonly field?: string;
  /** Why, for checks and columns not imported. */
  readonly why?: string;
  /** A heading only this list has: a sheet is recognised as the list by at least one of these. */
  readonly distinctive?: boolean;
  /** A row cannot be read without it: a sheet lacking it is a whole-file problem. */
  readonly required?: boolean;
}

/** One of Annex A's eleven lists and the datasets it maps onto. */
export interface AnnexAList {
  /** 1 to 11. */
  readonly list: number;
  /** What the list holds, as Ofsted's template names it. */
  readonly title: string;
  /** Sheet names that name the list (tested on the normalised name). */
  readonly sheetNames: readonly RegExp[];
  /** The dataset its rows become, `null` when it maps onto none (its children are still read). */
  readonly dataset: DatasetName | null;
  /** Why the list maps onto no dataset (lists whose `dataset` is `null`). */
  readonly why?: string;
  /** What the list's coverage is, for the docs. */
  readonly covers: string;
  /** Every column the import knows, in the order headings are tried. */
  readonly columns: readonly AnnexAColumn[];
}

/**
 * A heading as the patterns read it: lower case, curly quotes and every run of characters other than
 * letters and digits made one space, trimmed.
 *
 * @param heading - the heading as written
 * @returns the normalised heading
 * @example
 * ```ts
 * normaliseHeading("Referral NFA?"); // "referral nfa"
 * normaliseHeading("  Date of  Contact "); // "date of contact"
 * ```
 */
export function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const WORKER_NAME =
  "the allocated worker's name: the product never stores workers' names (caseloads come from the workforce census)";
const AGE =
  "read as a decimal number of years and checked; not stored: ages are computed from the date of birth on the day each figure needs";
const COUNT_DERIVED = "a count the product computes itself from the records (never taken from a list)";

const col = (
  key: string,
  heading: string,
  patterns: readonly RegExp[],
  role: AnnexAColumn["role"],
  more: Omit<AnnexAColumn, "key" | "heading" | "patterns" | "role"> = {},
): AnnexAColumn => ({ key, heading, patterns, role, ...more });

// The child's columns every list about children has (lists 1–10), first so they take their headings.
const childColumns = (ageHeading = "Age"): AnnexAColumn[] => [
  col(
    "child_id",
    "Child Unique ID",
    [
      /\bchild\b.*\b(id|identifier|unique|number|ref|reference)\b/,
      /^(unique )?(child )?id$/,
      /\bperson id\b/,
    ],
    "mapped",
    { field: "child_id", required: true },
  ),
  col("gender", "Gender", [/\b(gender|sex)\b/], "mapped", { field: "children.sex" }),
  col("ethnicity", "Ethnicity", [/\bethnic/], "mapped", { field: "children.ethnicity" }),
  col("date_of_birth", "Date of Birth", [/\b(date of birth|birth date|dob|d o b)\b/], "mapped", {
    field: "children.date_of_birth",
  }),
  col("age", ageHeading, [/\bage\b/], "check", { why: AGE }),
  col("disability", "Does the Child have a Disability", [/\bdisab/], "mapped", {
    field: "children.disabled",
  }),
];
const team = (dataset: string | null): AnnexAColumn =>
  dataset === null
    ? col("team", "Allocated Team", [/\bteam\b/], "not_imported", {
        why: "the dataset has no team field",
      })
    : col("team", "Allocated Team", [/\bteam\b/], "mapped", { field: `${dataset}.team` });
const worker = col("worker", "Allocated Worker", [/\bworker\b|\bpractitioner\b/], "not_imported", {
  why: WORKER_NAME,
});

/**
 * Ofsted's Annex A lists as the import reads them (decision 196): for each, how a sheet is recognised
 * (its name, or its headings in any authority's wording), every column and what becomes of it, and
 * the dataset it maps onto. Stated as data: the import, its report and `docs/annex-a.md` read it.
 *
 * @example
 * ```ts
 * annexALists.map((l) => l.dataset); // ["contacts", "early_help", "referrals", "assessments", "s47_enquiries", "referrals", "cp_plans", null, "care_leavers", "adoption_decisions", null]
 * ```
 */
export const annexALists: readonly AnnexAList[] = [
  {
    list: 1,
    title: "Contacts",
    sheetNames: [/^list 0?1$/, /^list 0?1\b/, /\bcontacts?\b/],
    dataset: "contacts",
    covers: "contacts in the span, by contact date",
    columns: [
      ...childColumns(),
      col("contact_date", "Date of Contact", [/\bcontact\b.*\bdate\b|\bdate\b.*\bcontact\b/], "mapped", {
        field: "contacts.contact_date",
        distinctive: true,
        required: true,
      }),
      col("source", "Contact Source", [/\bcontact\b.*\bsource\b|\bsource\b.*\bcontact\b/], "mapped", {
        field: "contacts.source",
        distinctive: true,
      }),
    ],
  },
  {
    list: 2,
    title: "Early help",
    sheetNames: [/^list 0?2$/, /^list 0?2\b/, /\bearly help\b/],
    dataset: "early_help",
    covers: "early help assessments started in the span, by start date",
    columns: [
      ...childColumns(),
      col(
        "completed",
        "Assessment completion date",
        [/\bassessment\b.*\b(complet|end)/, /\bearly help\b.*\b(complet|end)/, /\bdate\b.*\bcomplet/],
        "mapped",
        { field: "early_help.assessment_completed_date" },
      ),
      col(
        "start",
        "Assessment start date",
        [
          /^(early help )?assessment start(ed)?( date)?$/,
          /\bearly help\b.*\bstart/,
          /^date\b.*\bassessment\b.*\bstart/,
        ],
        "mapped",
        { field: "early_help.start_date", required: true },
      ),
      col(
        "organisation",
        "Organisation completing assessment",
        [/\borgani[sz]ation\b/, /\blead (professional|agency)\b/, /\bagency\b.*\bcomplet/],
        "mapped",
        { field: "early_help.team", distinctive: true },
      ),
    ],
  },
  {
    list: 3,
    title: "Referrals",
    sheetNames: [/^list 0?3$/, /^list 0?3\b/, /\breferrals?\b/],
    dataset: "referrals",
    covers: "referrals in the span, by referral date",
    columns: [
      ...childColumns(),
      col(
        "count",
        "Number of Referrals in Last 12 Months",
        [/\b(number|no|count)\b.*\breferrals?\b/],
        "not_imported",
        {
          why: COUNT_DERIVED,
        },
      ),
      col("referral_date", "Date of Referral", [/\breferral\b.*\bdate\b|\bdate\b.*\breferral\b/], "mapped", {
        field: "referrals.referral_date",
        distinctive: true,
        required: true,
      }),
      col(
        "source",
        "Referral Source",
        [/\breferral\b.*\bsource\b|\bsource\b.*\breferral\b/, /^source$/],
        "mapped",
        {
          field: "referrals.source",
          distinctive: true,
        },
      ),
      col("nfa", "Referral NFA?", [/\bnfa\b|\bno further action\b/], "mapped", {
        field: "referrals.nfa",
        distinctive: true,
      }),
      team("referrals"),
      worker,
    ],
  },
  {
    list: 4,
    title: "Assessments",
    sheetNames: [/^list 0?4$/, /^list 0?4\b/, /\bassessments?\b/],
    dataset: "assessments",
    covers: "social work assessments open or completed in the span: every assessment started in it",
    columns: [
      ...childColumns(),
      col(
        "authorised",
        "Continuous Assessment Date of Authorisation",
        [/\bauthori[sz]/, /\bassessment\b.*\b(complet|end)/],
        "mapped",
        { field: "assessments.authorised_date", distinctive: true },
      ),
      col(
        "start",
        "Continuous Assessment Start Date",
        [/\bassessment\b.*\bstart/, /\bstart\b.*\bassessment\b/],
        "mapped",
        {
          field: "assessments.start_date",
          required: true,
        },
      ),
      col("seen", "Child Seen During Continuous Assessment", [/\bseen\b/], "not_imported", {
        why: "whether the child was seen has no field in the assessments dataset",
        distinctive: true,
      }),
      col(
        "requiring",
        "Was the child assessed as requiring LA children's social care support?",
        [/\brequir/, /\boutcome\b/],
        "not_imported",
        {
          why: "says whether support was needed, not which (a child in need plan, child protection, care or early help), so the assessment's outcome is left empty",
          distinctive: true,
        },
      ),
      team("assessments"),
      worker,
    ],
  },
  {
    list: 5,
    title: "Section 47 enquiries and ICPCs",
    sheetNames: [/^list 0?5$/, /^list 0?5\b/, /\b(s47|section 47|icpc)/],
    dataset: "s47_enquiries",
    covers: "section 47 enquiries started in the span, by the strategy discussion's date",
    columns: [
      ...childColumns(),
      col(
        "s47_count",
        "Number of Section 47 Enquiries in the last 12 months",
        [/\b(number|no|count)\b.*\b(section 47|s47|s 47)\b/],
        "not_imported",
        { why: COUNT_DERIVED },
      ),
      col(
        "icpc_count",
        "Number of ICPCs in the last 12 months",
        [/\b(number|no|count)\b.*\b(icpcs?|conferences?)\b/],
        "not_imported",
        {
          why: COUNT_DERIVED,
        },
      ),
      col(
        "icpc_unnecessary",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        [/\bunnecessary\b|\bnot (required|needed)\b/],
        "mapped",
        { field: "s47_enquiries.icpc_not_required", distinctive: true },
      ),
      col(
        "icpc_plan",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        [/\bresult\b.*\bplan\b/, /\b(icpc|conference)\b.*\bplan\b/],
        "mapped",
        { field: "s47_enquiries.icpc_cp_plan", distinctive: true },
      ),
      col(
        "icpc_date",
        "Date of Initial Child Protection Conference",
        [/\b(icpc|initial child protection conference|conference)\b/],
        "mapped",
        { field: "s47_enquiries.icpc_date", distinctive: true },
      ),
      col(
        "start",
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        [/\b(section 47|s47|s 47|strategy discussion)\b/],
        "mapped",
        { field: "s47_enquiries.start_date", distinctive: true, required: true },
      ),
      col("team", "Allocated Team", [/\bteam\b/], "not_imported", {
        why: "the section 47 enquiries dataset has no team field",
      }),
      worker,
    ],
  },
  {
    list: 6,
    title: "Children in need",
    sheetNames: [/^list 0?6$/, /^list 0?6\b/, /\b(cin|children in need|child in need)\b/],
    dataset: "referrals",
    covers:
      "every episode of need open in the span, whenever it started: its referral (the episode's start) within the span is replaced; older ones are updated",
    columns: [
      ...childColumns(),
      col("last_seen", "Date Child Was Last Seen", [/\blast seen\b|\bseen\b/], "not_imported", {
        why: "the date the child was last seen has no field in the datasets (visits are due activities, with their due dates)",
      }),
      col("closure_reason", "Reason for Closure", [/\breason\b.*\bclos/], "mapped", {
        field: "referrals.closure_reason",
      }),
      col(
        "closure_date",
        "CIN Closure Date",
        [/\bclos(ure|ed)\b/, /\b(cin|child in need)\b.*\bend\b/],
        "mapped",
        { field: "referrals.closure_date" },
      ),
      col(
        "start",
        "CIN Start Date",
        [/\b(cin|child in need)\b.*\bstart/, /\bstart\b.*\b(cin|child in need)\b/],
        "mapped",
        { field: "referrals.referral_date", distinctive: true, required: true },
      ),
      col("primary_need", "Primary Need Code", [/\bprimary need\b|\bneed code\b/], "mapped", {
        field: "referrals.primary_need",
        distinctive: true,
      }),
      col("status", "Case Status", [/\bstatus\b/], "not_imported", {
        why: "the child's current plan: child in need, child protection and care plans come from their own lists (7, 8) and returns",
      }),
      col("team", "Allocated Team", [/\bteam\b/], "not_imported", {
        why: "list 3 gives the referral's team; a child in need's current team is not the referral's",
      }),
      worker,
    ],
  },
  {
    list: 7,
    title: "Child protection",
    sheetNames: [/^list 0?7$/, /^list 0?7\b/, /\b(child protection|cp)\b/],
    dataset: "cp_plans",
    covers: "every child protection plan open in the span",
    columns: [
      ...childColumns(),
      col("initial_category", "Initial Category of Abuse", [/\binitial\b.*\bcategory\b/], "mapped", {
        field: "cp_plans.initial_category",
        distinctive: true,
      }),
      col("latest_category", "Latest Category of Abuse", [/\b(latest|current)\b.*\bcategory\b/], "mapped", {
        field: "cp_plans.latest_category",
        distinctive: true,
      }),
      col("last_visit", "Date of the Last Statutory Visit", [/\bvisit\b/], "not_imported", {
        why: "the last visit's date alone says nothing about timeliness: visits are due activities, with their due dates",
      }),
      col("seen_alone", "Was the Child Seen Alone?", [/\bseen alone\b|\balone\b/], "not_imported", {
        why: "whether the child was seen alone at the last visit has no field in the datasets",
      }),
      col("review", "Date of latest review conference", [/\breview\b/], "not_imported", {
        why: "only the latest review: the CIN census gives every review conference (cp_reviews)",
      }),
      col(
        "epo",
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
        [/\bemergency protection\b|\bpolice powers?\b|\bepo\b|\bpolice protection\b/],
        "not_imported",
        { why: "emergency protection orders and police protection have no dataset" },
      ),
      col("previous", "Number of Previous Child Protection Plans", [/\bprevious\b/], "mapped", {
        field: "cp_plans.previous_plans",
      }),
      col(
        "end",
        "Child Protection Plan End Date",
        [
          /\b(child protection|cp)\b.*\bplan\b.*\bend\b|\bend\b.*\b(child protection|cp)\b/,
          /\bplan\b.*\bend\b/,
        ],
        "mapped",
        { field: "cp_plans.end_date" },
      ),
      col(
        "start",
        "Child Protection Plan Start Date",
        [
          /\b(child protection|cp)\b.*\bplan\b.*\bstart\b|\bstart\b.*\b(child protection|cp)\b/,
          /\bplan\b.*\bstart\b/,
        ],
        "mapped",
        { field: "cp_plans.start_date", distinctive: true, required: true },
      ),
      col("team", "Allocated Team", [/\bteam\b/], "not_imported", {
        why: "the child protection plans dataset has no team field",
      }),
      worker,
    ],
  },
  {
    list: 8,
    title: "Children in care",
    sheetNames: [/^list 0?8$/, /^list 0?8\b/, /\b(cla|looked after|children in care|in care)\b/],
    dataset: null,
    why: "list 8 gives each child's current legal status and placement, not the 903's episodes (a new episode at every change of legal status or placement, each with its reason): care episodes come from the SSDA903 return, and from list 8 only the children's own details",
    covers: "children looked after at any time in the span (children's details only)",
    columns: [
      ...childColumns(),
      col(
        "started_care",
        "Date Started to be Looked After",
        [/\blooked after\b/, /\b(entered|came into) care\b/],
        "not_imported",
        {
          why: "the start of the period of care, without its episodes",
          distinctive: true,
        },
      ),
      col("legal_status", "Child's Legal Status", [/\blegal status\b/], "not_imported", {
        why: "the current legal status only, not its history",
        distinctive: true,
      }),
      col("placement_type", "Placement Type", [/\bplacement type\b|\btype of placement\b/], "not_imported", {
        why: "the current placement only, not its history",
        distinctive: true,
      }),
    ],
  },
  {
    list: 9,
    title: "Care leavers",
    sheetNames: [/^list 0?9$/, /^list 0?9\b/, /\bcare leavers?\b|\bleaving care\b/],
    dataset: "care_leavers",
    covers:
      "each care leaver's status at the span's end (one snapshot per care leaver, dated on the span's last day)",
    columns: [
      ...childColumns(),
      team(null),
      worker,
      col("eligibility", "Eligibility Category", [/\beligib/], "not_imported", {
        why: "the care leavers dataset has no eligibility field: care leavers' figures follow the 903's ages",
        distinctive: true,
      }),
      col("in_touch", "LA in Touch", [/\bin touch\b|\bcontact\b/], "mapped", {
        field: "care_leavers.in_touch",
        distinctive: true,
        required: true,
      }),
      col("suitable", "Suitability of Accommodation", [/\bsuitab/], "mapped", {
        field: "care_leavers.accommodation_suitable",
      }),
      col("accommodation", "Type of Accommodation", [/\baccommodation\b/], "not_imported", {
        why: "the care leavers dataset holds whether the accommodation is suitable, not its type",
      }),
      col("activity", "Activity Status", [/\bactivity\b|\bmain activity\b/], "mapped", {
        field: "care_leavers.activity",
        distinctive: true,
      }),
    ],
  },
  {
    list: 10,
    title: "Adoption",
    sheetNames: [/^list 10$/, /^list 10\b/, /\badoption\b/],
    dataset: "adoption_decisions",
    covers:
      "decisions that a child should be placed for adoption dated in the span (a list of twelve months replaces only the span given)",
    columns: [
      ...childColumns("Age of Child (Years)"),
      col("family", "Family identifier", [/\bfamily\b.*\b(id|identifier)\b/], "not_imported", {
        why: "links the child to list 11's adopters, which have no dataset",
      }),
      col(
        "entered_care",
        "Date the Child Entered Care",
        [/\b(entered|came into) care\b|\blooked after\b/],
        "not_imported",
        {
          why: "the start of the period of care comes from the 903's episodes",
        },
      ),
      col(
        "no_longer",
        "Date of Decision that Child Should No Longer be Placed for Adoption",
        [/\bno longer\b.*\bdate\b|\bdate\b.*\bno longer\b/],
        "mapped",
        { field: "adoption_decisions.ceased_date", distinctive: true },
      ),
      col(
        "no_longer_reason",
        "Reason Why Child No Longer Placed for Adoption",
        [/\breason\b.*\bno longer\b|\bno longer\b.*\breason\b/],
        "mapped",
        { field: "adoption_decisions.ceased_reason" },
      ),
      col(
        "decision",
        "Date of Decision that Child Should be Placed for Adoption",
        [/\bdecision\b.*\bplaced for adoption\b/, /\bshould be placed\b/],
        "mapped",
        { field: "adoption_decisions.decision_date", distinctive: true, required: true },
      ),
      col("placement_order", "Date of Placement Order", [/\bplacement order\b/], "not_imported", {
        why: "the adoption datasets hold the decision and the match; placement orders have no field",
        distinctive: true,
      }),
      col("matched", "Date of Matching Child and Prospective Adopters", [/\bmatch/], "not_imported", {
        why: "an adoption record needs the match and the adopters (903 AD1); the 903 return supplies them",
      }),
      col("placed", "Date Placed for Adoption", [/\bplaced for adoption\b/], "not_imported", {
        why: "the date of placement has no field in the adoption datasets",
      }),
      col("order", "Date of Adoption Order", [/\badoption order\b/], "not_imported", {
        why: "adoption orders come from the 903's episodes (reason ceased E11, E12)",
      }),
      col(
        "ffa",
        "Date the child was placed for fostering in FFA or concurrent planning placement",
        [/\bffa\b|\bfostering for adoption\b|\bconcurrent\b/],
        "not_imported",
        {
          why: "fostering for adoption has no field in the adoption datasets",
        },
      ),
    ],
  },
  {
    list: 11,
    title: "Adopters",
    sheetNames: [/^list 11$/, /^list 11\b/, /\badopters?\b/],
    dataset: null,
    why: "list 11 is about adopters, not children: the product has no dataset of adopters",
    covers: "nothing (adopters have no dataset)",
    columns: [
      col(
        "adopter_id",
        "Individual adopter identifier",
        [/\badopter\b.*\b(id|identifier)\b/],
        "not_imported",
        {
          why: "adopters have no dataset",
          distinctive: true,
        },
      ),
      col("stage_1", "Date Stage 1 started", [/\bstage 1\b/], "not_imported", {
        why: "adopters have no dataset",
        distinctive: true,
      }),
      col("stage_2", "Date Stage 2 started", [/\bstage 2\b/], "not_imported", {
        why: "adopters have no dataset",
        distinctive: true,
      }),
      col("enquiry", "Date enquiry received", [/\benquiry received\b/], "not_imported", {
        why: "adopters have no dataset",
        distinctive: true,
      }),
    ],
  },
];
