import { CoreError } from "@kpi/core";
import type { z } from "zod";
import type { CodeOption } from "./codes.js";
import { type FieldType, fieldMetaRegistry } from "./fields.js";
import { type DatasetName, datasetNames, datasetSchemas } from "./schemas.js";

/**
 * One field of a dataset as the data contract describes it (what `GET /v1/datasets` lists).
 *
 * @example
 * ```ts
 * const f: FieldSpec = { name: "contact_date", type: "date", required: true, description: "Date of the contact." };
 * ```
 */
export interface FieldSpec {
  /** Field name, `snake_case`. */
  readonly name: string;
  /** Kind of value; CSV cells are converted according to it. */
  readonly type: FieldType;
  /** Whether a value must be given (an absent optional field validates to `null`). */
  readonly required: boolean;
  /** Allowed codes with their labels, for code fields (and labelled integers such as `level_of_need`). */
  readonly codes?: readonly CodeOption[];
  /** One sentence for analysts. */
  readonly description: string;
}

/**
 * A dataset of the data contract: its key, fields and the fields the service treats specially.
 *
 * @example
 * ```ts
 * datasets.care_leavers.key; // ["child_id", "as_at_date"]
 * ```
 */
export interface DatasetSpec {
  /** Dataset name as used in URLs. */
  readonly name: DatasetName;
  /** Short human title. */
  readonly title: string;
  /** What one record is. */
  readonly description: string;
  /** Fields whose values identify a record; posting an existing key replaces the record. */
  readonly key: readonly string[];
  /** Every field, in contract order. */
  readonly fields: readonly FieldSpec[];
  /** Fields holding a person's identifier, pseudonymised on receipt. */
  readonly personFields: readonly ("child_id" | "worker_id")[];
  /** Date fields that place a record in a reporting period. */
  readonly dateFields: readonly string[];
  /**
   * How the dataset's records lie in time, which says what "the records within a span of dates" are:
   * what a source covering that span vouches for, and what `mode=replace` with a declared coverage
   * replaces (see {@link DatasetDating}).
   */
  readonly dating: DatasetDating;
  /** The records in running text, plural and lower case ("care episodes"), for notes such as "No value: …". */
  readonly noun: string;
  /**
   * The records no figure counts (`null` when every record counts): the evaluator leaves them out
   * before any indicator's formula reads the dataset (see {@link LeftOutOfFigures}).
   */
  readonly leftOutOfFigures: LeftOutOfFigures | null;
}

/**
 * Records of a dataset that no figure counts, stated as data: those whose `field` holds one of
 * `codes`. Only the figures leave them out: they are still validated, stored and listed, and still
 * count towards what a source covers.
 *
 * @example
 * ```ts
 * datasets.cla_episodes.leftOutOfFigures?.codes; // ["V3", "V4"]
 * datasets.contacts.leftOutOfFigures; // null
 * ```
 */
export interface LeftOutOfFigures {
  /** The code field that decides it. */
  readonly field: string;
  /** The codes whose records are left out. */
  readonly codes: readonly string[];
  /** Why, in an analyst's words, completing "Figures leave out …" in the data contract. */
  readonly reason: string;
}

/**
 * How a dataset's records lie in time:
 * - `events`: each record happens on a day, its `field` (the placing date); a record is within a span
 *   when that date is in it (contacts by `contact_date`, assessments by `start_date`, …);
 * - `ranges`: each record is open from `start_date` to `end_date` (`null` while open); a record is
 *   within a span when it overlaps it (open on at least one of its days);
 * - `snapshots`: each record describes a person as at a date, its `field`; within a span when that
 *   date is in it;
 * - `undated`: the dataset has no date coverage (children are needed whole, populations are per
 *   year, benchmarks and observations carry their own periods).
 *
 * @example
 * ```ts
 * const dating: DatasetDating = { kind: "ranges", start: "start_date", end: "end_date" };
 * ```
 */
export type DatasetDating =
  | {
      readonly kind: "events";
      readonly field: string;
      /**
       * A field whose latest value bounds what records posted without a declaration can vouch for:
       * activities are scheduled before they fall due, so those due after the latest completion are
       * not yet known in full.
       */
      readonly knownUntil?: string;
    }
  | { readonly kind: "ranges"; readonly start: "start_date"; readonly end: "end_date" }
  | { readonly kind: "snapshots"; readonly field: "as_at_date" }
  | { readonly kind: "undated" };

type Described = Omit<DatasetSpec, "name" | "fields">;

