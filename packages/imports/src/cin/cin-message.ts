import { assessmentFactorFlags } from "@kpi/catalogue";
import { type CensusHeader, censusHeader } from "../framework/census-header.js";
import { statutoryDate } from "../framework/row-reader.js";
import type { SourceRow } from "../read/csv-table.js";
import { type InvalidReference, REPLACEMENT_CHARACTER, type XmlElement } from "../read/xml-tree.js";

/**
 * The tables a CIN census message holds, in the order they are mapped (parents before dependants),
 * each named after its element: a `<Child>` (identifiers and characteristics), each `<CINdetails>`
 * (an episode of need), its `<Assessments>`, the assessment factors that name a vulnerability, its
 * `<CINPlanDates>`, `<Section47>`, `<ChildProtectionPlans>`, each plan's `<CPPreviewDate>` and the
 * 2025-26 `<PreProceedingsandFGDM>`.
 *
 * @example
 * ```ts
 * cinTableNames[0]; // "Child"
 * ```
 */
export const cinTableNames = [
  "Child",
  "CINdetails",
  "Assessments",
  "AssessmentFactors",
  "CINPlanDates",
  "Section47",
  "ChildProtectionPlans",
  "CPPreviewDate",
  "PreProceedingsandFGDM",
] as const;
/** One of {@link cinTableNames}. */
export type CinTableName = (typeof cinTableNames)[number];

/** A CIN census message read into its tables. */
export interface CinMessage {
  readonly header: CensusHeader;
  /** How many `<Child>` elements the message holds. */
  readonly children: number;
  /** The rows of each table, in document order. */
  readonly rows: ReadonlyMap<CinTableName, readonly SourceRow[]>;
  /** The elements each table's rows hold. */
  readonly present: ReadonlyMap<CinTableName, ReadonlySet<string>>;
  /** Elements of each table that no mapping knows. */
  readonly unknown: ReadonlyMap<CinTableName, ReadonlySet<string>>;
  /** Values spoilt by a character reference that names no character: row → element → the references. */
  readonly spoilt: ReadonlyMap<SourceRow, ReadonlyMap<string, string>>;
  /** Each child's child protection plan start dates (ISO), by the child's element path. */
  readonly planStarts: ReadonlyMap<string, ReadonlySet<string>>;
}

function child(e: XmlElement | undefined, name: string): XmlElement | undefined {
  return e?.children.find((c) => c.name === name);
}

function every(e: XmlElement, name: string): XmlElement[] {
  return e.children.filter((c) => c.name === name);
}

/** Elements of a module that hold other elements (read as their own tables, or lists). */
const NESTED: Readonly<Record<string, readonly string[]>> = {
  Child: ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"],
  ChildCharacteristics: ["Disabilities"],
  CINdetails: ["Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans", "PreProceedingsandFGDM"],
  Assessments: ["FactorsIdentifiedAtAssessment"],
  ChildProtectionPlans: ["Reviews"],
};

/**
 * Read a CIN census message (`<Message><Children><Child>…`) into its tables: one row per element of
 * each table, with its own leaf elements by name and, for a dependant, the elements that identify its
 * parents (`LAchildID`, `CINreferralDate`, `CPPstartDate` …); lists (`<Disability>`, `<AssessmentFactors>`)
 * as their codes separated by spaces. Each row knows its file, the line of its element and its path
 * (`Child[3]/CINdetails[1]/Assessments[2]`), which is also its key for its dependants.
 *
 * @param file - the file's path as uploaded
 * @param root - the message's root element
 * @param invalidReferences - the file's character references that name no character
 * @param known - each table's elements (from its mapping), to find those no mapping knows
 * @returns the message's tables
 * @example
 * ```ts
 * const t = readXmlTree("<Message><Children><Child><ChildIdentifiers><LAchildID>A1</LAchildID></ChildIdentifiers></Child></Children></Message>");
 * t.ok && readCinMessage("cin.xml", t.root, [], new Map()).rows.get("Child")?.[0]?.values; // { LAchildID: "A1" }
 * ```
 */
