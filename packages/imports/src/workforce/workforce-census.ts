import type { ImportFileReport, ImportTableReport } from "@kpi/contract";
import { censusHeader, notTheCensus } from "../framework/census-header.js";
import { yearInPath } from "../framework/collection-year.js";
import { finishDataset, type MappedRow } from "../framework/finish-dataset.js";
import {
  type FileProblem,
  type ImportedDataset,
  type ImportOptions,
  importOutcome,
  type MappedImport,
  tableReport,
} from "../framework/import-report.js";
import { RowReader, statutoryDate } from "../framework/row-reader.js";
import { type ColumnRole, rowOutcome, type TableMapping } from "../framework/table-mapping.js";
import { everyYear, readYearCode, type YearCode } from "../framework/year-codes.js";
import type { SourceRow } from "../read/csv-table.js";
import { decodeText } from "../read/decode-text.js";
import { readXmlTree } from "../read/xml-tree.js";
import type { ImportFile } from "../ssda903/read-ssda903-files.js";

/** What the workforce census's row mapping is given: the census date and its year. */
export interface WorkforceContext {
  /** The census date, 30 September (ISO). */
  readonly censusDate: string;
  /** The year of the census date. */
  readonly year: number;
  /** The census's label, `2022` for the year ending 30 September 2022. */
  readonly yearLabel: string;
}

/**
 * The workforce census's code lists (the 2021-22 schema, `../shared/data/workforce-census/schemas/`):
 * `OrgRole` 1 senior manager, 2 middle manager, 3 first line manager, 4 senior practitioner, 5 case
 * holder, 6 qualified without cases; `AgencyWorker` 0/1.
 *
 * @example
 * ```ts
 * workforceCodes.OrgRole.length; // 6
 * ```
 */
export const workforceCodes = {
  OrgRole: everyYear("1", "2", "3", "4", "5", "6"),
  YesNo: everyYear("0", "1"),
} as const satisfies Record<string, readonly YearCode[]>;

/** `OrgRole` → the workforce dataset's role (case holders and senior practitioners hold cases). */
const ROLE_OF: Readonly<Record<string, string>> = {
  "1": "senior_manager",
  "2": "service_manager",
  "3": "team_manager",
  "4": "senior_practitioner",
  "5": "social_worker",
  "6": "qualified_without_cases",
};

const notImported = (column: string, why: string): ColumnRole => ({ column, role: "not_imported", why });
const ABOUT_THE_WORKER = "the worker's personal characteristics have no place in the contract";

