import type { ImportFileReport } from "@kpi/contract";
import { collectionYearLabel, yearInPath } from "../framework/collection-year.js";
import { missingColumns } from "../framework/table-mapping.js";
import { readCsvTable, type SourceRow } from "../read/csv-table.js";
import { decodeText } from "../read/decode-text.js";
import { readXmlTree, type XmlElement } from "../read/xml-tree.js";
import { knownColumns, ssda903Tables } from "./ssda903-tables.js";

/** One uploaded file: its path as the authority's folder names it, and its bytes. */
export interface ImportFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** One 903 table found in the upload, for one collection year. */
export interface FoundTable {
  readonly table: string;
  readonly file: string;
  /** The year of its 31 March, or `null` when neither the options nor the path say. */
  readonly year: number | null;
  readonly columns: readonly string[];
  readonly rows: readonly SourceRow[];
  /** Columns or XML elements of the file that no 903 table of ours knows. */
  readonly unknownColumns: readonly string[];
}

/** What {@link readSsda903Files} found: the tables, each file as read, and the whole-file problems. */
export interface Ssda903Files {
  readonly tables: FoundTable[];
  readonly files: ImportFileReport[];
  readonly problems: { file: string; message: string }[];
}

const byNameLength = ssda903Tables
  .flatMap((t) => t.names.map((name) => ({ name, table: t.mapping.table })))
  .sort((a, b) => b.name.length - a.name.length);

/** The table a file's name says it holds (`SSDA903_2020_Episodes.csv` → episodes), or `null`. */
function tableOfName(path: string): string | null {
  const base = (path.split("/").at(-1) ?? path).toLowerCase().replace(/\.[a-z0-9]+$/, "");
  for (const { name, table } of byNameLength)
    if (new RegExp(`(^|[^a-z])${name}([^a-z]|$)`).test(base)) return table;
  return null;
}

/** The table whose columns best cover a header (all its mandatory columns there), or `null`. */
function tableOfColumns(columns: readonly string[]): string | null {
  let best: { table: string; score: number } | null = null;
  for (const { mapping } of ssda903Tables) {
    const known = knownColumns(mapping);
    const cols = columns.map((c) => (c === "PL" && mapping.table === "episodes" ? "PLACE" : c));
    if (missingColumns(mapping, cols).length > 0) continue;
    const score = cols.filter((c) => known.has(c)).length / Math.max(known.size, cols.length);
    if (score >= 0.6 && (best === null || score > best.score)) best = { table: mapping.table, score };
  }
  return best?.table ?? null;
}

const XML_TABLE_OF: Readonly<Record<string, string>> = {
  AREVIEW: "reviews",
  AMISSING: "missing",
  OC2: "oc2",
  PERMANENCE: "previous_permanence",
  AD_PLACED: "placed_for_adoption",
  SW_EPISODE: "sw_episodes",
  SWEPISODE: "sw_episodes",
};
const XML_NAMES: Readonly<Record<string, string>> = { CHILDID: "CHILD", PL: "PLACE" };
const OC3_COLUMNS = ["IN_TOUCH", "ACTIV", "ACCOM"];
const AD1_COLUMNS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];
const HEADER_LEAVES = new Set([
  "CHILDID",
  "SEX",
  "DOB",
  "ETHNIC",
  "UPN",
  "MOTHER",
  "MC_DOB",
  "UASC",
  "DUC",
  ...OC3_COLUMNS,
  ...AD1_COLUMNS,
]);

function leaves(e: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of e.children) if (c.children.length === 0) out[XML_NAMES[c.name] ?? c.name] = c.text;
  return out;
}

