import { type CodeOption, cpCategoryCodes, type DatasetName, referralSourceCodes } from "@kpi/catalogue";
import { statutoryDate } from "@kpi/imports";
import type { RowSource } from "../../errors/kpi-client-error.js";
import type { SourcedRecord } from "../../input/record-file.js";
import { ethnicityCodes } from "../ethnicity-codes.js";
import { finishTable, type MappedTable } from "../finish-table.js";
import type { DroppedRow, FieldNote, ImportResult } from "../import-report.js";
import { recordId } from "../record-id.js";
import { childElement, childElements, childText, parseXml, type XmlElement } from "./xml.js";

/** Options of {@link importCinCensus}. */
export interface CinCensusOptions {
  /** The file name, for the report and row locations. */
  readonly file: string;
  /** The authority's id key for generated record ids (at least 16 characters; keep it). */
  readonly idKey: string;
}

/** Outcome of {@link importCinCensus}: the import, or why the file is not a CIN census message. */
export type CinCensusResult = ({ ok: true } & ImportResult) | { ok: false; error: string };

const has = (codes: readonly CodeOption[], code: string) => codes.some((c) => c.code === code);
/** `<Sex>` (M/F/U) or the older `<GenderCurrent>` (1 male, 2 female, 0 not known, 9 not specified). */
const SEX: Readonly<Record<string, string>> = {
  M: "M",
  F: "F",
  U: "U",
  "1": "M",
  "2": "F",
  "0": "U",
  "9": "U",
};
const TRUE_WORDS = new Set(["true", "1"]);
const FALSE_WORDS = new Set(["false", "0"]);

/** A table being filled (see `MappedTable`). */
interface Table extends MappedTable {
  read: number;
  readonly candidates: SourcedRecord[];
  readonly dropped: DroppedRow[];
  readonly notes: FieldNote[];
}

/**
 * Map a CIN census XML message (`<Message><Children><Child>…`) onto the data contract: each child's
 * `<ChildIdentifiers>`/`<ChildCharacteristics>` → `children`; each `<CINdetails>` → `referrals`; its
 * `<Assessments>` → `assessments`, `<Section47>` → `s47_enquiries`, `<ChildProtectionPlans>` →
 * `cp_plans`, `<CINPlanDates>` → `cin_plans`. Ids are keyed hashes of the child and the start date
 * (see `recordId`). `icpc_cp_plan` is true when one of the child's CP plans starts on the ICPC date.
 * Every record is checked with the catalogue's schemas; the report lists per dataset what was mapped,
 * dropped (unknown codes, missing mandatory elements, unparseable dates) and left empty, by XML line.
 *
 * @param xml - the file's text
 * @param options - file name and id key
 * @returns the records per dataset (children first) and the report, or why the file cannot be read
 * @example
 * ```ts
 * const r = importCinCensus(readFileSync("cin.xml", "utf8"), { file: "cin.xml", idKey });
 * if (r.ok) r.tables.map((t) => [t.dataset, t.records.length]);
 * ```
 */
