import type { ImportFileReport, ImportTableReport } from "@kpi/contract";
import { type CensusHeader, censusHeader, notTheCensus } from "../framework/census-header.js";
import {
  collectionYearLabel,
  collectionYearRange,
  collectionYearSpan,
  yearInPath,
} from "../framework/collection-year.js";
import { finishDataset, type MappedRow } from "../framework/finish-dataset.js";
import {
  type FileProblem,
  type ImportedDataset,
  type ImportOptions,
  importOutcome,
  type MappedImport,
  tableReport,
} from "../framework/import-report.js";
import { statutoryDate } from "../framework/row-reader.js";
import { decodeText } from "../read/decode-text.js";
import { readXmlTree } from "../read/xml-tree.js";
import type { ImportFile } from "../ssda903/read-ssda903-files.js";
import type { CinContext } from "./cin-context.js";
import { type CinTableName, readCinMessage } from "./cin-message.js";
import { cinTables } from "./cin-tables.js";

/** The tables whose every row dropped makes the file unusable (nothing of it can be counted). */
const WHOLE_FILE_TABLES: ReadonlySet<CinTableName> = new Set(["Child", "CINdetails"]);

const known = new Map(cinTables.map((t) => [t.table, new Set(t.columns.map((c) => c.column))]));

/**
 * The collection year of a CIN census message: the year its `<ReferenceDate>` (the census's 31 March)
 * states; when that is not a 31 March, the year given, else the year its path names. A year given that
 * contradicts the ReferenceDate is a whole-file problem (importing a census replaces what its year
 * covers, so the year must not be in doubt), and so is a year nobody states.
 *
 * @param header - the message's header
 * @param given - the year given for every file, if any
 * @param path - the file's path (a folder or name may state the year)
 * @returns the year, or the problem
 * @example
 * ```ts
 * cinCensusYear({ collection: "CIN", year: "2023", referenceDate: "2024-03-31" }, undefined, "cin.xml"); // { ok: true, year: 2024 }
 * cinCensusYear({ collection: "CIN", year: "2023", referenceDate: "2024-03-31" }, 2026, "cin.xml").ok; // false
 * ```
 */
export function cinCensusYear(
  header: CensusHeader,
  given: number | undefined,
  path: string,
): { ok: true; year: number } | { ok: false; problem: string } {
  const text = (header.referenceDate ?? "").trim();
  const reference = statutoryDate(text);
  const stated =
    reference.ok && reference.value?.endsWith("-03-31") ? Number(reference.value.slice(0, 4)) : null;
  const year = given ?? stated ?? yearInPath(path);
  if (given !== undefined && stated !== null && stated !== given)
    return {
      ok: false,
      problem: `its <ReferenceDate> ${text} is the 31 March of the ${collectionYearLabel(stated)} census, not ${collectionYearLabel(given)} as the year given says: import it as ${collectionYearLabel(stated)}, or correct its header`,
    };
  if (year === null) {
    const why = text === "" ? "has no <ReferenceDate>" : `its <ReferenceDate> ${text} is not a 31 March`;
    return {
      ok: false,
      problem: `${why}, so it does not say which collection year it is: give the year (--year 2024 or 2023-24, the year of the census's 31 March)`,
    };
  }
  if (year < collectionYearRange.first || year > collectionYearRange.last) {
    const range = `${collectionYearLabel(collectionYearRange.first)} to ${collectionYearLabel(collectionYearRange.last)}`;
    return {
      ok: false,
      problem: `is the ${collectionYearLabel(year)} census; the CIN census code lists here run from ${range}`,
    };
  }
  return { ok: true, year };
}

/**
 * Import CIN census messages, faithfully: every module (children and their characteristics, episodes of
 * need with closures and primary need, assessments and their factors — the factors naming a
 * vulnerability also as vulnerability flags — CIN plans, section 47 enquiries, CP plans and their review
 * dates, the 2025-26 pre-proceedings), each collection year with its code lists. A value breaking a DfE
 * rule is kept whenever what it feeds can still be counted, with a warning naming the element and the
 * rule; only elements that cannot be interpreted are dropped, and their dependants with them (a dropped
 * referral's assessments and plans, said so). A file that is not a CIN census message, is not
 * well-formed, states a year that contradicts the one given or states none, holds no child, or whose
 * every child or episode is dropped is a whole-file problem: the outcome is `failed` and nothing is to
 * be written; so with `strict` and any drop. Pure: the caller writes the records.
 *
 * @param files - the uploaded messages
 * @param options - year, strict, dry run and the record-id function
 * @returns the report and the records per dataset and year (children first)
 * @example
 * ```ts
 * const xml = "<Message><Header><CollectionDetails><Collection>CIN</Collection><ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails></Header><Children><Child><ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2015-03-27</PersonBirthDate><GenderCurrent>2</GenderCurrent></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics><CINdetails><CINreferralDate>2023-10-06</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N4</PrimaryNeedCode><ReferralNFA>false</ReferralNFA></CINdetails></Child></Children></Message>";
 * const { report, datasets } = importCinCensus([{ path: "cin.xml", bytes: new TextEncoder().encode(xml) }], { recordId: (p, parts) => `${p}-${parts.join("-")}` });
 * report.outcome; // "clean"
 * datasets.map((d) => d.dataset); // ["children", "referrals"]
 * ```
 */
