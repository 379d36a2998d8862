import { RowReader } from "../framework/row-reader.js";
import {
  type ColumnRole,
  type RowOutcome,
  rowOutcome,
  type TableMapping,
} from "../framework/table-mapping.js";
import { oc3Date } from "./oc3-date.js";
import { codeStanding } from "./ssda903-codes.js";
import { read903Code, read903YesNo, type Ssda903Context } from "./ssda903-context.js";

type Mapping = TableMapping<Ssda903Context>;

const CHILD = { column: "CHILD", role: "mapped", field: "child_id", mandatory: true } as const;
const DOB_CHECK = {
  column: "DOB",
  role: "check",
  why: "the child's date of birth is taken from the header table; here it only identifies the child",
} as const;

function outcome(
  reader: RowReader,
  record: Record<string, unknown>,
  extra: { key?: string } = {},
): RowOutcome {
  return rowOutcome(reader, record, extra);
}

/** An id for a row the 903 keys by the child and a date, told apart by its ordinal when repeated. */
function idFor(context: Ssda903Context, table: string, prefix: string, parts: string[]): string {
  const n = context.ordinal(table, parts.join("|"));
  return context.recordId(prefix, n === 0 ? parts : [...parts, String(n + 1)]);
}

const SEX_MAP: Readonly<Record<string, "M" | "F" | "U">> = { "1": "M", "2": "F", M: "M", F: "F", U: "U" };

/** 903 header → `children` (merged field by field with what other returns say of the child). */
export const headerMapping: Mapping = {
  table: "header",
  dataset: "children",
  write: "merge",
  columns: [
    CHILD,
    { column: "SEX", role: "mapped", field: "sex", mandatory: true },
    { column: "DOB", role: "mapped", field: "date_of_birth", mandatory: true },
    { column: "ETHNIC", role: "mapped", field: "ethnicity" },
    {
      column: "UPN",
      role: "not_imported",
      why: "the unique pupil number identifies the child; the contract holds no identifier but the authority's own",
    },
    {
      column: "MOTHER",
      role: "not_imported",
      why: "whether the child is a mother has no place in the contract yet",
    },
    {
      column: "MC_DOB",
      role: "not_imported",
      why: "the date of birth of the child's own child has no place in the contract",
    },
    {
      column: "UASC",
      role: "check",
      why: "the XML message's UASC flag: children flagged 1 become records of the uasc dataset",
    },
    {
      column: "DUC",
      role: "check",
      why: "the XML message's date UASC status ceased: imported with the uasc dataset",
    },
  ],
  map(row, context) {
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const sexText = r.cell("SEX").toUpperCase();
    const standing = sexText === "" ? null : codeStanding("SEX", sexText, context.year);
    if (standing === null) r.warn(["SEX"], "SEX is empty (rule 101): sex recorded as U (unknown)", "101");
    else if (standing.kind === "unknown")
      r.warn(
        ["SEX"],
        `SEX '${sexText}' is not a ${context.yearLabel} 903 code (rule 101): sex recorded as U (unknown)`,
        "101",
      );
    else if (standing.kind === "other_years")
      r.warn(
        ["SEX"],
        `SEX '${sexText}' is a 903 code ${standing.years}, not in ${context.yearLabel} (rule 101): kept`,
        "101",
      );
    const sex = SEX_MAP[sexText] ?? "U";
    const dob = r.date("DOB", { rule: "102", what: "the date of birth" });
    const ethnicity = read903Code(r, context, "ETHNIC", "ETHNIC", { rule: "103", what: "ethnicity" });
    return outcome(r, { child_id: child, date_of_birth: dob, sex, ethnicity, disabled: null });
  },
};

/** 903 UASC (or the XML header's UASC flag) → `uasc`. */
export const uascMapping: Mapping = {
  table: "uasc",
  dataset: "uasc",
  write: "upsert",
  columns: [
    CHILD,
    { column: "SEX", role: "check", why: "the child's sex is taken from the header table" },
    DOB_CHECK,
    { column: "DUC", role: "mapped", field: "ceased_date" },
  ],
  map(row, context) {
    void context;
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const ceased = r.date("DUC", { rule: "104", what: "the date UASC status ceased" });
    return outcome(r, { child_id: child, ceased_date: ceased });
  },
};

/** Placement types whose provider the 903 leaves blank (rule 213; Z1 by rule 178). */
const NO_PROVIDER = new Set(["T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"]);