export function importCinCensus(xml: string, options: CinCensusOptions): CinCensusResult {
  const parsed = parseXml(xml);
  if (!parsed.ok) return { ok: false, error: `${options.file}: ${parsed.error}` };
  const { root } = parsed;
  if (root.name !== "Message")
    return {
      ok: false,
      error: `${options.file}: the root element is <${root.name}>, not the CIN census <Message>`,
    };
  const childrenElement = childElement(root, "Children");
  if (childrenElement === undefined)
    return { ok: false, error: `${options.file}: <Message> has no <Children>` };

  const { file, idKey } = options;
  const table = (dataset: DatasetName, element: string): Table => ({
    dataset,
    from: `${file} <${element}>`,
    read: 0,
    candidates: [],
    dropped: [],
    notes: [],
  });
  const tables = {
    children: table("children", "Child"),
    referrals: table("referrals", "CINdetails"),
    assessments: table("assessments", "Assessments"),
    s47_enquiries: table("s47_enquiries", "Section47"),
    cp_plans: table("cp_plans", "ChildProtectionPlans"),
    cin_plans: table("cin_plans", "CINPlanDates"),
  };
  const at = (t: Table, element: XmlElement): RowSource => ({
    file,
    line: element.line ?? null,
    index: t.read++,
  });
  const drop = (t: Table, source: RowSource, problems: string[]) =>
    t.dropped.push({ source, reason: problems.join("; ") });
  const note = (t: Table, source: RowSource, field: string, reason: string, emptied = true) =>
    t.notes.push({ source, field, reason, emptied });
  const add = (t: Table, source: RowSource, values: Record<string, unknown>) =>
    t.candidates.push({ values, source });

  for (const child of childElements(childrenElement, "Child")) {
    const identifiers = childElement(child, "ChildIdentifiers");
    const characteristics = childElement(child, "ChildCharacteristics");
    const either = (name: string) =>
      (identifiers && childElement(identifiers, name)) ??
      (characteristics && childElement(characteristics, name));
    const childId = identifiers ? childText(identifiers, "LAchildID") : "";

    // children
    const childSource = at(tables.children, child);
    const problems: string[] = [];
    if (childId === "") problems.push("LAchildID is empty (mandatory)");
    const sexElement = either("Sex") ?? either("GenderCurrent");
    const sex = sexElement === undefined ? undefined : SEX[sexElement.text.toUpperCase()];
    if (sexElement === undefined) problems.push("Sex is missing (mandatory)");
    else if (sex === undefined)
      problems.push(`<${sexElement.name}> '${sexElement.text}' is not a CIN census code`);
    if (problems.length > 0) drop(tables.children, childSource, problems);
    else {
      const dobText = identifiers ? childText(identifiers, "PersonBirthDate") : "";
      const dob = statutoryDate(dobText);
      if (!dob.ok)
        note(tables.children, childSource, "date_of_birth", `PersonBirthDate '${dobText}' is not a date`);
      else if (dob.value === null)
        note(tables.children, childSource, "date_of_birth", "PersonBirthDate is empty (an unborn child?)");
      const ethnicText = (either("Ethnicity")?.text ?? "").toUpperCase();
      const ethnicity = ethnicText === "" ? null : ethnicityCodes.has(ethnicText) ? ethnicText : undefined;
      if (ethnicity === undefined)
        note(tables.children, childSource, "ethnicity", `Ethnicity '${ethnicText}' is not a CIN census code`);
      const disabilities = characteristics ? childElement(characteristics, "Disabilities") : undefined;
      const codes = disabilities
        ? childElements(disabilities, "Disability").map((d) => d.text.toUpperCase())
        : [];
      add(tables.children, childSource, {
        child_id: childId,
        date_of_birth: dob.ok ? dob.value : null,
        sex,
        ethnicity: ethnicity ?? null,
        disabled: codes.length === 0 ? null : codes.some((c) => c !== "NONE"),
      });
    }

    const planStarts = new Set(
      childElements(child, "CINdetails")
        .flatMap((d) =>
          childElements(d, "ChildProtectionPlans").map((p) => statutoryDate(childText(p, "CPPstartDate"))),
        )
        .flatMap((r) => (r.ok && r.value !== null ? [r.value] : [])),
    );
    const noChild = childId === "" ? ["the child has no LAchildID"] : [];

    for (const details of childElements(child, "CINdetails")) {
      // referrals
      const referralSource = at(tables.referrals, details);
      const refProblems = [...noChild];
      const refText = childText(details, "CINreferralDate");
      const refDate = statutoryDate(refText);
      if (!refDate.ok) refProblems.push(`CINreferralDate '${refText}' is not a date`);
      else if (refDate.value === null) refProblems.push("CINreferralDate is empty (mandatory)");
      const source = childText(details, "ReferralSource").toUpperCase();
      if (source === "") refProblems.push("ReferralSource is empty (mandatory)");
      else if (!has(referralSourceCodes, source))
        refProblems.push(`ReferralSource '${source}' is not a CIN census code`);
      const nfa = flag(childText(details, "ReferralNFA"));
      if (nfa === undefined)
        refProblems.push(`ReferralNFA '${childText(details, "ReferralNFA")}' is not true or false`);
      else if (nfa === null) refProblems.push("ReferralNFA is empty (mandatory)");
      const referralKey = refDate.ok && refDate.value !== null ? refDate.value : refText;
      const referralId = recordId(idKey, "RF", [childId, referralKey]);
      if (refProblems.length > 0) drop(tables.referrals, referralSource, refProblems);
      else
        add(tables.referrals, referralSource, {
          referral_id: referralId,
          child_id: childId,
          referral_date: referralKey,
          source,
          nfa,
          team: null,
        });

      // assessments
      for (const a of childElements(details, "Assessments")) {
        const src = at(tables.assessments, a);
        const p = [...noChild];
        const start = requiredDate(a, "AssessmentActualStartDate", p);
        const done = optionalDate(a, "AssessmentAuthorisationDate", p);
        if (p.length > 0 || start === null) drop(tables.assessments, src, p);
        else
          add(tables.assessments, src, {
            assessment_id: recordId(idKey, "AS", [childId, referralKey, start]),
            child_id: childId,
            referral_id: referralId,
            start_date: start,
            authorised_date: done,
            outcome: null,
            team: null,
          });
      }

      // section 47 enquiries
      for (const s of childElements(details, "Section47")) {
        const src = at(tables.s47_enquiries, s);
        const p = [...noChild];
        const start = requiredDate(s, "S47ActualStartDate", p);
        const icpc = optionalDate(s, "DateOfInitialCPC", p);
        const notRequired = flag(childText(s, "ICPCnotRequired"));
        if (notRequired === undefined)
          p.push(`ICPCnotRequired '${childText(s, "ICPCnotRequired")}' is not true or false`);
        if (p.length > 0 || start === null) {
          drop(tables.s47_enquiries, src, p);
          continue;
        }
        if (notRequired === null)
          note(
            tables.s47_enquiries,
            src,
            "icpc_not_required",
            "ICPCnotRequired is empty, so it is taken as false",
            false,
          );
        add(tables.s47_enquiries, src, {
          s47_id: recordId(idKey, "S47", [childId, start]),
          child_id: childId,
          start_date: start,
          icpc_not_required: notRequired ?? false,
          icpc_date: icpc,
          icpc_cp_plan: icpc === null ? null : planStarts.has(icpc),
        });
      }

      // child protection plans
      for (const c of childElements(details, "ChildProtectionPlans")) {
        const src = at(tables.cp_plans, c);
        const p = [...noChild];
        const start = requiredDate(c, "CPPstartDate", p);
        const end = optionalDate(c, "CPPendDate", p);
        const category = (name: string) => {
          const code = childText(c, name).toUpperCase();
          if (code === "") p.push(`${name} is empty (mandatory)`);
          else if (!has(cpCategoryCodes, code))
            p.push(`${name} '${code}' is not a CIN census category of abuse`);
          return code;
        };
        const initial = category("InitialCategoryOfAbuse");
        const latest = category("LatestCategoryOfAbuse");
        if (p.length > 0 || start === null) {
          drop(tables.cp_plans, src, p);
          continue;
        }
        const previousText = childText(c, "NumberOfPreviousCPP");
        const previous = /^\d+$/.test(previousText) ? Number(previousText) : null;
        if (previousText !== "" && previous === null)
          note(
            tables.cp_plans,
            src,
            "previous_plans",
            `NumberOfPreviousCPP '${previousText}' is not a whole number`,
          );
        add(tables.cp_plans, src, {
          plan_id: recordId(idKey, "CP", [childId, start]),
          child_id: childId,
          start_date: start,
          end_date: end,
          initial_category: initial,
          latest_category: latest,
          previous_plans: previous,
        });
      }

      // child in need plans
      for (const c of childElements(details, "CINPlanDates")) {
        const src = at(tables.cin_plans, c);
        const p = [...noChild];
        const start = requiredDate(c, "CINPlanStartDate", p);
        const end = optionalDate(c, "CINPlanEndDate", p);
        if (p.length > 0 || start === null) drop(tables.cin_plans, src, p);
        else
          add(tables.cin_plans, src, {
            plan_id: recordId(idKey, "CN", [childId, start]),
            child_id: childId,
            start_date: start,
            end_date: end,
            end_reason: null,
          });
      }
    }
  }

  const finished = Object.values(tables).map((t) => finishTable(t));
  return { ok: true, tables: finished.map((f) => f.table), report: finished.map((f) => f.report) };
}

/** `true`/`false`/`1`/`0` → boolean, empty → `null`, anything else → `undefined`. */
function flag(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

function requiredDate(element: XmlElement, name: string, problems: string[]): string | null {
  const text = childText(element, name);
  const d = statutoryDate(text);
  if (!d.ok) problems.push(`${name} '${text}' is not a date`);
  else if (d.value === null) problems.push(`${name} is empty (mandatory)`);
  return d.ok ? d.value : null;
}

function optionalDate(element: XmlElement, name: string, problems: string[]): string | null {
  const text = childText(element, name);
  const d = statutoryDate(text);
  if (!d.ok) problems.push(`${name} '${text}' is not a date`);
  return d.ok ? d.value : null;
}
