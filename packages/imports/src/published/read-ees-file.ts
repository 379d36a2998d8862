import { type PublishedSource, publishedPopulationSource, publishedSources } from "@kpi/catalogue";
import type { SourceRow } from "../read/csv-table.js";
import { readPublishedCell } from "./published-cell.js";
import { type PublishedFigures, publishedPeriod } from "./published-figures.js";

/** The columns every explore-education-statistics file of local-authority figures has. */
export const eesColumns = [
  "time_period",
  "time_identifier",
  "geographic_level",
  "region_code",
  "old_la_code",
  "la_name",
] as const;

/** A cell the reader could not read: kept out, and listed with its place. */
export interface PublishedIssue {
  readonly file: string;
  readonly line: number | null;
  readonly column: string;
  readonly message: string;
}

/** An authority's ONS mid-year estimate of children aged 0–17, as DfE publishes it. */
export interface PublishedPopulation {
  /** Old three-digit code. */
  readonly oldCode: string;
  /** Year of the mid-year estimate (`time_period`). */
  readonly year: number;
  readonly count: number;
}

/** What an explore-education-statistics file gave: figures per mapping and period, and populations. */
export type EesRead =
  | {
      readonly ok: true;
      readonly figures: PublishedFigures[];
      readonly populations: PublishedPopulation[];
      /** The mappings the file gave figures for (indicator ids; `populations` for the estimates). */
      readonly measures: string[];
      readonly issues: PublishedIssue[];
    }
  | { readonly ok: false; readonly problem: string };

const YEAR_IDENTIFIERS = new Set(["Reporting year", "Financial year"]);

function expectedMeasures(): string {
  const ees = publishedSources.filter((s) => s.kind === "ees");
  const columns = [...new Set(ees.map((s) => s.column)), publishedPopulationSource.column];
  return columns.join(", ");
}

/**
 * Read the figures of an explore-education-statistics CSV (columns `time_period, time_identifier,
 * geographic_level, … old_la_code, new_la_code, la_name` then filters and measures) by the catalogue's
 * mappings (`publishedSources`): every mapping whose measure and filter columns the file has, at the
 * National, Regional and Local authority levels, by period; and the ONS estimates of children aged 0–17
 * when the file is the population table. A file without the common columns, or with none of the mapped
 * measures, or whose rows are not yearly, is a whole-file problem that says what was expected.
 *
 * @param file - the file's name, for messages
 * @param columns - the header, upper case (as `readCsvTable` gives it)
 * @param rows - the data rows
 * @returns the figures, or the problem
 * @example
 * ```ts
 * const t = readCsvTable(
 *   "c1.csv",
 *   "time_period,time_identifier,geographic_level,region_code,old_la_code,la_name,category,rereferral_percent\n" +
 *     "2025,Reporting year,National,,,,Referrals and Re-referrals,22.6\n",
 * );
 * t.ok && readEesFile("c1.csv", t.columns, t.rows).ok; // true
 * ```
 */