/** 903 episodes → `cla_episodes`. */
export const episodesMapping: Mapping = {
  table: "episodes",
  dataset: "cla_episodes",
  write: "upsert",
  columns: [
    CHILD,
    { column: "DECOM", role: "mapped", field: "start_date", mandatory: true },
    { column: "RNE", role: "mapped", field: "reason_new_episode", mandatory: true },
    { column: "LS", role: "mapped", field: "legal_status", mandatory: true },
    { column: "CIN", role: "mapped", field: "category_of_need", mandatory: true },
    { column: "PLACE", role: "mapped", field: "placement_type", mandatory: true },
    { column: "PLACE_PROVIDER", role: "mapped", field: "placement_provider", mandatory: true },
    { column: "DEC", role: "mapped", field: "end_date", mandatory: true },
    { column: "REC", role: "mapped", field: "reason_ceased", mandatory: true },
    { column: "REASON_PLACE_CHANGE", role: "mapped", field: "reason_place_change" },
    {
      column: "HOME_POST",
      role: "not_imported",
      why: "the child's home postcode is personal data the contract does not hold",
    },
    {
      column: "PL_POST",
      role: "not_imported",
      why: "the placement's postcode locates the child; the contract does not hold it",
    },
    { column: "URN", role: "mapped", field: "urn" },
  ],
  map(row, context) {
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const start = r.date("DECOM", { required: true, rule: "141", what: "the date the episode started" });
    const rne = read903Code(r, context, "RNE", "RNE", {
      required: true,
      dropUnknown: true,
      rule: "143",
      what: "the reason for the new episode",
    });
    const ls = read903Code(r, context, "LS", "LS", {
      required: true,
      dropUnknown: true,
      rule: "144",
      what: "the legal status",
    });
    const cin = read903Code(r, context, "CIN", "CIN", { rule: "145", what: "the category of need" });
    const place = read903Code(r, context, "PLACE", "PLACE", {
      required: true,
      dropUnknown: true,
      rule: "146",
      what: "the placement type",
    });
    let provider = read903Code(r, context, "PLACE_PROVIDER", "PLACE_PROVIDER", {
      rule: "178",
      what: "the placement provider",
    });
    if (provider !== null && place !== null && NO_PROVIDER.has(place))
      r.warn(
        ["PLACE", "PLACE_PROVIDER"],
        `PLACE_PROVIDER '${provider}' given for a ${place} placement, which has none (rule 213): kept`,
        "213",
      );
    if (provider === "") provider = null;
    const end = r.date("DEC", { dropInvalid: true, rule: "147", what: "the date the episode ceased" });
    let rec = read903Code(r, context, "REC", "REC", {
      dropUnknown: true,
      rule: "149",
      what: "the reason the episode ceased",
    });
    if (end === null && rec !== null && r.cell("DEC") === "") {
      r.warn(
        ["DEC", "REC"],
        `REC '${rec}' on an episode without DEC (rule 148): kept as open, REC left empty`,
        "148",
      );
      rec = null;
    } else if (end !== null && rec === null && r.cell("REC") === "")
      r.fail(
        ["DEC", "REC"],
        "DEC without REC (rule 148): the row cannot tell whether the child left care or moved to a new episode",
        "148",
      );
    const change = read903Code(r, context, "REASON_PLACE_CHANGE", "REASON_PLACE_CHANGE", {
      rule: "1009",
      what: "the reason for the placement change",
    });
    const urn = r.cell("URN");
    return outcome(r, {
      episode_id: start === null ? "" : idFor(context, "episodes", "EP", [child, start]),
      child_id: child,
      start_date: start,
      end_date: end,
      reason_new_episode: rne,
      legal_status: ls,
      category_of_need: cin,
      placement_type: place,
      placement_provider: provider,
      reason_ceased: rec,
      weekly_cost: null,
      team: null,
      reason_place_change: change,
      urn: urn === "" || urn.toUpperCase() === "XXXXXXX" ? null : urn,
    });
  },
};

/** 903 reviews → `cla_reviews`. */
export const reviewsMapping: Mapping = {
  table: "reviews",
  dataset: "cla_reviews",
  write: "upsert",
  columns: [
    CHILD,
    DOB_CHECK,
    { column: "REVIEW", role: "mapped", field: "review_date", mandatory: true },
    { column: "REVIEW_CODE", role: "mapped", field: "participation", mandatory: true },
  ],
  map(row, context) {
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const date = r.date("REVIEW", { required: true, rule: "166", what: "the date of the review" });
    const code = read903Code(r, context, "REVIEW_CODE", "REVIEW_CODE", {
      rule: "167",
      what: "the child's participation",
    });
    return outcome(r, {
      review_id: date === null ? "" : idFor(context, "reviews", "RV", [child, date]),
      child_id: child,
      review_date: date,
      participation: code,
    });
  },
};