export function readCinMessage(
  file: string,
  root: XmlElement,
  invalidReferences: readonly InvalidReference[],
  known: ReadonlyMap<CinTableName, ReadonlySet<string>>,
): CinMessage {
  const rows = new Map<CinTableName, SourceRow[]>(cinTableNames.map((t) => [t, []]));
  const present = new Map<CinTableName, Set<string>>(cinTableNames.map((t) => [t, new Set()]));
  const unknown = new Map<CinTableName, Set<string>>(cinTableNames.map((t) => [t, new Set()]));
  const spoilt = new Map<SourceRow, Map<string, string>>();
  const planStarts = new Map<string, Set<string>>();
  const referencesOn = new Map<number, string[]>();
  for (const r of invalidReferences)
    referencesOn.set(r.line, [...(referencesOn.get(r.line) ?? []), r.reference]);

  type Value = { readonly text: string; readonly spoilt?: string };
  const leafValue = (leaf: XmlElement): Value => {
    if (!leaf.text.includes(REPLACEMENT_CHARACTER)) return { text: leaf.text };
    const refs = leaf.line === undefined ? undefined : referencesOn.get(leaf.line);
    return { text: leaf.text, spoilt: refs?.join(" ") ?? "a character reference that names no character" };
  };

  /**
   * Add a row: the parents' identifying values, then the leaf elements of each block (elements that
   * hold others are read as their own tables or lists), then the given leaves and lists.
   */
  const add = (
    table: CinTableName,
    element: XmlElement,
    path: string,
    context: ReadonlyMap<string, Value>,
    blocks: readonly XmlElement[],
    leaves: readonly XmlElement[] = [],
    lists: Readonly<Record<string, string>> = {},
  ): Map<string, Value> => {
    const own = new Map(context);
    const seen = present.get(table) as Set<string>;
    const knownHere = known.get(table);
    const take = (leaf: XmlElement) => {
      if (own.has(leaf.name) && !context.has(leaf.name)) return; // a repeated element: the first counts
      own.set(leaf.name, leafValue(leaf));
      seen.add(leaf.name);
      if (knownHere !== undefined && !knownHere.has(leaf.name)) unknown.get(table)?.add(leaf.name);
    };
    for (const block of blocks)
      for (const leaf of block.children) {
        const nested = (NESTED[block.name] ?? []).includes(leaf.name);
        if (nested) continue;
        if (leaf.children.length > 0) unknown.get(table)?.add(leaf.name);
        else take(leaf);
      }
    for (const leaf of leaves) take(leaf);
    for (const [name, text] of Object.entries(lists)) {
      own.set(name, { text });
      seen.add(name);
    }
    const values: Record<string, string> = {};
    const bad = new Map<string, string>();
    for (const [name, v] of own) {
      values[name] = v.text;
      if (v.spoilt !== undefined) bad.set(name, v.spoilt);
    }
    const row: SourceRow = {
      values,
      file,
      element: path,
      ...(element.line === undefined ? {} : { line: element.line }),
    };
    if (bad.size > 0) spoilt.set(row, bad);
    rows.get(table)?.push(row);
    return own;
  };
  const pick = (own: ReadonlyMap<string, Value>, ...names: string[]) =>
    new Map(names.flatMap((n) => (own.has(n) ? [[n, own.get(n) as Value] as const] : [])));
  const codes = (list: XmlElement, name: string) =>
    every(list, name)
      .map((e) => e.text.trim().toUpperCase())
      .filter((t) => t !== "")
      .join(" ");

  for (const e of root.children)
    if (e.name !== "Header" && e.name !== "Children") unknown.get("Child")?.add(e.name);
  const childrenElement = child(root, "Children");
  const childElements = childrenElement === undefined ? [] : every(childrenElement, "Child");
  childElements.forEach((c, i) => {
    const childPath = `Child[${i + 1}]`;
    const identifiers = child(c, "ChildIdentifiers");
    const characteristics = child(c, "ChildCharacteristics");
    const disabilities = child(characteristics, "Disabilities");
    for (const e of c.children) if (!(NESTED.Child ?? []).includes(e.name)) unknown.get("Child")?.add(e.name);
    const blocks = [identifiers, characteristics].filter((b): b is XmlElement => b !== undefined);
    const childValues = add(
      "Child",
      c,
      childPath,
      new Map(),
      blocks,
      [],
      disabilities === undefined ? {} : { Disability: codes(disabilities, "Disability") },
    );
    const childId = pick(childValues, "LAchildID");
    const starts = new Set<string>();
    planStarts.set(childPath, starts);
    every(c, "CINdetails").forEach((d, j) => {
      const detailsPath = `${childPath}/CINdetails[${j + 1}]`;
      const details = add("CINdetails", d, detailsPath, childId, [d]);
      const episode = pick(details, "LAchildID", "CINreferralDate");
      every(d, "Assessments").forEach((a, k) => {
        const path = `${detailsPath}/Assessments[${k + 1}]`;
        const factors = child(a, "FactorsIdentifiedAtAssessment");
        const lists = factors === undefined ? {} : { AssessmentFactors: codes(factors, "AssessmentFactors") };
        const assessment = add("Assessments", a, path, episode, [a], [], lists);
        if (factors === undefined) return;
        const context = new Map([
          ...episode,
          ...pick(details, "CINclosureDate"),
          ...pick(assessment, "AssessmentActualStartDate", "AssessmentAuthorisationDate"),
        ]);
        every(factors, "AssessmentFactors").forEach((f, m) => {
          const code = f.text.trim().toUpperCase();
          if (!(code in assessmentFactorFlags)) return;
          add(
            "AssessmentFactors",
            f,
            `${path}/FactorsIdentifiedAtAssessment/AssessmentFactors[${m + 1}]`,
            context,
            [],
            [f],
          );
        });
      });
      every(d, "CINPlanDates").forEach(
        (p, k) => void add("CINPlanDates", p, `${detailsPath}/CINPlanDates[${k + 1}]`, episode, [p]),
      );
      every(d, "Section47").forEach(
        (s, k) => void add("Section47", s, `${detailsPath}/Section47[${k + 1}]`, episode, [s]),
      );
      every(d, "ChildProtectionPlans").forEach((p, k) => {
        const planPath = `${detailsPath}/ChildProtectionPlans[${k + 1}]`;
        const plan = add("ChildProtectionPlans", p, planPath, episode, [p]);
        const start = statutoryDate(plan.get("CPPstartDate")?.text);
        if (start.ok && start.value !== null) starts.add(start.value);
        const context = new Map([...childId, ...pick(plan, "CPPstartDate")]);
        const dates = every(p, "Reviews").flatMap((r) => every(r, "CPPreviewDate"));
        dates.forEach(
          (r, n) =>
            void add("CPPreviewDate", r, `${planPath}/Reviews/CPPreviewDate[${n + 1}]`, context, [], [r]),
        );
      });
      every(d, "PreProceedingsandFGDM").forEach(
        (p, k) =>
          void add("PreProceedingsandFGDM", p, `${detailsPath}/PreProceedingsandFGDM[${k + 1}]`, episode, [
            p,
          ]),
      );
    });
  });
  return {
    header: censusHeader(root),
    children: childElements.length,
    rows,
    present,
    unknown,
    spoilt,
    planStarts,
  };
}