export function readEesFile(file: string, columns: readonly string[], rows: readonly SourceRow[]): EesRead {
  const has = new Set(columns);
  const missing = eesColumns.filter((c) => !has.has(c.toUpperCase()));
  if (missing.length > 0)
    return {
      ok: false,
      problem: `${file}: not an explore-education-statistics file of local-authority figures: it has no column ${missing.join(", ")} (expected ${eesColumns.join(", ")}, then the publication's filters and measures)`,
    };
  const applicable = publishedSources.filter(
    (s): s is Extract<PublishedSource, { kind: "ees" }> =>
      s.kind === "ees" &&
      has.has(s.column.toUpperCase()) &&
      Object.keys(s.filters).every((f) => has.has(f.toUpperCase())),
  );
  const population =
    has.has(publishedPopulationSource.column.toUpperCase()) &&
    Object.keys(publishedPopulationSource.filters).every((f) => has.has(f.toUpperCase()));
  if (applicable.length === 0 && !population)
    return {
      ok: false,
      problem: `${file}: none of the measures we map is in it (its columns: ${columns.join(", ").toLowerCase()}; expected one of ${expectedMeasures()})`,
    };

  const matchers = applicable.map((source) => ({
    source,
    column: source.column.toUpperCase(),
    filters: Object.entries(source.filters).map(([k, v]) => [k.toUpperCase(), v] as const),
    byYear: new Map<number, PublishedFigures>(),
  }));
  const popFilters = Object.entries(publishedPopulationSource.filters).map(
    ([k, v]) => [k.toUpperCase(), v] as const,
  );
  const popColumn = publishedPopulationSource.column.toUpperCase();
  const populations: PublishedPopulation[] = [];
  const issues: PublishedIssue[] = [];
  const issue = (row: SourceRow, column: string, message: string) =>
    issues.push({ file, line: row.line ?? null, column: column.toLowerCase(), message });

  for (const row of rows) {
    const v = row.values;
    const identifier = v.TIME_IDENTIFIER ?? "";
    if (!YEAR_IDENTIFIERS.has(identifier))
      return {
        ok: false,
        problem: `${file} line ${row.line ?? "?"}: time_identifier is '${identifier}'; expected yearly figures ('Reporting year' or 'Financial year')`,
      };
    const yearText = v.TIME_PERIOD ?? "";
    if (!/^\d{4}$/.test(yearText)) {
      issue(row, "time_period", `'${yearText}' is not a year such as 2025`);
      continue;
    }
    const year = Number(yearText);
    const level = v.GEOGRAPHIC_LEVEL ?? "";
    if (level !== "National" && level !== "Regional" && level !== "Local authority") continue;
    const oldCode = v.OLD_LA_CODE ?? "";
    // Authorities sharing a children's service are published jointly in the workforce census
    // ("940 / 941"): the one figure is each authority's, and is ranked once.
    const codes = oldCode.split("/").map((c) => c.trim());
    if (level === "Local authority" && !codes.every((c) => /^\d{3}$/.test(c))) {
      issue(row, "old_la_code", `'${oldCode}' is not a three-digit authority code`);
      continue;
    }
    for (const m of matchers) {
      let matches = true;
      for (const [k, want] of m.filters) if (v[k] !== want) matches = false;
      if (!matches) continue;
      const cell = readPublishedCell(v[m.column]);
      if (cell === undefined) {
        issue(
          row,
          m.column,
          `'${v[m.column]}' is neither a figure nor one of DfE's symbols (c, x, z, k, u, low, ..)`,
        );
        continue;
      }
      if (cell === null) continue;
      let figures = m.byYear.get(year);
      if (figures === undefined) {
        figures = {
          source: m.source,
          period: publishedPeriod(m.source.period, year),
          publicationYear: year,
          publication: m.source.publication,
          england: undefined,
          regions: new Map(),
          authorities: new Map(),
        };
        m.byYear.set(year, figures);
      }
      if (level === "National") figures.england = cell;
      else if (level === "Regional") figures.regions.set(v.REGION_CODE ?? "", cell);
      else
        for (const code of codes)
          figures.authorities.set(code, { name: v.LA_NAME ?? oldCode, cell, key: oldCode });
    }
    if (population && level === "Local authority" && popFilters.every(([k, want]) => v[k] === want)) {
      const cell = readPublishedCell(v[popColumn]);
      if (cell === undefined) issue(row, popColumn, `'${v[popColumn]}' is not a number of people`);
      else if (cell !== null && cell.value !== undefined) {
        if (Number.isInteger(cell.value) && cell.value >= 0)
          populations.push({ oldCode, year, count: cell.value });
        else issue(row, popColumn, `'${v[popColumn]}' is not a whole number of people`);
      }
    }
  }
  return {
    ok: true,
    figures: matchers.flatMap((m) => [...m.byYear.values()]),
    populations,
    measures: [
      ...matchers.filter((m) => m.byYear.size > 0).map((m) => m.source.indicatorId),
      ...(populations.length > 0 ? ["populations"] : []),
    ],
    issues,
  };
}