export function importCinCensus(files: readonly ImportFile[], options: ImportOptions): MappedImport {
  const problems: FileProblem[] = [];
  const reports: ImportFileReport[] = [];
  const tables: ImportTableReport[] = [];
  const datasets: ImportedDataset[] = [];
  const years = new Map<number, string>();
  if (files.length === 0) problems.push({ file: "(no file)", message: "holds no CIN census message" });
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
    const encoding = decoded.encoding;
    const tree = readXmlTree(decoded.text);
    if (!tree.ok) {
      fail(
        `cannot be read: ${tree.problem}. The CIN census is an XML message; export it again from the case system`,
        { encoding },
      );
      continue;
    }
    const header = censusHeader(tree.root);
    const notCin = notTheCensus(tree.root, header, "CIN");
    if (notCin !== null) {
      fail(notCin, { encoding });
      continue;
    }
    if (!tree.root.children.some((c) => c.name === "Children")) {
      fail("is a <Message> without <Children>: it is not a CIN census message", { encoding });
      continue;
    }
    const found = cinCensusYear(header, options.year, f.path);
    if (!found.ok) {
      fail(found.problem, { encoding });
      continue;
    }
    const { year } = found;
    const yearLabel = collectionYearLabel(year);
    const first = years.get(year);
    if (first !== undefined) {
      fail(
        `is the ${yearLabel} census, as ${first} is: import one of them (a corrected census replaces the earlier one)`,
        {
          encoding,
          year: yearLabel,
        },
      );
      continue;
    }
    years.set(year, f.path);
    const message = readCinMessage(f.path, tree.root, tree.invalidReferences, known);
    if (message.children === 0) {
      fail("holds no <Child>: there is nothing to import", { encoding, year: yearLabel });
      continue;
    }
    const span = collectionYearSpan(year);
    const context: CinContext = {
      year,
      yearLabel,
      census: { start: span.from, end: span.to },
      recordId: options.recordId,
      planStarts: (childPath) => message.planStarts.get(childPath) ?? new Set(),
      spoilt: (row) => message.spoilt.get(row) ?? new Map(),
    };
    const droppedParents = new Map<string, ReadonlyMap<string, string>>();
    const mappedTables: string[] = [];
    for (const mapping of cinTables) {
      const rows = message.rows.get(mapping.table) ?? [];
      if (rows.length === 0 && !WHOLE_FILE_TABLES.has(mapping.table)) continue;
      const mapped: MappedRow[] = rows.map((row) => ({ row, outcome: mapping.map(row, context) }));
      const done = finishDataset(mapping.dataset, mapped, mapping.columns, droppedParents);
      const keyOf = new Map(mapped.map((m) => [m.row, m.outcome.key]));
      const where = new Map<string, string>();
      for (const d of done.dropped) {
        const key = keyOf.get(d.row);
        if (key !== undefined)
          where.set(key, `${d.row.file}${d.row.line === undefined ? "" : `:${d.row.line}`}`);
      }
      droppedParents.set(mapping.table, where);
      const report = tableReport({
        table: mapping.table,
        file: f.path,
        year: yearLabel,
        dataset: mapping.dataset,
        read: rows.length,
        done,
        columns: mapping.columns,
        present: message.present.get(mapping.table) ?? new Set(),
        unknown: [...(message.unknown.get(mapping.table) ?? [])].map((column) => ({
          column,
          why: `not an element of the CIN census's <${mapping.table}>`,
        })),
        identifying: "LAchildID",
      });
      tables.push(report);
      mappedTables.push(mapping.table);
      if (WHOLE_FILE_TABLES.has(mapping.table) && rows.length > 0 && done.records.length === 0)
        problems.push({
          file: f.path,
          message: `every <${mapping.table}> (${yearLabel}) was dropped: ${report.drops[0]?.message ?? ""}. Check that the file is the authority's CIN census message and that its dates are YYYY-MM-DD`,
        });
      if (done.records.length > 0)
        datasets.push({ dataset: mapping.dataset, year, write: mapping.write, records: done.records });
    }
    reports.push({ file: f.path, format: "xml", encoding, tables: mappedTables, year: yearLabel });
  }
  return importOutcome({
    kind: "cin-census",
    problems,
    files: reports,
    tables,
    datasets,
    strict: options.strict === true,
    dryRun: options.dryRun === true,
    coverage: datasets.map((d) => ({
      dataset: d.dataset,
      year: collectionYearLabel(d.year),
      ...collectionYearSpan(d.year),
    })),
  });
}
