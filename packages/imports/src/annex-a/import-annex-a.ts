import { type DatasetName, datasets as datasetSpecs } from "@kpi/catalogue";
import type { ImportFileReport, ImportTableReport } from "@kpi/contract";
import { isIsoDate } from "@kpi/core";
import { finishDataset, type MappedRow } from "../framework/finish-dataset.js";
import {
  type FileProblem,
  type ImportedDataset,
  type ImportOptions,
  importOutcome,
  type MappedImport,
  tableReport,
} from "../framework/import-report.js";
import type { ColumnRole, RowOutcome } from "../framework/table-mapping.js";
import type { SourceRow } from "../read/csv-table.js";
import { readXlsxWorkbook, type XlsxSheet } from "../read/xlsx-workbook.js";
import type { ImportFile } from "../ssda903/read-ssda903-files.js";
import { AnnexAReader, annexADate } from "./annex-a-cells.js";
import { type AnnexAList, annexALists, normaliseHeading } from "./annex-a-lists.js";
import { type AnnexAChild, type AnnexAContext, annexARowMappings, readAnnexAChild } from "./annex-a-rows.js";

/** A sheet recognised as one of the lists: where its headings are and which column each is. */
export interface RecognisedList {
  readonly list: AnnexAList;
  readonly sheet: XlsxSheet;
  /** Index in `sheet.rows` of the heading row. */
  readonly headingRow: number;
  /** Column key → the sheet's heading and its cell index. */
  readonly columns: ReadonlyMap<string, { readonly heading: string; readonly index: number }>;
  /** The sheet's headings no column of the list takes. */
  readonly unknown: readonly { readonly heading: string; readonly index: number }[];
  readonly score: number;
}

/** The most rows at the top of a sheet searched for its heading row (a title may come first). */
const HEADING_SEARCH_ROWS = 15;

function fitHeadings(list: AnnexAList, cells: readonly string[]) {
  const taken = new Set<number>();
  const columns = new Map<string, { heading: string; index: number }>();
  const normal = cells.map(normaliseHeading);
  for (const c of list.columns)
    for (let i = 0; i < normal.length; i += 1) {
      if (taken.has(i) || normal[i] === "") continue;
      if (c.patterns.some((p) => p.test(normal[i] as string))) {
        taken.add(i);
        columns.set(c.key, { heading: cells[i] as string, index: i });
        break;
      }
    }
  const unknown = cells.flatMap((heading, index) =>
    heading !== "" && !taken.has(index) ? [{ heading, index }] : [],
  );
  const distinctive = list.columns.filter((c) => c.distinctive && columns.has(c.key)).length;
  return { columns, unknown, distinctive };
}

/**
 * Which list a sheet holds, by its headings in any wording (each list's column patterns) and its
 * name: of the rows at its top, the row and list whose columns fit most headings, among lists with at
 * least one heading only they have; a sheet named for the list (`List 3`, `Referrals`) breaks ties.
 *
 * @param sheet - the sheet as read
 * @returns the list and its columns, or `null` when no list's headings fit
 * @example
 * ```ts
 * const sheet = { name: "Sheet1", rows: [{ line: 1, cells: ["Child ID", "Contact date", "Source of contact"] }] };
 * recogniseAnnexAList(sheet)?.list.list; // 1
 * ```
 */
export function recogniseAnnexAList(sheet: XlsxSheet): RecognisedList | null {
  const name = normaliseHeading(sheet.name);
  let best: RecognisedList | null = null;
  const top = Math.min(sheet.rows.length, HEADING_SEARCH_ROWS);
  for (let r = 0; r < top; r += 1) {
    const cells = sheet.rows[r]?.cells ?? [];
    for (const list of annexALists) {
      const fit = fitHeadings(list, cells);
      if (fit.distinctive === 0) continue;
      const named = list.sheetNames.some((p) => p.test(name)) ? 1.5 : 0;
      const score = fit.columns.size + fit.distinctive + named;
      if (best === null || score > best.score)
        best = { list, sheet, headingRow: r, columns: fit.columns, unknown: fit.unknown, score };
    }
  }
  return best;
}

