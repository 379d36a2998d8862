import { z } from "zod";

/**
 * How a published figure's year maps onto our periods:
 * - `financial_year`: `time_period` 2025 (or LAIT's `2025`) is the year ending 31 March 2025, the
 *   period `FY2024-25` (flows in the year and counts on 31 March alike);
 * - `census_30_september`: the workforce census, `time_period` 2025 is 30 September 2025, the quarter
 *   ending on that day (`FY2025-26-Q2`): the turnover and caseload of the year to that date.
 */
export const publishedPeriodRules = ["financial_year", "census_30_september"] as const;
/** One of {@link publishedPeriodRules}. */
export type PublishedPeriodRule = (typeof publishedPeriodRules)[number];

const common = {
  /** The catalogue indicator the figure is a benchmark of. */
  indicatorId: z.string().min(1),
  /** The publication, as DfE names it: provenance on every benchmark value. */
  publication: z.string().min(1),
  period: z.enum(publishedPeriodRules),
  /**
   * `same`: DfE's definition is the indicator's, so the figure is posted as its benchmark. `different`:
   * it is not (ages, populations or counting rules differ, said in `note`), so the figure is never
   * posted as the indicator's benchmark: the importer lists it as not posted, with the note.
   */
  definition: z.enum(["same", "different"]),
  /** Why a `different` definition differs, or what to know about a `same` one. */
  note: z.string().optional(),
};

/**
 * Where a benchmark of an indicator is in DfE's published files: a measure column of an
 * explore-education-statistics CSV (the rows whose filter columns have the given values), or a
 * measure of LAIT's long table (`Short Desc`). Plain data, validated by this schema.
 *
 * @example
 * ```ts
 * publishedSourceSchema.parse({
 *   kind: "ees", indicatorId: "cla.count", publication: "Children looked after in England including adoptions",
 *   period: "financial_year", definition: "same", column: "children_count",
 *   filters: { population_type: "Children looked after on 31 March each year" },
 * }).kind; // "ees"
 * ```
 */
export const publishedSourceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("ees"),
    ...common,
    /** The measure column holding the figure. */
    column: z.string().min(1),
    /** Filter columns and the value a row must have in each (empty: every row of the file). */
    filters: z.record(z.string(), z.string()),
  }),
  z.object({
    kind: z.literal("lait"),
    ...common,
    /** LAIT's measure code, the long table's `Short Desc`. */
    shortDesc: z.string().min(1),
  }),
]);
/** See {@link publishedSourceSchema}. */
export type PublishedSource = z.infer<typeof publishedSourceSchema>;

const CLA = "Children looked after in England including adoptions";
const CIN = "Characteristics of children in need";
const CSWW = "Children's social work workforce";
const LAIT = "Local authority interactive tool (LAIT)";
const CLA_POPULATION = "population_type";

/**
 * Which column of which DfE publication gives each indicator's benchmarks (England, region, every
 * authority): the importer's whole mapping (`kpi import published`). Files are recognised by their
 * columns, so a mapping names the columns it reads, never a file name. Each entry has a test reading
 * its figure for an authority from the published file (`published-sources.test.ts` checks the table;
 * `packages/imports/src/published/` checks the figures).
 *
 * @example
 * ```ts
 * publishedSources.find((s) => s.indicatorId === "cla.rate_per_10k")?.kind; // "ees"
 * ```
 */
