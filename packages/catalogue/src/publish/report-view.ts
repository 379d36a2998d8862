import type { DisclosureCell } from "@kpi/core";
import type { Comparison, QuarterlyReport, ReportIndicator, SeriesEntry } from "../report/schemas.js";
import {
  type Audience,
  countsChildren,
  disclosureNote,
  type PublishedEntry,
  type PublishOptions,
  publishedEntry,
} from "./published-entry.js";

/** Options of {@link reportView}: the audience, thresholds, and the indicators' recent quarters. */
export interface ReportViewOptions extends PublishOptions {
  /**
   * Each indicator's recent quarters (as the page's sparklines read them, from `GET /v1/series`): a
   * change is published only when the figures of the quarter it is measured from are publishable too.
   */
  readonly history?: ReadonlyMap<string, readonly SeriesEntry[]>;
}

/** One indicator of a report as the audience may see it. */
export interface IndicatorView {
  /** The quarter's figures. */
  readonly quarter: PublishedEntry;
  /** The year to date's figures. */
  readonly ytd: PublishedEntry;
  /** The quarter's change on the last quarter and on the same quarter last year, or `"c"`. */
  readonly changes: {
    readonly previous_period: DisclosureCell;
    readonly same_period_last_year: DisclosureCell;
  };
  /** The recent quarters' values (from `history`, oldest first), each a number, `null` or `"c"`. */
  readonly history: readonly { readonly label: string; readonly value: DisclosureCell }[];
  /** Whether a figure of the quarter, the year to date or a change is `"c"` (the sentence's figures). */
  readonly suppressed: boolean;
}

/** A report as the audience may see it: the portal's report page and its print. */
export interface ReportView {
  /** Who it is for. */
  readonly audience: Audience;
  /** What `c` means (published), or that the figures are not for publication (internal). */
  readonly disclosureNote: string;
  /** Each indicator's figures by id. */
  readonly indicators: ReadonlyMap<string, IndicatorView>;
  /**
   * The sentence of a positive or negative KPI: the judgement's, or, when a figure of the indicator or
   * of an indicator judged with it is suppressed, one that quotes none.
   */
  sentence(entry: { indicator: string; sentence: string; complements: readonly string[] }): string;
  /**
   * A section's analysis text as the audience may see it: staff text as written (signed off by a
   * person); text the product drafted from the figures only for `internal` (`null` otherwise).
   */
  analysisText(section: QuarterlyReport["sections"][number]): string | null;
}

/** The sentence of a listed KPI whose figures are not published. */
export const WITHHELD_SENTENCE = "its figures are not published (small numbers; shown as c).";

function changeCell(
  indicator: ReportIndicator,
  comparison: Comparison | null | undefined,
  current: PublishedEntry,
  history: readonly SeriesEntry[] | undefined,
  options: PublishOptions,
): DisclosureCell {
  const change = comparison?.change ?? null;
  if (change === null || comparison === null || comparison === undefined) return null;
  if ((options.audience ?? "published") === "internal" || !countsChildren(indicator.unit)) return change;
  if (current.suppressed) return "c";
  const baseline = history?.find((h) => h.period === comparison.period);
  if (baseline !== undefined) return publishedEntry(indicator, baseline, options).suppressed ? "c" : change;
  // Without the baseline's counts: a count is its own value; anything else cannot be checked.
  if (indicator.unit === "count" && comparison.value !== null) {
    const count = comparison.value;
    return count > 0 && count <= current.threshold ? "c" : change;
  }
  return "c";
}

/**
 * A quarterly report as its audience may see it, for the portal's report page and its print: each
 * indicator's quarter and year-to-date figures by {@link publishedEntry} (the rule of the CSV and Excel
 * downloads, so the page shows `c` exactly where they do), and, for `published`, the figures the page
 * adds withheld when they would reveal a small count: a change on the last quarter or last year when the
 * quarter's figures or the baseline quarter's are suppressed (the baseline's counts come from `history`;
 * without them only a count's change can be checked, and others are withheld), a recent quarter's value
 * in the sparkline by the same rule, the sentence of a listed KPI whose figures are suppressed, and
 * analysis drafted from the figures (not yet reviewed by a person). `internal` shows everything.
 *
 * @param report - the report from `GET /v1/reports/{period}`
 * @param options - the audience (default `published`), thresholds and the indicators' recent quarters
 * @returns figures by indicator, the disclosure note, and the sentences and analysis to show
 * @example
 * ```ts
 * const view = reportView(report, { audience: "published", history });
 * view.indicators.get("vul.private_fostering")?.quarter.value; // "c" when 3 children
 * ```
 */
export function reportView(report: QuarterlyReport, options: ReportViewOptions = {}): ReportView {
  const audience: Audience = options.audience ?? "published";
  const indicators = new Map<string, IndicatorView>();
  const thresholds = new Set<number>();
  for (const section of report.sections) {
    for (const indicator of section.indicators) {
      const quarter = publishedEntry(indicator, indicator.quarter, options);
      const ytd = publishedEntry(indicator, indicator.ytd, options);
      thresholds.add(quarter.threshold);
      const history = options.history?.get(indicator.id);
      const { comparisons } = indicator.quarter;
      const changes = {
        previous_period: changeCell(indicator, comparisons.previous_period, quarter, history, options),
        same_period_last_year: changeCell(
          indicator,
          comparisons.same_period_last_year,
          quarter,
          history,
          options,
        ),
      };
      const points = (history ?? []).map((h) => ({
        label: h.label,
        value: publishedEntry(indicator, h, options).value,
      }));
      indicators.set(indicator.id, {
        quarter,
        ytd,
        changes,
        history: points,
        suppressed:
          quarter.suppressed ||
          ytd.suppressed ||
          changes.previous_period === "c" ||
          changes.same_period_last_year === "c",
      });
    }
  }
  const withheld = (id: string) => indicators.get(id)?.suppressed === true;
  return {
    audience,
    disclosureNote: disclosureNote(audience, thresholds),
    indicators,
    sentence: (entry) =>
      audience === "published" && [entry.indicator, ...entry.complements].some(withheld)
        ? WITHHELD_SENTENCE
        : entry.sentence,
    analysisText: (section) =>
      audience === "published" && section.analysis.source === "drafted" ? null : section.analysis.text,
  };
}