/** The 903 XML message (root `EXPSSDA903`) as the CSV tables it holds. */
function xmlTables(
  file: string,
  root: XmlElement,
  year: number | null,
): { tables: FoundTable[]; unknown: string[] } {
  const rows = new Map<string, SourceRow[]>();
  const unknown = new Set<string>();
  const add = (table: string, values: Record<string, string>, element: string, line: number | undefined) =>
    rows.set(table, [
      ...(rows.get(table) ?? []),
      { values, file, element, ...(line === undefined ? {} : { line }) },
    ]);
  let childIndex = 0;
  for (const child of root.children) {
    if (child.name !== "CHILD") {
      unknown.add(child.name);
      continue;
    }
    childIndex += 1;
    const header = child.children.find((c) => c.name === "HEADER");
    const own = header ? leaves(header) : {};
    for (const [name] of Object.entries(header ? leaves(header) : {}))
      if (!HEADER_LEAVES.has(name) && !HEADER_LEAVES.has(name === "CHILD" ? "CHILDID" : name))
        unknown.add(name);
    const id = own.CHILD ?? "";
    const base = `CHILD[${childIndex}]`;
    const line = header?.line ?? child.line;
    const pick = (cols: readonly string[]) => Object.fromEntries(cols.map((c) => [c, own[c] ?? ""]));
    add(
      "header",
      pick(["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "UASC", "DUC"]),
      `${base}/HEADER`,
      line,
    );
    if (own.UASC === "1" || (own.DUC ?? "") !== "")
      add("uasc", pick(["CHILD", "SEX", "DOB", "DUC"]), `${base}/HEADER`, line);
    if (OC3_COLUMNS.some((c) => (own[c] ?? "") !== ""))
      add("oc3", pick(["CHILD", "DOB", ...OC3_COLUMNS]), `${base}/HEADER`, line);
    if (AD1_COLUMNS.some((c) => (own[c] ?? "") !== ""))
      add("ad1", pick(["CHILD", "DOB", ...AD1_COLUMNS]), `${base}/HEADER`, line);
    const counts = new Map<string, number>();
    const nested = [...(header?.children ?? []), ...child.children.filter((c) => c.name !== "HEADER")];
    for (const e of nested) {
      if (e.children.length === 0) continue;
      const table = e.name === "EPISODE" ? "episodes" : XML_TABLE_OF[e.name];
      if (table === undefined) {
        unknown.add(e.name);
        continue;
      }
      const n = (counts.get(e.name) ?? 0) + 1;
      counts.set(e.name, n);
      const where = e.name === "EPISODE" ? `${base}/EPISODE[${n}]` : `${base}/HEADER/${e.name}[${n}]`;
      add(table, { CHILD: id, DOB: own.DOB ?? "", ...leaves(e) }, where, e.line);
    }
  }
  const tables: FoundTable[] = [];
  for (const { mapping } of ssda903Tables) {
    const list = rows.get(mapping.table);
    if (list === undefined) continue;
    tables.push({
      table: mapping.table,
      file,
      year,
      columns: mapping.columns.map((c) => c.column),
      rows: list,
      unknownColumns: [],
    });
  }
  return { tables, unknown: [...unknown] };
}

/**
 * Find the 903 tables in an upload: CSV tables recognised by the name councils give the file (any
 * case, with year or authority prefixes: `SSDA903_2020_episodes.csv`) or else by their columns, and
 * the XML message (`EXPSSDA903`) split into the same tables. Each file is decoded (encoding detected and
 * reported), read (CSV delimiter detected) and given its collection year: `year` when given, else the
 * year its folder or name states. A file that cannot be decoded or read, has an unknown layout, lacks
 * a mandatory column, or holds the XML element name `PL` where the CSV has `PLACE`, is a whole-file
 * problem saying what to do; a table given twice for one year too.
 *
 * @param files - the uploaded files
 * @param year - the collection year for every file (the year of its 31 March), or `undefined`
 * @returns the tables, the file reports and the problems
 * @example
 * ```ts
 * const found = readSsda903Files([{ path: "2018/uasc.csv", bytes: new TextEncoder().encode("CHILD,SEX,DOB,DUC\n1,1,01/01/2005,01/01/2023\n") }], undefined);
 * found.tables[0]?.year; // 2018
 * found.files[0]?.encoding; // "UTF-8"
 * ```
 */
export function readSsda903Files(files: readonly ImportFile[], year: number | undefined): Ssda903Files {
  const tables: FoundTable[] = [];
  const reports: ImportFileReport[] = [];
  const problems: { file: string; message: string }[] = [];
  for (const f of files) {
    const fileYear = year ?? yearInPath(f.path);
    const yearLabel = fileYear === null ? undefined : collectionYearLabel(fileYear);
    const decoded = decodeText(f.bytes);
    const isXml = /\.xml$/i.test(f.path) || (decoded.ok && decoded.text.trimStart().startsWith("<"));
    const format = isXml ? "xml" : /\.(csv|txt)$/i.test(f.path) || decoded.ok ? "csv" : "unknown";
    const fail = (problem: string, extra: Partial<ImportFileReport> = {}) => {
      problems.push({ file: f.path, message: problem });
      reports.push({
        file: f.path,
        format,
        tables: [],
        ...(yearLabel ? { year: yearLabel } : {}),
        ...extra,
        problem,
      });
    };
    if (!decoded.ok) {
      fail(`cannot be read: ${decoded.problem}`);
      continue;
    }
    const encoding = decoded.encoding;
    if (isXml) {
      const tree = readXmlTree(decoded.text);
      if (!tree.ok) {
        fail(`cannot be read: ${tree.problem}`, { encoding });
        continue;
      }
      if (tree.root.name !== "EXPSSDA903") {
        fail(`is not an SSDA903 XML message (its root element is <${tree.root.name}>, not <EXPSSDA903>)`, {
          encoding,
        });
        continue;
      }
      const found = xmlTables(f.path, tree.root, fileYear);
      tables.push(
        ...found.tables.map((t) => ({ ...t, unknownColumns: t.table === "header" ? found.unknown : [] })),
      );
      reports.push({
        file: f.path,
        format,
        encoding,
        tables: found.tables.map((t) => t.table),
        ...(yearLabel ? { year: yearLabel } : {}),
      });
      continue;
    }
    const csv = readCsvTable(f.path, decoded.text);
    if (!csv.ok) {
      fail(`cannot be read: ${csv.problem}`, { encoding });
      continue;
    }
    const report = { encoding, delimiter: csv.delimiter };
    const table = tableOfName(f.path) ?? tableOfColumns(csv.columns);
    const mapping = ssda903Tables.find((t) => t.mapping.table === table)?.mapping;
    if (mapping === undefined) {
      fail(
        `is not a 903 table: neither its name nor its columns (${csv.columns.slice(0, 8).join(", ")}${csv.columns.length > 8 ? ", …" : ""}) match one; name it after its table (header, episodes, reviews, uasc, oc2, oc3, ad1, placed_for_adoption, previous_permanence, missing, sw_episodes)`,
        report,
      );
      continue;
    }
    if (mapping.table === "episodes" && csv.columns.includes("PL") && !csv.columns.includes("PLACE")) {
      fail(
        "has a column PL, the XML element's name: in the CSV table the column is PLACE. Rename the column PL to PLACE",
        {
          ...report,
          tables: [mapping.table],
        },
      );
      continue;
    }
    const missing = missingColumns(mapping, csv.columns);
    if (missing.length > 0) {
      fail(
        `is the 903 ${mapping.table} table but has no column ${missing.join(", ")}: export the table with every column of the return (${mapping.columns
          .filter((c) => c.mandatory)
          .map((c) => c.column)
          .join(", ")})`,
        { ...report, tables: [mapping.table] },
      );
      continue;
    }
    const known = knownColumns(mapping);
    tables.push({
      table: mapping.table,
      file: f.path,
      year: fileYear,
      columns: csv.columns,
      rows: csv.rows,
      unknownColumns: csv.columns.filter((c) => !known.has(c)),
    });
    reports.push({
      file: f.path,
      format,
      ...report,
      tables: [mapping.table],
      ...(yearLabel ? { year: yearLabel } : {}),
    });
  }
  const seen = new Map<string, string>();
  for (const t of tables) {
    const key = `${t.year}|${t.table}`;
    const first = seen.get(key);
    if (first !== undefined && first !== t.file)
      problems.push({
        file: t.file,
        message: `holds the ${t.table} table${t.year === null ? "" : ` of ${collectionYearLabel(t.year)}`} that ${first} holds too: import one of them (a folder with several years needs a sub-folder or name prefix per year)`,
      });
    else seen.set(key, t.file);
  }
  return { tables, files: reports, problems };
}