export const publishedSources: readonly PublishedSource[] = z.array(publishedSourceSchema).parse([
  {
    kind: "ees",
    indicatorId: "cla.count",
    publication: CLA,
    period: "financial_year",
    definition: "same",
    column: "children_count",
    filters: { [CLA_POPULATION]: "Children looked after on 31 March each year" },
  },
  {
    kind: "ees",
    indicatorId: "cla.rate_per_10k",
    publication: CLA,
    period: "financial_year",
    definition: "same",
    column: "rate_per_10000",
    filters: { [CLA_POPULATION]: "Children looked after on 31 March each year" },
  },
  {
    kind: "ees",
    indicatorId: "cla.starts",
    publication: CLA,
    period: "financial_year",
    definition: "same",
    column: "children_count",
    filters: { [CLA_POPULATION]: "Children starting to be looked after each year" },
  },
  {
    kind: "ees",
    indicatorId: "cla.leavers",
    publication: CLA,
    period: "financial_year",
    definition: "same",
    column: "children_count",
    filters: { [CLA_POPULATION]: "Children ceasing to be looked after each year" },
  },
  {
    kind: "ees",
    indicatorId: "cla.placements_3plus_pct",
    publication: CLA,
    period: "financial_year",
    definition: "same",
    column: "children_percent",
    filters: {
      cla_group: "CLA on 31 March",
      placement_stability: "With 3 or more placements during the year",
    },
  },
  {
    kind: "ees",
    indicatorId: "cla.long_term_stability_pct",
    publication: CLA,
    period: "financial_year",
    definition: "same",
    column: "children_percent",
    filters: {
      cla_group: "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
      placement_stability: "Living with the same carer for at least 2 years",
    },
  },
  {
    kind: "ees",
    indicatorId: "leavers.eet_18_21_pct",
    publication: CLA,
    period: "financial_year",
    definition: "different",
    note: "DfE counts care leavers aged 19 to 21 (and 17 to 18 apart); the indicator counts those aged 18 to 21",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Total in education, employment or training" },
  },
  {
    kind: "ees",
    indicatorId: "leavers.suitable_accommodation_pct",
    publication: CLA,
    period: "financial_year",
    definition: "different",
    note: "DfE counts care leavers aged 19 to 21 (and 17 to 18 apart); the indicator counts those aged 18 to 21",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Accommodation considered suitable" },
  },
  {
    kind: "ees",
    indicatorId: "cin.dfe_count",
    publication: CIN,
    period: "financial_year",
    definition: "same",
    note: "episodes of need open on 31 March (At31_episodes)",
    column: "At31_episodes",
    filters: { category: "Children in Need" },
  },
  {
    kind: "ees",
    indicatorId: "ffd.referrals",
    publication: CIN,
    period: "financial_year",
    definition: "same",
    column: "referral_count",
    filters: { category: "Referrals and Re-referrals" },
  },
  {
    kind: "ees",
    indicatorId: "ffd.rereferrals_12m_pct",
    publication: CIN,
    period: "financial_year",
    definition: "same",
    column: "rereferral_percent",
    filters: { category: "Referrals and Re-referrals" },
  },
  {
    kind: "ees",
    indicatorId: "cp.starts",
    publication: CIN,
    period: "financial_year",
    definition: "same",
    column: "CPP_start",
    filters: { category: "Child Protection Plans which are a second or subsequent plan" },
  },
  {
    kind: "ees",
    indicatorId: "cp.repeat_pct",
    publication: CIN,
    period: "financial_year",
    definition: "same",
    column: "CPP_subsequent_percent",
    filters: { category: "Child Protection Plans which are a second or subsequent plan" },
  },
  {
    kind: "ees",
    indicatorId: "wf.turnover_dfe_pct",
    publication: CSWW,
    period: "census_30_september",
    definition: "same",
    note: "turnover by head count (turnover_rate_headcount), as the indicator counts",
    column: "turnover_rate_headcount",
    filters: {},
  },
  {
    kind: "ees",
    indicatorId: "wf.avg_caseload",
    publication: CSWW,
    period: "census_30_september",
    definition: "same",
    note: "cases per case-holding social worker FTE (caseload_fte)",
    column: "caseload_fte",
    filters: {},
  },
  {
    kind: "ees",
    indicatorId: "wf.agency_pct",
    publication: CSWW,
    period: "census_30_september",
    definition: "different",
    note: "DfE's agency rate is agency FTE among all social workers; the indicator's among case holders",
    column: "agency_rate_fte",
    filters: {},
  },
  {
    kind: "lait",
    indicatorId: "cin.dfe_rate_per_10k",
    publication: LAIT,
    period: "financial_year",
    definition: "same",
    note: "children in need on 31 March per 10,000 children aged 0 to 17",
    shortDesc: "CIN",
  },
  {
    kind: "lait",
    indicatorId: "cp.rate_per_10k",
    publication: LAIT,
    period: "financial_year",
    definition: "same",
    note: "children subject to a plan on 31 March per 10,000 children aged 0 to 17",
    shortDesc: "CPP_rate",
  },
]);

/**
 * The ONS mid-year population estimates as DfE publishes them beside its statistics: the columns the
 * importer reads into the `populations` dataset (0–17), the denominators of every rate per 10,000.
 * `time_period` is the estimate's year (mid-2024 is 2024, used for FY2024-25).
 *
 * @example
 * ```ts
 * publishedPopulationSource.column; // "population_estimate"
 * ```
 */
export const publishedPopulationSource = {
  publication: "ONS mid-year population estimates",
  column: "population_estimate",
  filters: { age_group: "Children aged 0 to 17 years" },
  ageBand: "0-17",
} as const;

/**
 * The measure columns DfE publishes that no indicator of the catalogue measures yet, named so the
 * importer says it read them and posted nothing for them (rather than seeming to miss them).
 *
 * @example
 * ```ts
 * publishedColumnsWithoutIndicator.includes("vacancy_rate_fte"); // true
 * ```
 */
export const publishedColumnsWithoutIndicator: readonly string[] = ["vacancy_rate_fte"];
