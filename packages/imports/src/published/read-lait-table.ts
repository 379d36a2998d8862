import { type PublishedSource, publishedSources } from "@kpi/catalogue";
import { parquetMetadata, parquetReadObjects, parquetSchema } from "hyparquet";
import { readPublishedCell } from "./published-cell.js";
import { type PublishedFigures, publishedPeriod } from "./published-figures.js";
import type { PublishedIssue } from "./read-ees-file.js";

/** The columns of LAIT's long table (`bds_long_0.parquet`). */
export const laitColumns = ["Short Desc", "Years", "LA and Regions", "Values", "LA Number"] as const;

/** LAIT's codes for England and the regions (its `LA Number`), and the regions' ONS codes. */
export const laitGeographies: Readonly<Record<number, string>> = {
  970: "england",
  980: "E12000001",
  981: "E12000002",
  982: "E12000003",
  983: "E12000004",
  984: "E12000005",
  985: "E12000006",
  986: "E12000007",
  989: "E12000008",
  990: "E12000009",
};

/** What LAIT's long table gave: figures per mapped measure and year. */
export type LaitRead =
  | {
      readonly ok: true;
      readonly figures: PublishedFigures[];
      readonly measures: string[];
      readonly rows: number;
      readonly issues: PublishedIssue[];
    }
  | { readonly ok: false; readonly problem: string };

type LaitSource = Extract<PublishedSource, { kind: "lait" }>;

/**
 * Read LAIT's long table (one row per measure, year and area: `Short Desc, Data item, Years,
 * LA and Regions, Values, LA Number, Region`) with hyparquet, keeping the measures the catalogue maps
 * (`publishedSources` of kind `lait`) in the years LAIT labels plainly (`2025`: the year ending
 * 31 March 2025); LAIT's `-` is kept as a status. `970` is England, `980`–`990` the regions (London's
 * inner and outer halves, 987 and 988, are not regions). A file that is not Parquet, or lacks a column,
 * is a whole-file problem.
 *
 * @param file - the file's name, for messages
 * @param bytes - the file's content
 * @param measureNames - LAIT's names of its measures (`Measure_short` → `Measure`, from its data
 *   dictionary), to name the publication more exactly; empty when the dictionary was not given
 * @returns the figures, or the problem
 * @example
 * ```ts
 * readLaitTable("bds_long_0.parquet", new Uint8Array(8), new Map()); // a promise of { ok: false, problem: "… not a Parquet file …" }
 * ```
 */
export async function readLaitTable(
  file: string,
  bytes: Uint8Array,
  measureNames: ReadonlyMap<string, string>,
): Promise<LaitRead> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let names: string[];
  try {
    names = parquetSchema(parquetMetadata(buffer)).children.map((c) => c.element.name);
  } catch (error) {
    return {
      ok: false,
      problem: `${file}: not a Parquet file (${error instanceof Error ? error.message : String(error)}); expected LAIT's long table bds_long_0.parquet`,
    };
  }
  const missing = laitColumns.filter((c) => !names.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      problem: `${file}: not LAIT's long table: it has no column ${missing.join(", ")} (expected ${laitColumns.join(", ")})`,
    };
  const sources = new Map<string, LaitSource>();
  for (const s of publishedSources) if (s.kind === "lait") sources.set(s.shortDesc, s);
  const rows = (await parquetReadObjects({ file: buffer, columns: [...laitColumns] })) as Record<
    string,
    unknown
  >[];
  const byKey = new Map<string, PublishedFigures>();
  const issues: PublishedIssue[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    const source = sources.get(String(row["Short Desc"]));
    if (source === undefined) continue;
    const yearText = String(row.Years ?? "");
    if (!/^\d{4}$/.test(yearText)) continue; // provisional, revised and multi-year labels are not yearly figures
    const code = Number(row["LA Number"]);
    if (!Number.isInteger(code)) continue;
    const cell = readPublishedCell(
      row.Values === null || row.Values === undefined ? null : String(row.Values),
    );
    if (cell === undefined) {
      issues.push({
        file,
        line: i + 1,
        column: "Values",
        message: `'${String(row.Values)}' is neither a figure nor LAIT's '-'`,
      });
      continue;
    }
    if (cell === null) continue;
    const year = Number(yearText);
    const period = publishedPeriod(source.period, year);
    const key = `${source.shortDesc}|${period}`;
    let figures = byKey.get(key);
    if (figures === undefined) {
      const measure = measureNames.get(source.shortDesc);
      figures = {
        source,
        period,
        publicationYear: year,
        publication: measure === undefined ? source.publication : `${source.publication}: ${measure}`,
        england: undefined,
        regions: new Map(),
        authorities: new Map(),
      };
      byKey.set(key, figures);
    }
    const geography = laitGeographies[code];
    if (geography === "england") figures.england = cell;
    else if (geography !== undefined) figures.regions.set(geography, cell);
    else if (code >= 200 && code < 970)
      figures.authorities.set(String(code), {
        name: String(row["LA and Regions"] ?? code),
        cell,
        key: String(code),
      });
  }
  return {
    ok: true,
    figures: [...byKey.values()],
    measures: [...sources.values()].map((s) => s.indicatorId),
    rows: rows.length,
    issues,
  };
}

/**
 * LAIT's measure names from its data dictionary (`lait_data_dictionary.csv`): `Measure_short` (the
 * long table's `Short Desc`) → `Measure`.
 *
 * @param rows - the dictionary's rows, columns upper case (as `readCsvTable` gives them)
 * @returns the names
 * @example
 * ```ts
 * laitMeasureNames([{ values: { MEASURE_SHORT: "CIN", MEASURE: "Children in Need rate per 10,000" } }]).get("CIN"); // "Children in Need rate per 10,000"
 * ```
 */
export function laitMeasureNames(
  rows: readonly { readonly values: Readonly<Record<string, string>> }[],
): Map<string, string> {
  const names = new Map<string, string>();
  for (const { values } of rows) {
    const short = values.MEASURE_SHORT ?? "";
    const measure = values.MEASURE ?? "";
    if (short !== "" && measure !== "" && !names.has(short)) names.set(short, measure);
  }
  return names;
}