/** `<CSWWWorker>` → `workforce`, one snapshot per worker at the census date (30 September). */
export const workerMapping: TableMapping<WorkforceContext> = {
  table: "CSWWWorker",
  dataset: "workforce",
  write: "upsert",
  columns: [
    { column: "AgencyWorker", role: "mapped", field: "agency", mandatory: true },
    { column: "SWENo", role: "mapped", field: "worker_id", mandatory: true },
    { column: "FTE", role: "mapped", field: "fte" },
    notImported("PersonBirthDate", ABOUT_THE_WORKER),
    notImported("GenderCurrent", ABOUT_THE_WORKER),
    notImported("Ethnicity", ABOUT_THE_WORKER),
    notImported("QualInst", "the worker's qualification has no place in the contract"),
    notImported("QualLevel", "the worker's qualification has no place in the contract"),
    notImported("StepUpGrad", "the worker's route into social work has no place in the contract"),
    { column: "OrgRole", role: "mapped", field: "role" },
    { column: "RoleStartDate", role: "mapped", field: "start_date" },
    notImported("StartOrigin", "where a starter came from has no place in the contract"),
    { column: "RoleEndDate", role: "mapped", field: "leaving_date" },
    notImported("LeaverDestination", "where a leaver went has no place in the contract"),
    notImported("ReasonLeave", "why a worker left has no place in the contract yet"),
    notImported(
      "FTE30",
      "FTE gives the worker's full-time equivalent; the samples fill FTE30 for leavers too, and its meaning beside FTE is not in the public specification here",
    ),
    { column: "Cases30", role: "mapped", field: "caseload" },
    notImported("WorkingDaysLost", "absence has no place in the contract"),
    notImported("ContractWeeks", "an agency worker's weeks worked have no place in the contract"),
    notImported("FrontlineGrad", "the worker's route into social work has no place in the contract"),
    notImported("Absat30Sept", "absence has no place in the contract"),
    notImported("ReasonAbsence", "absence has no place in the contract"),
    notImported(
      "CFKSSstatus",
      "the worker's knowledge and skills statement status has no place in the contract",
    ),
  ],
  map(row, context) {
    const r = new RowReader(row, { dateFormat: "YYYY-MM-DD" });
    const year = { year: context.year, yearLabel: context.yearLabel };
    const id = r.required("SWENo", "the worker's Social Work England number");
    const agency = readYearCode(r, year, "AgencyWorker", workforceCodes.YesNo, "workforce census", {
      required: true,
      dropUnknown: true,
      what: "whether the worker is agency staff",
    });
    const fteText = r.cell("FTE");
    const fte = fteText === "" ? Number.NaN : Number(fteText);
    if (fteText === "")
      r.fail(["FTE"], "FTE is empty: the row cannot be read without the worker's full-time equivalent");
    else if (!Number.isFinite(fte) || fte < 0 || fte > 1.5)
      r.fail(
        ["FTE"],
        `FTE '${fteText}' is not a full-time equivalent from 0 to 1: the row cannot be read without it`,
      );
    const roleCode = readYearCode(r, year, "OrgRole", workforceCodes.OrgRole, "workforce census", {
      what: "the role",
    });
    if (r.cell("OrgRole") === "")
      r.warn(
        ["OrgRole"],
        "OrgRole is empty: role not recorded; the worker counts in the DfE turnover and head counts, not in the case-holding measures",
      );
    const start = r.date("RoleStartDate", { what: "the date the worker started in the role" });
    if (start !== null && start > context.censusDate)
      r.warn(["RoleStartDate"], `RoleStartDate is after the census date, ${context.censusDate}: kept`);
    const end = r.date("RoleEndDate", {
      dropInvalid: true,
      what: "the date the worker left the role, which says whether they are in post",
    });
    const yearStart = `${context.year - 1}-10-01`;
    if (end !== null && end < yearStart)
      r.warn(
        ["RoleEndDate"],
        `RoleEndDate is before the census year, which starts on ${yearStart}: kept; the worker left before the year`,
      );
    if (end !== null && end > context.censusDate)
      r.warn(
        ["RoleEndDate"],
        `RoleEndDate is after the census date, ${context.censusDate}: kept; the worker counts as in post on it`,
      );
    const casesText = r.cell("Cases30");
    const cases = /^\d+$/.test(casesText) ? Number(casesText) : null;
    if (casesText !== "" && cases === null)
      r.warn(["Cases30"], `Cases30 '${casesText}' is not a whole number: caseload left empty`);
    return rowOutcome(r, {
      worker_id: id,
      as_at_date: context.censusDate,
      role: roleCode === null ? null : (ROLE_OF[roleCode] ?? null),
      agency: agency === "1",
      fte: Number.isFinite(fte) ? fte : 0,
      caseload: cases,
      team: null,
      start_date: start,
      leaving_date: end,
    });
  },
};

/**
 * The workforce census's elements outside `<CSWWWorker>` and what becomes of each (for the report and the docs).
 *
 * @example
 * ```ts
 * workforceMessageElements.find((e) => e.column === "ReferenceDate")?.role; // "check"
 * ```
 */
export const workforceMessageElements: readonly ColumnRole[] = [
  { column: "Collection", role: "check", why: "must be CSWW: another collection's message is refused" },
  { column: "Year", role: "check", why: "not used: the census date is read from ReferenceDate" },
  {
    column: "ReferenceDate",
    role: "check",
    why: "the census date (30 September): every worker's snapshot is dated on it",
  },
  { column: "SourceLevel", role: "not_imported", why: "always L (local authority)" },
  {
    column: "LEA",
    role: "not_imported",
    why: "the authority's code: the import writes to the organisation of the token",
  },
  { column: "SoftwareCode", role: "not_imported", why: "the software that wrote the message" },
  { column: "DateTime", role: "not_imported", why: "when the message was written" },
  {
    column: "NumberOfVacancies",
    role: "not_imported",
    why: "the authority's vacancies (LALevelVacancies) have no dataset yet",
  },
  {
    column: "NoAgencyFTE",
    role: "not_imported",
    why: "the agency FTE covering vacancies (LALevelVacancies) has no dataset yet",
  },
  {
    column: "NoAgencyHeadcount",
    role: "not_imported",
    why: "the agency head count covering vacancies (LALevelVacancies) has no dataset yet",
  },
];