const DATE_TEXT = String.raw`(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{4})`;
const SPAN_RE = new RegExp(`${DATE_TEXT}\\s*(?:to|until|-|–|—)\\s*${DATE_TEXT}`, "i");

/**
 * The span a workbook says it covers: the first cell of a title row (above a list's headings) or of a
 * sheet that is no list which holds two dates joined by `to`, `until` or a dash ("Contacts 01/09/2020
 * to 28/02/2021").
 *
 * @param texts - the cells to search, in order
 * @returns the first and last days, or `null` when no cell states a span
 * @example
 * ```ts
 * statedSpan(["Annex A: 1 September 2020 to 28 February 2021"]); // { from: "2020-09-01", to: "2021-02-28", text: "Annex A: 1 September 2020 to 28 February 2021" }
 * ```
 */
export function statedSpan(texts: readonly string[]): { from: string; to: string; text: string } | null {
  for (const text of texts) {
    const m = SPAN_RE.exec(text);
    if (!m) continue;
    const a = annexADate(m[1] as string);
    const b = annexADate(m[2] as string);
    if (a.ok && b.ok && a.value !== null && b.value !== null) return { from: a.value, to: b.value, text };
  }
  return null;
}

/** The year of the 31 March that ends the collection year holding a day. */
const yearOfDay = (iso: string) => Number(iso.slice(0, 4)) + (iso.slice(5) >= "04-01" ? 1 : 0);

/** The event lists whose rows should fall in the span, by the field that dates them. */
const DATED_IN_SPAN: Readonly<Record<number, string>> = {
  1: "contact_date",
  2: "start_date",
  3: "referral_date",
  5: "start_date",
};

/**
 * Import Ofsted's Annex A workbook (`.xlsx`, lists 1–11; decision 196). Each sheet is recognised as a
 * list by its headings in the authority's own wording, or its name; each list is mapped onto its
 * dataset (contacts, early help, referrals with list 6's episodes of need, assessments, section 47
 * enquiries, CP plans, care leavers at the span's end, decisions to place for adoption), and every
 * child's details onto `children`. Dates may be Excel dates, serial numbers or text; `#N/A` reads as
 * empty; formulas give their cached values. The span the workbook covers is the one it states (a
 * title such as "01/09/2020 to 28/02/2021") or the one given (`span`); without either, or when they
 * differ, nothing is imported. Each dated dataset covers that span, so its rows replace only what was
 * stored within it.
 *
 * @param files - the upload: one workbook
 * @param options - the span, strict, dry run and the record-id function
 * @returns the report and the records
 * @example
 * ```ts
 * // Resolves to the report (`failed` here: no workbook) and the records.
 * importAnnexA([], { recordId: () => "" }) instanceof Promise; // true
 * ```
 */
