import type { RowOutcome } from "../framework/table-mapping.js";
import { rowOutcome } from "../framework/table-mapping.js";
import { type AnnexAReader, annexACode, fieldCodes } from "./annex-a-cells.js";

/** What every Annex A row mapping is given. */
export interface AnnexAContext {
  /** The span the workbook covers (ISO dates). */
  readonly from: string;
  readonly to: string;
  /** A stable id for a record the list gives none, from a prefix and identifying values. */
  readonly recordId: (prefix: string, parts: readonly string[]) => string;
  /**
   * How many earlier rows of this list had the same identifying values (so two contacts of one child
   * on one day get two ids, and a re-import gives the same ones).
   */
  readonly occurrence: (list: number, parts: readonly string[]) => number;
}

/** A child's details as a list gives them (for the `children` dataset). */
export interface AnnexAChild {
  readonly child_id: string;
  readonly date_of_birth: string | null;
  readonly sex: "M" | "F" | "U";
  readonly ethnicity: string | null;
  readonly disabled: boolean | null;
}

const SEX: Readonly<Record<string, "M" | "F" | "U">> = {
  male: "M",
  m: "M",
  "1": "M",
  boy: "M",
  female: "F",
  f: "F",
  "2": "F",
  girl: "F",
};
const UNKNOWN_SEX =
  /^(u|0|9|unknown|not known|not stated|not recorded|not stated\/recorded|indeterminate|other)/i;

/**
 * The child's own details from a list row: sex (`Male`, `a) Male`, `M`, … → `M`; not stated or
 * unknown → `U`), the ethnicity code (`a) WBRI` → `WBRI`), date of birth, disability; the decimal age
 * checked. Problems become the reader's warnings (the child's record is kept).
 *
 * @param r - the row's reader
 * @returns the child, or `null` when the row has no child id
 * @example
 * ```ts
 * const row = { values: { "Child ID": "1", Gender: "b) Female", Ethnicity: "a) WBRI" }, file: "a.xlsx [List 1]", line: 2 };
 * const headings = new Map([["child_id", "Child ID"], ["gender", "Gender"], ["ethnicity", "Ethnicity"]]);
 * readAnnexAChild(new AnnexAReader(row, headings, []))?.ethnicity; // "WBRI"
 * ```
 */
export function readAnnexAChild(r: AnnexAReader): AnnexAChild | null {
  const id = r.text("child_id");
  if (id === "") return null;
  const genderText = r.text("gender");
  const g = genderText
    .replace(/^[a-z]\)\s*/i, "")
    .trim()
    .toLowerCase();
  let sex: "M" | "F" | "U" = SEX[g] ?? "U";
  if (SEX[g] === undefined && g !== "" && !UNKNOWN_SEX.test(g)) {
    r.warn(
      [r.heading("gender")],
      `${r.heading("gender")} '${genderText}' is not male or female: sex recorded as unknown`,
    );
    sex = "U";
  }
  const ethText = r.text("ethnicity");
  const eth = /\b([A-Z]{4})\b/.exec(ethText.replace(/^[a-z]\)\s*/, ""))?.[1] ?? null;
  if (ethText !== "" && eth === null)
    r.warn(
      [r.heading("ethnicity")],
      `${r.heading("ethnicity")} '${ethText}' holds no ethnicity code (such as WBRI): left empty`,
    );
  const dob = r.day("date_of_birth", { what: "the date of birth" });
  const ageText = r.text("age");
  if (ageText !== "" && !(Number.isFinite(Number(ageText)) && Number(ageText) >= 0 && Number(ageText) < 120))
    r.warn(
      [r.heading("age")],
      `${r.heading("age")} '${ageText}' is not an age in years (such as 6 or 6.14): not used`,
    );
  const disabled = r.yesNo("disability", "whether the child is disabled");
  return { child_id: id, date_of_birth: dob, sex, ethnicity: eth, disabled };
}

const required = (r: AnnexAReader) => r.required(r.heading("child_id"), "the child's identifier");