/**
 * The census date of a workforce census message: its `<ReferenceDate>` (30 September); when absent,
 * 30 September of the year given or named by the file's path. A year given that contradicts the
 * ReferenceDate, or no date at all, is a whole-file problem.
 *
 * @param referenceDate - the header's ReferenceDate as written
 * @param given - the year given (of the census date, or a collection year such as 2021-22), if any
 * @param path - the file's path
 * @returns the census date, or the problem
 * @example
 * ```ts
 * workforceCensusDate("2022-09-30", undefined, "csww.xml"); // { ok: true, date: "2022-09-30" }
 * workforceCensusDate(null, 2022, "csww.xml"); // { ok: true, date: "2022-09-30" }
 * ```
 */
export function workforceCensusDate(
  referenceDate: string | null,
  given: number | undefined,
  path: string,
): { ok: true; date: string } | { ok: false; problem: string } {
  const text = (referenceDate ?? "").trim();
  const d = statutoryDate(text);
  const stated = d.ok ? d.value : null;
  if (stated !== null) {
    if (given !== undefined && Number(stated.slice(0, 4)) !== given)
      return {
        ok: false,
        problem: `its <ReferenceDate> ${stated} is the census of ${stated.slice(0, 4)}, not ${given} as the year given says: import it as ${stated.slice(0, 4)}, or correct its header`,
      };
    return { ok: true, date: stated };
  }
  const year = given ?? yearInPath(path);
  if (year === null)
    return {
      ok: false,
      problem: `${text === "" ? "has no <ReferenceDate>" : `its <ReferenceDate> '${text}' is not a date`}, so it does not say which census it is: give the year (--year 2022 for the census of 30 September 2022)`,
    };
  return { ok: true, date: `${year}-09-30` };
}

/**
 * Import children's social work workforce census messages (`<Message>` with `<CSWWWorker>`s): each
 * worker becomes a `workforce` snapshot dated on the census date (30 September) with their role, agency
 * status, FTE, caseload at 30 September and the dates they started and left the role, so turnover is
 * computed from role dates. A file that is not the workforce census, states no census date, or whose
 * every worker is dropped is a whole-file problem (`failed`, nothing written); so with `strict` and any
 * drop. The coverage is the census date.
 *
 * @param files - the uploaded messages
 * @param options - year, strict, dry run (the workforce census needs no generated ids)
 * @returns the report and the records
 * @example
 * ```ts
 * const xml = "<Message><Header><CollectionDetails><Collection>CSWW</Collection><ReferenceDate>2022-09-30</ReferenceDate></CollectionDetails></Header><LALevelVacancies><NumberOfVacancies>1.00</NumberOfVacancies><NoAgencyFTE>1.00</NoAgencyFTE><NoAgencyHeadcount>1</NoAgencyHeadcount></LALevelVacancies><CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>AB1234567890</SWENo><FTE>1.000000</FTE><OrgRole>5</OrgRole><RoleStartDate>2020-01-06</RoleStartDate><Cases30>18</Cases30></CSWWWorker></Message>";
 * const { report, datasets } = importWorkforceCensus([{ path: "csww.xml", bytes: new TextEncoder().encode(xml) }], { recordId: () => "" });
 * report.coverage; // [{ dataset: "workforce", year: "2022", from: "2022-09-30", to: "2022-09-30" }]
 * datasets[0]?.records[0]?.role; // "social_worker"
 * ```
 */