const MISSING_KIND: Readonly<Record<string, string>> = { M: "missing", A: "absent" };

/** 903 missing → `missing_episodes` (all from care: the 903 records looked-after children only). */
export const missingMapping: Mapping = {
  table: "missing",
  dataset: "missing_episodes",
  write: "upsert",
  columns: [
    CHILD,
    DOB_CHECK,
    { column: "MISSING", role: "mapped", field: "kind", mandatory: true },
    { column: "MIS_START", role: "mapped", field: "start_date", mandatory: true },
    { column: "MIS_END", role: "mapped", field: "end_date", mandatory: true },
  ],
  map(row, context) {
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const kind = read903Code(r, context, "MISSING", "MISSING", {
      required: true,
      dropUnknown: true,
      rule: "1006",
      what: "whether the child was missing or away without authorisation",
    });
    const start = r.date("MIS_START", { required: true, rule: "1004", what: "the date the episode started" });
    const end = r.date("MIS_END", { dropInvalid: true, rule: "1005", what: "the date the episode ended" });
    return outcome(r, {
      episode_id:
        start === null || kind === null ? "" : idFor(context, "missing", "MI", [child, kind, start]),
      child_id: child,
      start_date: start,
      end_date: end,
      kind: kind === null ? null : MISSING_KIND[kind],
      from: "care",
      return_interview: null,
    });
  },
};

/** 903 OC2 → `cla_outcomes`, dated on the return's 31 March. */
export const oc2Mapping: Mapping = {
  table: "oc2",
  dataset: "cla_outcomes",
  write: "upsert",
  columns: [
    CHILD,
    DOB_CHECK,
    { column: "SDQ_SCORE", role: "mapped", field: "sdq_score" },
    { column: "SDQ_REASON", role: "mapped", field: "sdq_reason" },
    { column: "CONVICTED", role: "mapped", field: "convicted" },
    { column: "HEALTH_CHECK", role: "mapped", field: "health_check" },
    { column: "IMMUNISATIONS", role: "mapped", field: "immunisations" },
    { column: "TEETH_CHECK", role: "mapped", field: "teeth_check" },
    { column: "HEALTH_ASSESSMENT", role: "mapped", field: "health_assessment" },
    { column: "SUBSTANCE_MISUSE", role: "mapped", field: "substance_misuse" },
    { column: "INTERVENTION_RECEIVED", role: "mapped", field: "intervention_received" },
    { column: "INTERVENTION_OFFERED", role: "mapped", field: "intervention_offered" },
  ],
  map(row, context) {
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const scoreText = r.cell("SDQ_SCORE");
    let score: number | null = null;
    if (scoreText !== "") {
      const n = Number(scoreText);
      if (Number.isInteger(n) && n >= 0 && n <= 40) score = n;
      else
        r.warn(
          ["SDQ_SCORE"],
          `SDQ_SCORE '${scoreText}' is not a score from 0 to 40 (rule 180): left empty`,
          "180",
        );
    }
    const reason = read903Code(r, context, "SDQ_REASON", "SDQ_REASON", {
      rule: "196",
      what: "the reason for no SDQ score",
    });
    return outcome(r, {
      child_id: child,
      as_at_date: `${context.year}-03-31`,
      sdq_score: score,
      sdq_reason: reason,
      convicted: read903YesNo(r, context, "CONVICTED"),
      health_check: read903YesNo(r, context, "HEALTH_CHECK"),
      immunisations: read903YesNo(r, context, "IMMUNISATIONS"),
      teeth_check: read903YesNo(r, context, "TEETH_CHECK"),
      health_assessment: read903YesNo(r, context, "HEALTH_ASSESSMENT"),
      substance_misuse: read903YesNo(r, context, "SUBSTANCE_MISUSE"),
      intervention_received: read903YesNo(r, context, "INTERVENTION_RECEIVED"),
      intervention_offered: read903YesNo(r, context, "INTERVENTION_OFFERED"),
    });
  },
};

/** 903 OC3 `ACCOM`: a letter for the kind of accommodation, then 1 suitable, 2 not suitable. */
const ACCOM_RE = /^[A-Z]([12])$/;