const RANGES = { kind: "ranges", start: "start_date", end: "end_date" } as const;
const SNAPSHOTS = { kind: "snapshots", field: "as_at_date" } as const;
const UNDATED = { kind: "undated" } as const;
const SHORT_BREAKS = {
  field: "legal_status",
  codes: ["V3", "V4"],
  reason:
    "short breaks (legal status `V3` or `V4`), as the DfE's statistics of children looked after leave out children looked after only under an agreed series of short breaks: a short break never starts, continues or ends a period of care",
} as const;

// `satisfies` keeps each entry's own type, so types such as {@link RangedDataset} are read from here.
const described = {
  children: {
    title: "Children",
    description: "One record per child: date of birth, sex and characteristics used for ages and breakdowns.",
    key: ["child_id"],
    personFields: ["child_id"],
    dateFields: [],
    dating: UNDATED,
    noun: "children",
    leftOutOfFigures: null,
  },
  contacts: {
    title: "Contacts",
    description: "One record per contact to the Family Front Door, with its decision (level of need).",
    key: ["contact_id"],
    personFields: ["child_id"],
    dateFields: ["contact_date", "decision_date"],
    dating: { kind: "events", field: "contact_date" },
    noun: "contacts",
    leftOutOfFigures: null,
  },
  referrals: {
    title: "Referrals",
    description: "One record per referral accepted for statutory social care.",
    key: ["referral_id"],
    personFields: ["child_id"],
    dateFields: ["referral_date", "closure_date"],
    dating: { kind: "events", field: "referral_date" },
    noun: "referrals",
    leftOutOfFigures: null,
  },
  assessments: {
    title: "Social work assessments",
    description: "One record per social work (Children and Families) assessment.",
    key: ["assessment_id"],
    personFields: ["child_id"],
    dateFields: ["start_date", "authorised_date"],
    dating: { kind: "events", field: "start_date" },
    noun: "social work assessments",
    leftOutOfFigures: null,
  },
  s47_enquiries: {
    title: "Section 47 enquiries",
    description: "One record per section 47 enquiry, with its initial child protection conference.",
    key: ["s47_id"],
    personFields: ["child_id"],
    dateFields: ["start_date", "icpc_date"],
    dating: { kind: "events", field: "start_date" },
    noun: "section 47 enquiries",
    leftOutOfFigures: null,
  },
  cp_plans: {
    title: "Child protection plans",
    description: "One record per child protection plan.",
    key: ["plan_id"],
    personFields: ["child_id"],
    dateFields: ["start_date", "end_date"],
    dating: RANGES,
    noun: "child protection plans",
    leftOutOfFigures: null,
  },
  cin_plans: {
    title: "Child in need plans",
    description: "One record per child in need plan.",
    key: ["plan_id"],
    personFields: ["child_id"],
    dateFields: ["start_date", "end_date"],
    dating: RANGES,
    noun: "child in need plans",
    leftOutOfFigures: null,
  },
  cla_episodes: {
    title: "Care episodes",
    description:
      "One record per episode of being looked after (903 episodes); X1 chains episodes into a period of care.",
    key: ["episode_id"],
    personFields: ["child_id"],
    dateFields: ["start_date", "end_date"],
    dating: RANGES,
    noun: "care episodes",
    leftOutOfFigures: SHORT_BREAKS,
  },
  care_leavers: {
    title: "Care leavers",
    description: "One record per care leaver per date their status was recorded (903 OC3 or own checks).",
    key: ["child_id", "as_at_date"],
    personFields: ["child_id"],
    dateFields: ["as_at_date"],
    dating: SNAPSHOTS,
    noun: "care leaver records",
    leftOutOfFigures: null,
  },
  missing_episodes: {
    title: "Missing episodes",
    description: "One record per episode of a child missing or absent from care or home.",
    key: ["episode_id"],
    personFields: ["child_id"],
    dateFields: ["start_date", "end_date"],
    dating: RANGES,
    noun: "missing episodes",
    leftOutOfFigures: null,
  },
  vulnerability_flags: {
    title: "Vulnerability flags",
    description:
      "One record per flag saying a child is vulnerable to exploitation, trafficking, gangs or radicalisation.",
    key: ["flag_id"],
    personFields: ["child_id"],
    dateFields: ["start_date", "end_date"],
    dating: RANGES,
    noun: "vulnerability flags",
    leftOutOfFigures: null,
  },
  due_activities: {
    title: "Due activities",
    description:
      "One record per activity with a statutory due date (reviews, visits, health assessments, pathway plans).",
    key: ["activity_id"],
    personFields: ["child_id"],
    dateFields: ["due_date"],
    dating: { kind: "events", field: "due_date", knownUntil: "completed_date" },
    noun: "due activities",
    leftOutOfFigures: null,
  },
  workforce: {
    title: "Workforce",
    description:
      "One snapshot per worker per date (e.g. each quarter end, or the workforce census's 30 September): role, agency, FTE, caseload, and the dates the worker started and left the role.",
    key: ["worker_id", "as_at_date"],
    personFields: ["worker_id"],
    dateFields: ["as_at_date"],
    dating: SNAPSHOTS,
    noun: "workforce snapshots",
    leftOutOfFigures: null,
  },
  populations: {
    title: "Populations",
    description: "Mid-year population estimates by age band, the denominators of rates per 10,000.",
    key: ["year", "age_band"],
    personFields: [],
    dateFields: [],
    dating: UNDATED,
    noun: "population estimates",
    leftOutOfFigures: null,
  },
  benchmarks: {
    title: "Benchmarks",
    description:
      "Comparator figures (statistical neighbours, England, region): a summary row without member, or one row per member.",
    key: ["indicator_id", "comparator", "period", "member"],
    personFields: [],
    dateFields: [],
    dating: UNDATED,
    noun: "benchmarks",
    leftOutOfFigures: null,
  },
  observations: {
    title: "Observations",
    description: "Figures for local indicators that no dataset here can compute, per period and breakdown.",
    key: ["indicator_id", "period", "breakdown"],
    personFields: [],
    dateFields: [],
    dating: UNDATED,
    noun: "observations",
    leftOutOfFigures: null,
  },
  cla_reviews: {
    title: "Looked-after reviews",
    description: "One record per looked-after review held (903 reviews), with how the child took part.",
    key: ["review_id"],
    personFields: ["child_id"],
    dateFields: ["review_date"],
    dating: { kind: "events", field: "review_date" },
    noun: "looked-after reviews",
    leftOutOfFigures: null,
  },
  cla_outcomes: {
    title: "Outcomes of looked-after children",
    description:
      "One record per child looked after for 12 months at 31 March (903 OC2): health, dental, immunisations, SDQ, substance misuse, convictions.",
    key: ["child_id", "as_at_date"],
    personFields: ["child_id"],
    dateFields: ["as_at_date"],
    dating: SNAPSHOTS,
    noun: "outcome records of looked-after children",
    leftOutOfFigures: null,
  },
  uasc: {
    title: "Unaccompanied asylum-seeking children",
    description: "One record per child who is or was an unaccompanied asylum-seeking child (903 UASC).",
    key: ["child_id"],
    personFields: ["child_id"],
    dateFields: ["ceased_date"],
    dating: UNDATED,
    noun: "records of unaccompanied asylum-seeking children",
    leftOutOfFigures: null,
  },
  adoption_decisions: {
    title: "Decisions to place for adoption",
    description:
      "One record per decision that a child should be placed for adoption (903 placed for adoption).",
    key: ["child_id", "decision_date"],
    personFields: ["child_id"],
    dateFields: ["decision_date", "ceased_date"],
    dating: { kind: "events", field: "decision_date" },
    noun: "decisions to place for adoption",
    leftOutOfFigures: null,
  },
  adoptions: {
    title: "Adoptions",
    description: "One record per child adopted from care (903 AD1): decision, match and adopters.",
    key: ["child_id", "match_date"],
    personFields: ["child_id"],
    dateFields: ["decision_date", "match_date"],
    dating: { kind: "events", field: "match_date" },
    noun: "adoptions",
    leftOutOfFigures: null,
  },
  previous_permanence: {
    title: "Previous permanence",
    description: "One record per child: the permanence arrangement they had before entering care (903).",
    key: ["child_id"],
    personFields: ["child_id"],
    dateFields: ["order_date"],
    dating: UNDATED,
    noun: "previous permanence records",
    leftOutOfFigures: null,
  },
  social_worker_episodes: {
    title: "Social worker episodes",
    description:
      "One record per allocation of a social worker to a looked-after child (903 social worker episodes).",
    key: ["child_id", "worker_id", "start_date"],
    personFields: ["child_id", "worker_id"],
    dateFields: ["start_date", "end_date"],
    dating: RANGES,
    noun: "social worker episodes",
    leftOutOfFigures: null,
  },
  cp_reviews: {
    title: "Child protection reviews",
    description: "One record per review conference of a child protection plan (CIN census CPPreviewDate).",
    key: ["review_id"],
    personFields: ["child_id"],
    dateFields: ["review_date"],
    dating: { kind: "events", field: "review_date" },
    noun: "child protection reviews",
    leftOutOfFigures: null,
  },
  pre_proceedings: {
    title: "Pre-proceedings",
    description:
      "One record per pre-proceedings process under the Public Law Outline, with family group decision making (CIN census, from 2025-26).",
    key: ["pre_proceedings_id"],
    personFields: ["child_id"],
    dateFields: ["start_date"],
    dating: { kind: "events", field: "start_date" },
    noun: "pre-proceedings",
    leftOutOfFigures: null,
  },
  early_help: {
    title: "Early help episodes",
    description:
      "One record per early help episode: its assessment started and completed, whether it began as a step-down from social care, and whether it ended in a step-up to it.",
    key: ["early_help_id"],
    personFields: ["child_id"],
    dateFields: ["start_date", "assessment_completed_date", "end_date"],
    dating: { kind: "events", field: "start_date" },
    noun: "early help episodes",
    leftOutOfFigures: null,
  },
} as const satisfies { readonly [D in DatasetName]: Described };