export function importWorkforceCensus(files: readonly ImportFile[], options: ImportOptions): MappedImport {
  const problems: FileProblem[] = [];
  const reports: ImportFileReport[] = [];
  const tables: ImportTableReport[] = [];
  const datasets: ImportedDataset[] = [];
  const coverage: { dataset: string; year: string; from: string; to: string }[] = [];
  const dates = new Map<string, string>();
  const known = new Set(workerMapping.columns.map((c) => c.column));
  const outside = new Set(["Header", "LALevelVacancies", "CSWWWorker"]);
  if (files.length === 0) problems.push({ file: "(no file)", message: "holds no workforce census message" });
  for (const f of files) {
    const fail = (problem: string, extra: Partial<ImportFileReport> = {}) => {
      problems.push({ file: f.path, message: problem });
      reports.push({ file: f.path, format: "xml", tables: [], ...extra, problem });
    };
    const decoded = decodeText(f.bytes);
    if (!decoded.ok) {
      fail(`cannot be read: ${decoded.problem}`, { format: "unknown" });
      continue;
    }
    const { encoding } = decoded;
    const tree = readXmlTree(decoded.text);
    if (!tree.ok) {
      fail(`cannot be read: ${tree.problem}. The workforce census is an XML message; export it again`, {
        encoding,
      });
      continue;
    }
    const header = censusHeader(tree.root);
    const notCsww = notTheCensus(tree.root, header, "CSWW");
    if (notCsww !== null) {
      fail(notCsww, { encoding });
      continue;
    }
    const found = workforceCensusDate(header.referenceDate, options.year, f.path);
    if (!found.ok) {
      fail(found.problem, { encoding });
      continue;
    }
    const censusDate = found.date;
    const yearLabel = censusDate.slice(0, 4);
    const first = dates.get(censusDate);
    if (first !== undefined) {
      fail(
        `is the census of ${censusDate}, as ${first} is: import one of them (a corrected census replaces the earlier one)`,
        {
          encoding,
          year: yearLabel,
        },
      );
      continue;
    }
    dates.set(censusDate, f.path);
    const workers = tree.root.children.filter((c) => c.name === "CSWWWorker");
    if (workers.length === 0) {
      fail("holds no <CSWWWorker>: there is nothing to import", { encoding, year: yearLabel });
      continue;
    }
    const unknown = new Set(tree.root.children.filter((c) => !outside.has(c.name)).map((c) => c.name));
    const present = new Set<string>();
    const rows: SourceRow[] = workers.map((w, i) => {
      const values: Record<string, string> = {};
      for (const leaf of w.children) {
        if (leaf.children.length > 0 || !known.has(leaf.name)) unknown.add(leaf.name);
        if (leaf.children.length === 0 && !(leaf.name in values)) values[leaf.name] = leaf.text;
        present.add(leaf.name);
      }
      return {
        values,
        file: f.path,
        element: `CSWWWorker[${i + 1}]`,
        ...(w.line === undefined ? {} : { line: w.line }),
      };
    });
    const context: WorkforceContext = { censusDate, year: Number(yearLabel), yearLabel };
    const mapped: MappedRow[] = rows.map((row) => ({ row, outcome: workerMapping.map(row, context) }));
    const done = finishDataset("workforce", mapped, workerMapping.columns, new Map());
    const report = tableReport({
      table: "CSWWWorker",
      file: f.path,
      year: yearLabel,
      dataset: "workforce",
      read: rows.length,
      done,
      columns: workerMapping.columns,
      present,
      unknown: [...unknown].map((column) => ({ column, why: "not an element of the workforce census" })),
      identifying: "SWENo",
    });
    tables.push(report);
    reports.push({ file: f.path, format: "xml", encoding, tables: ["CSWWWorker"], year: yearLabel });
    if (done.records.length === 0)
      problems.push({
        file: f.path,
        message: `every <CSWWWorker> was dropped: ${report.drops[0]?.message ?? ""}. Check that the file is the authority's workforce census message`,
      });
    else {
      datasets.push({ dataset: "workforce", year: context.year, write: "upsert", records: done.records });
      coverage.push({ dataset: "workforce", year: yearLabel, from: censusDate, to: censusDate });
    }
  }
  return importOutcome({
    kind: "workforce-census",
    problems,
    files: reports,
    tables,
    datasets,
    strict: options.strict === true,
    dryRun: options.dryRun === true,
    coverage,
  });
}