/** Row mappings per list number (the lists with a dataset). */
export const annexARowMappings: Readonly<Record<number, (r: AnnexAReader, c: AnnexAContext) => RowOutcome>> =
  {
    1: (r, c) => {
      const child = required(r);
      const date = r.day("contact_date", { required: true, what: "the date of the contact" });
      const source = r.code("source", fieldCodes("contacts", "source"), {
        what: "who made the contact",
        required: true,
      });
      const parts = [child, date ?? ""];
      return rowOutcome(r, {
        contact_id: c.recordId("AAC", [...parts, String(c.occurrence(1, parts))]),
        child_id: child,
        contact_date: date,
        source,
        decision_date: null,
        level_of_need: null,
        team: null,
      });
    },
    2: (r, c) => {
      const child = required(r);
      const start = r.day("start", { required: true, what: "the date the early help assessment started" });
      const completed = r.day("completed", { what: "the date the early help assessment was completed" });
      let team = r.text("organisation");
      if (team.length > 100) {
        r.warn(
          [r.heading("organisation")],
          `${r.heading("organisation")} is longer than 100 characters: cut to 100`,
        );
        team = team.slice(0, 100);
      }
      const parts = [child, start ?? ""];
      return rowOutcome(r, {
        early_help_id: c.recordId("AAEH", [...parts, String(c.occurrence(2, parts))]),
        child_id: child,
        start_date: start,
        assessment_completed_date: completed,
        step_down: null,
        end_date: null,
        end_reason: null,
        team: team === "" ? null : team,
      });
    },
    3: (r, c) => {
      const child = required(r);
      const date = r.day("referral_date", { required: true, what: "the date of the referral" });
      const source = r.code("source", fieldCodes("referrals", "source"), { what: "who made the referral" });
      let nfa = r.yesNo("nfa", "whether the referral ended with no further action");
      if (nfa === null) {
        r.warn(
          [r.heading("nfa")],
          `${r.heading("nfa")} is empty: the referral is counted as not ending in no further action`,
        );
        nfa = false;
      }
      const parts = [child, date ?? ""];
      return rowOutcome(r, {
        referral_id: c.recordId("AARF", [...parts, String(c.occurrence(3, parts))]),
        child_id: child,
        referral_date: date,
        source,
        nfa,
        team: r.text("team").slice(0, 100) || null,
        primary_need: null,
        closure_date: null,
        closure_reason: null,
        icpc_date: null,
      });
    },
    4: (r, c) => {
      const child = required(r);
      const start = r.day("start", { required: true, what: "the date the assessment started" });
      const authorised = r.day("authorised", { what: "the date the assessment was authorised" });
      const parts = [child, start ?? ""];
      return rowOutcome(r, {
        assessment_id: c.recordId("AAAS", [...parts, String(c.occurrence(4, parts))]),
        child_id: child,
        referral_id: null,
        start_date: start,
        authorised_date: authorised,
        outcome: null,
        team: r.text("team").slice(0, 100) || null,
        factors: null,
      });
    },
    5: (r, c) => {
      const child = required(r);
      const start = r.day("start", { required: true, what: "the date of the strategy discussion" });
      const icpcDate = r.day("icpc_date", { what: "the date of the initial child protection conference" });
      let unnecessary = r.yesNo("icpc_unnecessary", "whether an ICPC was deemed unnecessary");
      if (unnecessary === null) {
        unnecessary = false;
        if (icpcDate === null)
          r.warn(
            [r.heading("icpc_unnecessary"), r.heading("icpc_date")],
            `${r.heading("icpc_unnecessary")} is empty and no conference is dated: the enquiry is counted as not concluding that no ICPC was needed`,
          );
      }
      const plan = r.yesNo("icpc_plan", "whether the ICPC resulted in a child protection plan");
      const parts = [child, start ?? ""];
      return rowOutcome(r, {
        s47_id: c.recordId("AAS47", [...parts, String(c.occurrence(5, parts))]),
        child_id: child,
        start_date: start,
        icpc_not_required: unnecessary,
        icpc_date: icpcDate,
        icpc_cp_plan: plan,
        icpc_target_date: null,
      });
    },
    6: (r, c) => {
      const child = required(r);
      const start = r.day("start", { required: true, what: "the date the episode of need started" });
      const closed = r.day("closure_date", { what: "the date the episode of need closed" });
      const parts = [child, start ?? ""];
      return rowOutcome(r, {
        // The id list 3 gives a referral of the same child on the same day: the two are one record.
        referral_id: c.recordId("AARF", [...parts, String(c.occurrence(6, parts))]),
        child_id: child,
        referral_date: start,
        source: null,
        nfa: false,
        team: null,
        primary_need: r.code("primary_need", fieldCodes("referrals", "primary_need"), {
          what: "the primary need",
        }),
        closure_date: closed,
        closure_reason: r.code("closure_reason", fieldCodes("referrals", "closure_reason"), {
          what: "the reason the episode closed",
        }),
        icpc_date: null,
      });
    },
    7: (r, c) => {
      const child = required(r);
      const start = r.day("start", { required: true, what: "the date the plan started" });
      const parts = [child, start ?? ""];
      const categories = fieldCodes("cp_plans", "initial_category");
      return rowOutcome(r, {
        plan_id: c.recordId("AACP", [...parts, String(c.occurrence(7, parts))]),
        child_id: child,
        start_date: start,
        end_date: r.day("end", { what: "the date the plan ended" }),
        initial_category: r.code("initial_category", categories, { what: "the initial category of abuse" }),
        latest_category: r.code("latest_category", categories, { what: "the latest category of abuse" }),
        previous_plans: r.count("previous", "the number of previous plans"),
      });
    },
    9: (r, c) => {
      const child = required(r);
      // `a) Yes` / `b) No`, or the 903's own codes (YES, NO, DIED, REFU, NREQ, RHOM).
      const touchCodes = fieldCodes("care_leavers", "in_touch");
      const touchCode = annexACode(r.text("in_touch")).toUpperCase();
      const inTouch = touchCodes.some((t) => t.code === touchCode)
        ? touchCode
        : ["Y", "TRUE", "1"].includes(touchCode)
          ? "YES"
          : ["N", "FALSE", "0"].includes(touchCode)
            ? "NO"
            : r.code("in_touch", touchCodes, { what: "whether the authority is in touch", required: true });
      const suitableText = r.text("suitable");
      const s = suitableText
        .replace(/^[a-z]\)\s*/i, "")
        .trim()
        .toLowerCase();
      const suitable =
        s === ""
          ? null
          : s.startsWith("suitable")
            ? true
            : s.startsWith("unsuitable") || s.startsWith("not suitable")
              ? false
              : r.yesNo("suitable", "whether the accommodation is suitable");
      return rowOutcome(r, {
        child_id: child,
        as_at_date: c.to,
        in_touch: inTouch,
        activity: r.code("activity", fieldCodes("care_leavers", "activity"), { what: "the main activity" }),
        accommodation_suitable: suitable,
      });
    },
    10: (r) => {
      const child = required(r);
      const decision = r.day("decision", {
        required: true,
        what: "the date of the decision to place for adoption",
      });
      const ceased = r.day("no_longer", { what: "the date the decision ceased" });
      return rowOutcome(r, {
        child_id: child,
        decision_date: decision,
        ceased_date: ceased,
        ceased_reason: r.code("no_longer_reason", fieldCodes("adoption_decisions", "ceased_reason"), {
          what: "why the decision ceased",
        }),
      });
    },
  };