/**
 * The datasets whose records are open from a start date to an end date (the registry's `dating` is
 * `ranges`): what "open at D" and stocks are asked of.
 *
 * @example
 * ```ts
 * const plans: RangedDataset = "cp_plans";
 * ```
 */
export type RangedDataset = {
  [D in DatasetName]: (typeof described)[D]["dating"] extends { readonly kind: "ranges" } ? D : never;
}[DatasetName];

function fieldsOf(dataset: DatasetName): FieldSpec[] {
  const shape = datasetSchemas[dataset].shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, schema]) => {
    const meta = fieldMetaRegistry.get(schema);
    if (!meta) throw new CoreError("invalid_definition", `Field ${dataset}.${name} has no field metadata`);
    return {
      name,
      type: meta.type,
      required: meta.required,
      ...(meta.codes ? { codes: meta.codes } : {}),
      description: meta.description,
    };
  });
}

/**
 * Every dataset of the data contract, generated from the zod schemas (fields, types, codes and
 * descriptions come from the schemas; keys and period-placing dates are stated here).
 *
 * @example
 * ```ts
 * datasets.contacts.fields.find((f) => f.name === "source")?.codes?.[4]; // { code: "2A", label: "Schools" }
 * ```
 */
export const datasets: { readonly [D in DatasetName]: DatasetSpec & { readonly name: D } } =
  Object.fromEntries(
    datasetNames.map((name) => [name, { name, ...described[name], fields: fieldsOf(name) }]),
  ) as unknown as { readonly [D in DatasetName]: DatasetSpec & { readonly name: D } };

