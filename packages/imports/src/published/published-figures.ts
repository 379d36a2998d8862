import type { PublishedSource } from "@kpi/catalogue";
import type { PublishedCell } from "./published-cell.js";

/** An authority's published figure, with its name as the publication prints it. */
export interface AuthorityFigure {
  /** The authority's name as published (`la_name`, LAIT's `LA and Regions`). */
  readonly name: string;
  readonly cell: PublishedCell;
  /** The row's code as published: one for authorities published jointly (`940 / 941`), ranked once. */
  readonly key: string;
}

/**
 * One measure of one publication for one period, at every geography: what benchmarks are made of.
 * Built by the readers of published files; turned into an authority's benchmarks by
 * `publishedBenchmarks`.
 */
export interface PublishedFigures {
  /** The mapping the figures were read by (indicator, publication, period rule). */
  readonly source: PublishedSource;
  /** Our period id: `FY2024-25` for `time_period` 2025, `FY2025-26-Q2` for the 2025 workforce census. */
  readonly period: string;
  /** The publication's reporting year (`time_period`), e.g. 2025. */
  readonly publicationYear: number;
  /** The publication's name as provenance (the mapping's, or LAIT's measure name). */
  readonly publication: string;
  /** The National row, when the file has one. */
  england: PublishedCell | undefined;
  /** Regional rows by region code (`E12000005`). */
  readonly regions: Map<string, PublishedCell>;
  /** Local-authority rows by old three-digit code (`885`). */
  readonly authorities: Map<string, AuthorityFigure>;
}

/**
 * Our period id for a published year under a mapping's period rule: `time_period` 2025 is the year
 * ending 31 March 2025 (`FY2024-25`); the workforce census of 2025 is 30 September 2025, the quarter
 * ending then (`FY2025-26-Q2`).
 *
 * @param rule - the mapping's period rule
 * @param year - the published year (`time_period`)
 * @returns the period id
 * @example
 * ```ts
 * publishedPeriod("financial_year", 2025); // "FY2024-25"
 * publishedPeriod("census_30_september", 2025); // "FY2025-26-Q2"
 * ```
 */
export function publishedPeriod(rule: PublishedSource["period"], year: number): string {
  const fy = (start: number) => `FY${start}-${String((start + 1) % 100).padStart(2, "0")}`;
  return rule === "financial_year" ? fy(year - 1) : `${fy(year)}-Q2`;
}
