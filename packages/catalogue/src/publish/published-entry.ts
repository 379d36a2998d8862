import {
  DEFAULT_DISCLOSURE_THRESHOLD,
  type DisclosureCell,
  type DisclosureRow,
  roundHalfAwayFromZero,
  suppressTable,
  type Unit,
} from "@kpi/core";
import { findIndicator } from "../indicators/catalogue.js";
import type { SeriesEntry } from "../report/schemas.js";

/**
 * Who a published form is for: `published` (the default: anything that leaves the service, with
 * small-number suppression) or `internal` (the authority's own working copy, every figure shown).
 */
export type Audience = "published" | "internal";

/** The audience and thresholds of a published form (a table, a report view, a series). */
export interface PublishOptions {
  /** Who the form is for; default `published`. */
  readonly audience?: Audience;
  /** Each indicator's threshold when published; default {@link disclosureThreshold} (the catalogue's). */
  readonly threshold?: (indicatorId: string) => number;
}

/** What {@link publishedEntry} needs to know of an indicator. */
export interface PublishedIndicator {
  /** The indicator's id (its threshold is looked up by it). */
  readonly id: string;
  /** The indicator's unit: which of its figures count children. */
  readonly unit: Unit;
  /** The decimals the report prints its value to. */
  readonly decimals: number;
}

/** One period's figures as published: each a number, `null` (no figure) or `"c"` (suppressed). */
export interface PublishedEntry {
  /** The numerator, or `"c"`. */
  readonly numerator: DisclosureCell;
  /** The denominator, or `"c"`. */
  readonly denominator: DisclosureCell;
  /** The value rounded to the indicator's decimals (half away from zero), or `"c"`. */
  readonly value: DisclosureCell;
  /** Whether any of the three is `"c"`. */
  readonly suppressed: boolean;
  /** The threshold applied (0 for the internal audience). */
  readonly threshold: number;
}

/** Units whose numerator counts children (and whose denominator, if any, counts children too). */
const CHILD_COUNT_UNITS: ReadonlySet<Unit> = new Set(["count", "percent", "rate_per_10k"]);

/**
 * Whether an indicator's figures count children, so that a figure derived from another period's
 * counts (a change) can reveal a small count.
 *
 * @param unit - the indicator's unit
 * @returns `true` for counts, percentages, rates per 10,000 and figures per FTE (children per worker)
 * @example
 * ```ts
 * countsChildren("percent"); // true
 * countsChildren("gbp"); // false
 * ```
 */
export function countsChildren(unit: Unit): boolean {
  return CHILD_COUNT_UNITS.has(unit) || unit === "per_fte";
}

/** The disclosure row of one entry: which of its figures are counts of children. */
function disclosureRow(key: string, unit: Unit, entry: SeriesEntry, decimals: number): DisclosureRow {
  const value = entry.value === null ? null : roundHalfAwayFromZero(entry.value, decimals);
  if (CHILD_COUNT_UNITS.has(unit))
    return { key, count: null, numerator: entry.numerator, denominator: entry.denominator, value };
  if (unit === "per_fte") return { key, count: null, numerator: entry.numerator, value };
  return { key, count: null, value };
}

/**
 * The disclosure threshold of an indicator: its definition's `disclosureThreshold`, or the default (5)
 * for an indicator the catalogue does not define (a local indicator) or that does not set one.
 *
 * @param indicatorId - the indicator's id
 * @returns counts from 1 to this are suppressed when published
 * @example
 * ```ts
 * disclosureThreshold("cla.starts"); // 5
 * ```
 */
export function disclosureThreshold(indicatorId: string): number {
  return findIndicator(indicatorId)?.definition.disclosureThreshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
}

/** The threshold applied to an indicator for the options' audience (0 for `internal`). */
function thresholdFor(indicatorId: string, options: PublishOptions): number {
  if ((options.audience ?? "published") === "internal") return 0;
  return (options.threshold ?? disclosureThreshold)(indicatorId);
}

/**
 * One period of an indicator as the audience may see it, by `suppressTable` from `@kpi/core` with the
 * indicator's threshold: for `published`, counts of children from 1 to the threshold become `c`, and so
 * does a value derived from them; money, FTE denominators and plain numbers are not counts of children
 * and are shown as they are. For `internal` every figure is shown. The one rule behind every published
 * form of a report: the CSV and Excel downloads ({@link reportTable}), the portal's report page and its
 * print ({@link reportView}) and `kpi report`.
 *
 * @param indicator - the indicator's id, unit and decimals
 * @param entry - one period's figures
 * @param options - the audience (default `published`) and thresholds
 * @returns the numerator, denominator and rounded value, each a number, `null` or `"c"`
 * @example
 * ```ts
 * publishedEntry({ id: "vul.private_fostering", unit: "count", decimals: 0 }, entry).value; // "c" when 3 children
 * ```
 */
export function publishedEntry(
  indicator: PublishedIndicator,
  entry: SeriesEntry,
  options: PublishOptions = {},
): PublishedEntry {
  const threshold = thresholdFor(indicator.id, options);
  const shown = suppressTable(
    { rows: [disclosureRow(indicator.id, indicator.unit, entry, indicator.decimals)] },
    { threshold },
  ).rows[0]!;
  return {
    numerator: shown.numerator === undefined ? entry.numerator : shown.numerator,
    denominator: shown.denominator === undefined ? entry.denominator : shown.denominator,
    value: shown.value ?? null,
    suppressed: shown.suppressed,
    threshold,
  };
}

/** "a count of children from 1 to 5", or the range of thresholds when indicators set their own. */
function smallCountWords(thresholds: ReadonlySet<number>): string {
  const sorted = [...thresholds].sort((a, b) => a - b);
  const low = sorted[0] ?? DEFAULT_DISCLOSURE_THRESHOLD;
  const high = sorted.at(-1) ?? DEFAULT_DISCLOSURE_THRESHOLD;
  return low === high
    ? `a count of children from 1 to ${low}`
    : `a count of children from 1 to the indicator's threshold (${low} to ${high})`;
}

/**
 * The sentence every published form prints about disclosure control (the CSV's notes, the workbook's
 * Notes sheet, the portal's report page and its print), so they cannot word it differently.
 *
 * @param audience - who the form is for
 * @param thresholds - the thresholds applied to its indicators (ignored for `internal`)
 * @returns what `c` means, or for `internal` that the figures are not for publication
 * @example
 * ```ts
 * disclosureNote("published", new Set([5])); // "c = suppressed: a count of children from 1 to 5, or a value worked out from one, is not published."
 * ```
 */
export function disclosureNote(audience: Audience, thresholds: ReadonlySet<number>): string {
  return audience === "published"
    ? `c = suppressed: ${smallCountWords(thresholds)}, or a value worked out from one, is not published.`
    : "For internal use: small counts are shown. Do not publish or share outside the authority.";
}