/**
 * Whether a string names a dataset.
 *
 * @param value - any value, e.g. a URL segment
 * @returns true for one of {@link datasetNames}
 * @example
 * ```ts
 * isDatasetName("contacts"); // true
 * isDatasetName("contact"); // false
 * ```
 */
export function isDatasetName(value: unknown): value is DatasetName {
  return typeof value === "string" && (datasetNames as readonly string[]).includes(value);
}

/**
 * The label of a code for breakdowns and tables; an unknown code (or a field without codes) gives the
 * code itself, so a breakdown never loses a group.
 *
 * @param dataset - the dataset
 * @param field - the field name
 * @param code - the code (numbers such as a level of need are accepted too)
 * @returns the label, or the code as text
 * @example
 * ```ts
 * codeLabel("contacts", "source", "2A"); // "Schools"
 * codeLabel("cla_episodes", "legal_status", "V2"); // "Accommodated under section 20"
 * codeLabel("contacts", "team", "North"); // "North"
 * ```
 */
export function codeLabel(dataset: DatasetName, field: string, code: string | number): string {
  const text = String(code);
  const spec = datasets[dataset].fields.find((f) => f.name === field);
  return spec?.codes?.find((c) => c.code === text)?.label ?? text;
}

/**
 * The fields a ranged dataset's records are open between, from the registry's `dating`.
 *
 * @param dataset - a dataset of ranges
 * @returns the start and end fields (`end` is `null` while the record is open)
 * @example
 * ```ts
 * rangeFieldsOf("cla_episodes"); // { kind: "ranges", start: "start_date", end: "end_date" }
 * ```
 */
export function rangeFieldsOf(dataset: RangedDataset): (typeof described)[RangedDataset]["dating"] {
  return described[dataset].dating;
}

/**
 * Whether no figure counts a record (the registry's `leftOutOfFigures`): e.g. a care episode that is
 * a short break.
 *
 * @param dataset - the record's dataset
 * @param record - a validated record
 * @returns true when the record's field holds one of the codes left out
 * @example
 * ```ts
 * isLeftOutOfFigures("cla_episodes", { legal_status: "V3" }); // true
 * isLeftOutOfFigures("cla_episodes", { legal_status: "C2" }); // false
 * isLeftOutOfFigures("contacts", { source: "V3" }); // false
 * ```
 */
export function isLeftOutOfFigures(dataset: DatasetName, record: object): boolean {
  const rule: LeftOutOfFigures | null = described[dataset].leftOutOfFigures;
  if (rule === null) return false;
  const value = (record as Record<string, unknown>)[rule.field];
  return typeof value === "string" && rule.codes.includes(value);
}