export async function importAnnexA(
  files: readonly ImportFile[],
  options: ImportOptions,
): Promise<MappedImport> {
  const problems: FileProblem[] = [];
  const reports: ImportFileReport[] = [];
  const tables: ImportTableReport[] = [];
  const datasets: ImportedDataset[] = [];
  const coverage: { dataset: string; year: string; from: string; to: string }[] = [];
  const finish = () =>
    importOutcome({
      kind: "annex-a",
      problems,
      files: reports,
      tables,
      datasets,
      strict: options.strict === true,
      dryRun: options.dryRun === true,
      coverage,
    });
  const [file, ...others] = files;
  if (file === undefined) {
    problems.push({ file: "(no file)", message: "holds no Annex A workbook: send the .xlsx file" });
    return finish();
  }
  for (const o of others) {
    problems.push({ file: o.path, message: "is a second file: send the Annex A workbook alone (one .xlsx)" });
    reports.push({ file: o.path, format: "unknown", tables: [], problem: "a second file" });
  }
  const book = await readXlsxWorkbook(file.bytes);
  if (!book.ok) {
    problems.push({ file: file.path, message: book.problem });
    reports.push({ file: file.path, format: "unknown", tables: [], problem: book.problem });
    return finish();
  }
  const found = new Map<number, RecognisedList>();
  const notImported: { table: string; why: string }[] = [];
  const titleTexts: string[] = [];
  for (const sheet of book.sheets) {
    const r = recogniseAnnexAList(sheet);
    if (r === null) {
      notImported.push({
        table: `sheet '${sheet.name}'`,
        why: "no Annex A list's headings fit its rows (a notes or cover sheet is read only for the span it states)",
      });
      for (const row of sheet.rows.slice(0, 30)) titleTexts.push(...row.cells);
      continue;
    }
    for (const row of sheet.rows.slice(0, r.headingRow)) titleTexts.push(...row.cells);
    const first = found.get(r.list.list);
    if (first !== undefined) {
      problems.push({
        file: file.path,
        message: `sheets '${first.sheet.name}' and '${sheet.name}' both hold list ${r.list.list} (${r.list.title}): keep one, or rename the other's headings`,
      });
      continue;
    }
    found.set(r.list.list, r);
  }
  const fileReport = (problem?: string): ImportFileReport => ({
    file: file.path,
    format: "xlsx",
    tables: [...found.values()]
      .sort((a, b) => a.list.list - b.list.list)
      .map((r) => `List ${r.list.list} (${r.list.title}): sheet '${r.sheet.name}'`),
    ...(problem === undefined ? {} : { problem }),
    ...(notImported.length === 0 ? {} : { not_imported: notImported }),
  });
  if (found.size === 0) {
    const problem =
      "holds no Annex A list: no sheet has the headings of any list (Child Unique ID, Date of Contact, …). Check that the file is the Annex A workbook";
    problems.push({ file: file.path, message: problem });
    reports.push(fileReport(problem));
    return finish();
  }
  for (const r of found.values()) {
    const missing = r.list.columns.filter((c) => c.required && !r.columns.has(c.key));
    if (missing.length > 0)
      problems.push({
        file: file.path,
        message: `sheet '${r.sheet.name}' (list ${r.list.list}, ${r.list.title}) has no column for ${missing.map((c) => `'${c.heading}'`).join(", ")}: add it, or check its heading`,
      });
  }
  const stated = statedSpan(titleTexts);
  const given = options.span;
  let span: { from: string; to: string } | null = stated ?? given ?? null;
  if (stated !== null && given !== undefined && (stated.from !== given.from || stated.to !== given.to)) {
    problems.push({
      file: file.path,
      message: `says it covers ${stated.from} to ${stated.to} ('${stated.text}'), not ${given.from} to ${given.to} as given: give its own span, or correct the workbook`,
    });
    span = null;
  } else if (span === null)
    problems.push({
      file: file.path,
      message:
        "does not say which days it covers: give the span its lists cover (--covers 2020-09-01..2021-02-28 on the command line, from and to on the API)",
    });
  else if (!isIsoDate(span.from) || !isIsoDate(span.to)) {
    problems.push({
      file: file.path,
      message: `its span ${span.from} to ${span.to} is not two dates YYYY-MM-DD`,
    });
    span = null;
  } else if (span.from > span.to) {
    problems.push({ file: file.path, message: `its span ends (${span.to}) before it starts (${span.from})` });
    span = null;
  }
  if (problems.length > 0 || span === null) {
    reports.push(fileReport(problems[0]?.message));
    return finish();
  }
  const { from, to } = span;
  const yearLabel = `${from} to ${to}`;
  const seen = new Map<string, number>();
  const context: AnnexAContext = {
    from,
    to,
    recordId: options.recordId,
    occurrence: (list, parts) => {
      // Lists 3 and 6 share their ids: a referral and the episode of need it opened are one record.
      const id = `${list === 6 ? 3 : list}\n${parts.join("\n")}#${list}`;
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      return n;
    },
  };
  const children = new Map<
    string,
    { row: SourceRow; child: AnnexAChild; warnings: MappedRow["outcome"]["warnings"] }
  >();
  const mappedByList = new Map<
    number,
    { r: RecognisedList; rows: { row: SourceRow; outcome: RowOutcome }[]; read: number }
  >();
  // List 6 before list 3, so list 3's referral takes list 6's episode details (primary need, closure).
  const order = [...found.values()].sort((a, b) =>
    a.list.list === 6 ? -1 : b.list.list === 6 ? 1 : a.list.list - b.list.list,
  );
  for (const r of order) {
    const headings = new Map([...r.columns].map(([k, v]) => [k, v.heading]));
    // The child's own columns are read for the children table, the rest for the list's dataset.
    const isChild = (field: string | undefined) => field?.startsWith("children.") === true;
    const mapped = r.list.columns.filter((c) => c.role === "mapped");
    const mappedKeys = mapped.filter((c) => !isChild(c.field)).map((c) => c.key);
    const childKeys = mapped.filter((c) => isChild(c.field)).map((c) => c.key);
    const dataRows = r.sheet.rows.slice(r.headingRow + 1);
    const heads = r.sheet.rows[r.headingRow]?.cells ?? [];
    const rows: { row: SourceRow; outcome: RowOutcome }[] = [];
    for (const raw of dataRows) {
      const values: Record<string, string> = {};
      heads.forEach((h, i) => {
        if (h !== "" && !(h in values)) values[h] = raw.cells[i] ?? "";
      });
      const row: SourceRow = { values, file: `${file.path} [${r.sheet.name}]`, line: raw.line };
      if (r.list.list !== 11) {
        const childReader = new AnnexAReader(row, headings, childKeys);
        const child = readAnnexAChild(childReader);
        if (child !== null) {
          const had = children.get(child.child_id);
          if (had === undefined) children.set(child.child_id, { row, child, warnings: childReader.warnings });
          else
            had.child = {
              child_id: had.child.child_id,
              date_of_birth: had.child.date_of_birth ?? child.date_of_birth,
              sex: had.child.sex === "U" ? child.sex : had.child.sex,
              ethnicity: had.child.ethnicity ?? child.ethnicity,
              disabled: had.child.disabled ?? child.disabled,
            };
        }
      }
      const map = annexARowMappings[r.list.list];
      if (map === undefined) continue;
      let outcome: RowOutcome = map(new AnnexAReader(row, headings, mappedKeys), context);
      const datedBy = DATED_IN_SPAN[r.list.list];
      if (datedBy !== undefined && "record" in outcome) {
        const day = outcome.record[datedBy];
        if (typeof day === "string" && (day < from || day > to)) {
          const key = r.list.columns.find((c) => c.field?.endsWith(`.${datedBy}`))?.key ?? datedBy;
          const h = headings.get(key) ?? key;
          outcome = {
            ...outcome,
            warnings: [
              ...outcome.warnings,
              {
                columns: { [h]: row.values[h] ?? "" },
                message: `${h} is outside the span the workbook covers (${from} to ${to}): kept; it replaces nothing outside the span`,
              },
            ],
          };
        }
      }
      rows.push({ row, outcome });
    }
    mappedByList.set(r.list.list, { r, rows, read: dataRows.length });
  }
  // A referral of list 3 and the episode of need list 6 lists for the same child and day are one record.
  const episodes = new Map<string, Record<string, unknown>>();
  for (const m of mappedByList.get(6)?.rows ?? [])
    if ("record" in m.outcome)
      episodes.set(String(m.outcome.record.referral_id), m.outcome.record as Record<string, unknown>);
  const merged = new Set<string>();
  for (const m of mappedByList.get(3)?.rows ?? []) {
    if (!("record" in m.outcome)) continue;
    const id = String(m.outcome.record.referral_id);
    const episode = episodes.get(id);
    if (episode === undefined) continue;
    merged.add(id);
    m.outcome = {
      ...m.outcome,
      record: {
        ...m.outcome.record,
        primary_need: episode.primary_need,
        closure_date: episode.closure_date,
        closure_reason: episode.closure_reason,
      },
    } as RowOutcome;
  }
  const byDataset = new Map<DatasetName, Record<string, unknown>[]>();
  for (const list of [...mappedByList.keys()].sort((a, b) => a - b)) {
    const { r, rows, read } = mappedByList.get(list) as {
      r: RecognisedList;
      rows: MappedRow[];
      read: number;
    };
    const present = new Set(r.sheet.rows[r.headingRow]?.cells.filter((h) => h !== "") ?? []);
    const columns: ColumnRole[] = r.list.columns.flatMap((c) => {
      const at = r.columns.get(c.key);
      if (at === undefined) return [];
      const field = c.field?.includes(".") ? c.field.split(".")[1] : c.field;
      return [
        {
          column: at.heading,
          role: c.role,
          ...(field === undefined ? {} : { field }),
          ...(c.why === undefined ? {} : { why: c.why }),
        },
      ];
    });
    const unknown = r.unknown.map((u) => ({
      column: u.heading,
      why:
        r.list.dataset === null
          ? (r.list.why ?? "")
          : `not a column of Annex A list ${list} that the import knows`,
    }));
    const identifying = r.columns.get("child_id")?.heading ?? r.list.columns[0]?.heading ?? "";
    const table = `List ${list}: ${r.list.title}`;
    if (r.list.dataset === null) {
      notImported.push({ table, why: r.list.why ?? "" });
      tables.push({
        table,
        file: `${file.path} [${r.sheet.name}]`,
        year: yearLabel,
        dataset: list === 11 ? "(none)" : "children",
        read,
        mapped: 0,
        kept_with_warning: 0,
        dropped: 0,
        warnings: [],
        drops: [],
        by_rule: [],
        columns_not_imported: [
          // The child's own columns go to the children table; the rest of the list is not imported.
          ...columns
            .filter((c) => c.role === "not_imported")
            .map((c) => ({ column: c.column, why: c.why ?? r.list.why ?? "" })),
          ...unknown,
        ],
      });
      continue;
    }
    const dataset = r.list.dataset;
    const done = finishDataset(dataset, rows, columns, new Map());
    tables.push(
      tableReport({
        table,
        file: `${file.path} [${r.sheet.name}]`,
        year: yearLabel,
        dataset,
        read,
        done,
        columns,
        present,
        unknown,
        identifying,
      }),
    );
    if (read > 0 && done.records.length === 0)
      problems.push({
        file: `${file.path} [${r.sheet.name}]`,
        message: `every row of list ${list} (${r.list.title}) was dropped: ${done.dropped[0]?.issue.message ?? ""}. Check that the sheet is this list and that its dates are dates`,
      });
    const records =
      list === 6 ? done.records.filter((x) => !merged.has(String(x.referral_id))) : done.records;
    byDataset.set(dataset, [...(byDataset.get(dataset) ?? []), ...records]);
  }
  const childRows: MappedRow[] = [...children.values()].map(({ row, child, warnings }) => ({
    row,
    outcome: {
      record: { ...child, expected_date_of_birth: null, date_of_death: null, disabilities: null },
      warnings,
    },
  }));
  if (childRows.length > 0) {
    const done = finishDataset("children", childRows, [], new Map());
    const firstList = [...found.values()].find((r) => r.columns.has("child_id"));
    tables.push(
      tableReport({
        table: "Children (every list's child columns)",
        file: file.path,
        year: yearLabel,
        dataset: "children",
        read: childRows.length,
        done,
        columns: [],
        present: new Set(),
        unknown: [],
        identifying: firstList?.columns.get("child_id")?.heading ?? "Child Unique ID",
      }),
    );
    byDataset.set("children", done.records);
  }
  for (const [dataset, records] of byDataset) {
    if (records.length === 0) continue;
    const dating = datasetSpecs[dataset].dating.kind;
    // A snapshot (care leavers) is dated on the span's last day; it covers that day.
    const cover = dating === "snapshots" ? { from: to, to } : { from, to };
    datasets.push({
      dataset,
      year: yearOfDay(to),
      write: dataset === "children" ? "merge" : "upsert",
      records,
    });
    coverage.push({ dataset, year: yearLabel, ...cover });
  }
  reports.push(fileReport());
  return finish();
}