/** 903 OC3 → `care_leavers`, dated on the young person's birthday in the return year (decision 103). */
export const oc3Mapping: Mapping = {
  table: "oc3",
  dataset: "care_leavers",
  write: "upsert",
  columns: [
    CHILD,
    {
      column: "DOB",
      role: "check",
      why: "dates the status on the young person's birthday in the year when the header has no date of birth (decision 103)",
    },
    { column: "IN_TOUCH", role: "mapped", field: "in_touch", mandatory: true },
    { column: "ACTIV", role: "mapped", field: "activity", mandatory: true },
    { column: "ACCOM", role: "mapped", field: "accommodation_suitable", mandatory: true },
  ],
  map(row, context) {
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const inTouch = read903Code(r, context, "IN_TOUCH", "IN_TOUCH", {
      required: true,
      dropUnknown: true,
      rule: "131",
      what: "whether the authority is in touch",
    });
    const activity = read903Code(r, context, "ACTIV", "ACTIV", { rule: "132", what: "the activity" });
    const accom = read903Code(r, context, "ACCOM", "ACCOM", {
      rule: "133",
      what: "whether the accommodation is suitable",
    });
    const suitable = accom === null ? null : (ACCOM_RE.exec(accom)?.[1] ?? null);
    let dob = context.dateOfBirth(child);
    if (dob === null) {
      const own = r.date("DOB", { what: "the date of birth" });
      dob = own;
    }
    let asAt = `${context.year}-03-31`;
    if (dob === null)
      r.warn(
        ["DOB"],
        "no date of birth for the young person: the status is dated on the return year's 31 March",
      );
    else asAt = oc3Date(dob, context.year);
    return outcome(r, {
      child_id: child,
      as_at_date: asAt,
      in_touch: inTouch,
      activity,
      accommodation_suitable: suitable === null ? null : suitable === "1",
    });
  },
};

/** 903 AD1 → `adoptions`. */
export const ad1Mapping: Mapping = {
  table: "ad1",
  dataset: "adoptions",
  write: "upsert",
  columns: [
    CHILD,
    DOB_CHECK,
    { column: "DATE_INT", role: "mapped", field: "decision_date", mandatory: true },
    { column: "DATE_MATCH", role: "mapped", field: "match_date", mandatory: true },
    { column: "FOSTER_CARE", role: "mapped", field: "foster_carer_adoption" },
    { column: "NB_ADOPTR", role: "mapped", field: "adopters" },
    { column: "SEX_ADOPTR", role: "mapped", field: "adopters_sex" },
    { column: "LS_ADOPTR", role: "mapped", field: "adopters_legal_status" },
  ],
  map(row, context) {
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const decision = r.date("DATE_INT", {
      rule: "112",
      what: "the date of the decision to place for adoption",
    });
    const match = r.date("DATE_MATCH", {
      required: true,
      rule: "113",
      what: "the date the child was matched",
    });
    const foster = read903YesNo(r, context, "FOSTER_CARE", "114");
    const adopters = read903Code(r, context, "NB_ADOPTR", "NB_ADOPTR", {
      rule: "175",
      what: "the number of adopters",
    });
    return outcome(r, {
      child_id: child,
      decision_date: decision,
      match_date: match,
      foster_carer_adoption: foster,
      adopters: adopters === null ? null : Number(adopters),
      adopters_sex: read903Code(r, context, "SEX_ADOPTR", "SEX_ADOPTR", {
        rule: "176",
        what: "the adopters' sex",
      }),
      adopters_legal_status: read903Code(r, context, "LS_ADOPTR", "LS_ADOPTR", {
        rule: "177",
        what: "the adopters' legal status",
      }),
    });
  },
};

/** 903 placed for adoption → `adoption_decisions`. */
export const placedForAdoptionMapping: Mapping = {
  table: "placed_for_adoption",
  dataset: "adoption_decisions",
  write: "upsert",
  columns: [
    CHILD,
    DOB_CHECK,
    { column: "DATE_PLACED", role: "mapped", field: "decision_date", mandatory: true },
    { column: "DATE_PLACED_CEASED", role: "mapped", field: "ceased_date", mandatory: true },
    { column: "REASON_PLACED_CEASED", role: "mapped", field: "ceased_reason" },
  ],
  map(row, context) {
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const decision = r.date("DATE_PLACED", { required: true, rule: "115", what: "the date of the decision" });
    const ceased = r.date("DATE_PLACED_CEASED", {
      dropInvalid: true,
      rule: "116",
      what: "the date the decision ceased",
    });
    let reason = read903Code(r, context, "REASON_PLACED_CEASED", "REASON_PLACED_CEASED", {
      rule: "120",
      what: "the reason the decision ceased",
    });
    if (reason !== null && ceased === null) {
      r.warn(
        ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
        `REASON_PLACED_CEASED '${reason}' without DATE_PLACED_CEASED (rule 120): the decision is kept as standing, the reason left empty`,
        "120",
      );
      reason = null;
    }
    return outcome(r, {
      child_id: child,
      decision_date: decision,
      ceased_date: ceased,
      ceased_reason: reason,
    });
  },
};

/** 903 previous permanence → `previous_permanence`. */
export const previousPermanenceMapping: Mapping = {
  table: "previous_permanence",
  dataset: "previous_permanence",
  write: "upsert",
  columns: [
    CHILD,
    DOB_CHECK,
    { column: "PREV_PERM", role: "mapped", field: "arrangement", mandatory: true },
    { column: "LA_PERM", role: "mapped", field: "la_code" },
    { column: "DATE_PERM", role: "mapped", field: "order_date" },
  ],
  map(row, context) {
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const arrangement = read903Code(r, context, "PREV_PERM", "PREV_PERM", {
      required: true,
      dropUnknown: true,
      rule: "631",
      what: "the previous permanence option",
    });
    const dateText = r.cell("DATE_PERM");
    let date: string | null = null;
    if (/z/i.test(dateText))
      r.warn(
        ["DATE_PERM"],
        `DATE_PERM '${dateText}' gives only part of the date (rule 632): left empty`,
        "632",
      );
    else date = r.date("DATE_PERM", { rule: "632", what: "the date of the previous permanence order" });
    const la = r.cell("LA_PERM");
    return outcome(r, { child_id: child, arrangement, la_code: la === "" ? null : la, order_date: date });
  },
};

/** 903 social worker episodes → `social_worker_episodes` (SW_ID pseudonymised as a worker id). */
export const socialWorkerEpisodesMapping: Mapping = {
  table: "sw_episodes",
  dataset: "social_worker_episodes",
  write: "upsert",
  columns: [
    CHILD,
    DOB_CHECK,
    { column: "SW_ID", role: "mapped", field: "worker_id", mandatory: true },
    { column: "SW_DECOM", role: "mapped", field: "start_date", mandatory: true },
    { column: "SW_DEC", role: "mapped", field: "end_date", mandatory: true },
    { column: "SW_REASON", role: "mapped", field: "change_reason" },
  ],
  map(row, context) {
    const r = new RowReader(row);
    const child = r.required("CHILD", "the child's identifier");
    const worker = r.required("SW_ID", "the social worker's identifier", "SW01");
    const start = r.date("SW_DECOM", {
      required: true,
      rule: "SW04",
      what: "the date the social worker episode began",
    });
    const end = r.date("SW_DEC", {
      dropInvalid: true,
      rule: "SW05",
      what: "the date the social worker episode ended",
    });
    const reason = read903Code(r, context, "SW_REASON", "SW_REASON", {
      rule: "SW13",
      what: "the reason for the change",
    });
    return outcome(r, {
      child_id: child,
      worker_id: worker,
      start_date: start,
      end_date: end,
      change_reason: reason,
    });
  },
};

/**
 * The 903's tables in the order they are imported (children first), each with the names councils give
 * its file (any case, with year or authority prefixes around them).
 *
 * @example
 * ```ts
 * ssda903Tables.map((t) => t.mapping.table).slice(0, 3); // ["header", "uasc", "episodes"]
 * ```
 */
export const ssda903Tables: readonly { readonly mapping: Mapping; readonly names: readonly string[] }[] = [
  { mapping: headerMapping, names: ["header", "headers", "child", "children"] },
  { mapping: uascMapping, names: ["uasc"] },
  { mapping: episodesMapping, names: ["episodes", "episode"] },
  { mapping: reviewsMapping, names: ["reviews", "review"] },
  { mapping: missingMapping, names: ["missing"] },
  { mapping: oc2Mapping, names: ["oc2"] },
  { mapping: oc3Mapping, names: ["oc3"] },
  { mapping: ad1Mapping, names: ["ad1"] },
  { mapping: placedForAdoptionMapping, names: ["placed_for_adoption", "placed", "sbpfa", "placedadoption"] },
  {
    mapping: previousPermanenceMapping,
    names: ["previous_permanence", "prevperm", "prev_perm", "permanence"],
  },
  {
    mapping: socialWorkerEpisodesMapping,
    names: ["sw_episodes", "social_worker", "swepisodes", "social_workers"],
  },
];

/**
 * The columns a 903 table's mapping knows (any collection year), for recognising a table by its header.
 *
 * @param mapping - the table's mapping
 * @returns its column names
 * @example
 * ```ts
 * knownColumns(uascMapping).has("DUC"); // true
 * ```
 */
export function knownColumns(mapping: Pick<Mapping, "columns">): Set<string> {
  return new Set(mapping.columns.map((c: ColumnRole) => c.column));
}
