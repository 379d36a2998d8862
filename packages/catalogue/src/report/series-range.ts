import {
  checkPeriodForWindow,
  financialYearId,
  parsePeriodOrThrow,
  periodsInRange,
  type Window,
} from "@kpi/core";

/** Most periods one series request may span (e.g. 30 years of quarters). */
export const MAX_SERIES_PERIODS = 120;

/** Earliest financial year (its starting calendar year) a report or series may name. */
export const MIN_REPORTING_YEAR = 1950;
/** Latest financial year (its starting calendar year) a report or series may name. */
export const MAX_REPORTING_YEAR = 2900;

/**
 * Checks a period id for a window and that its financial year lies between
 * {@link MIN_REPORTING_YEAR} and {@link MAX_REPORTING_YEAR}, so its comparisons (up to five years
 * back, for trends and seasonality) are valid periods too.
 *
 * @param id - the period id
 * @param window - the window
 * @returns the canonical id, or the reason it is not accepted
 * @example
 * ```ts
 * checkReportingPeriod("FY2019-20-Q2", "quarter"); // { ok: true, id: "FY2019-20-Q2" }
 * checkReportingPeriod("FY1900-01-Q1", "quarter").ok; // false
 * ```
 */
export function checkReportingPeriod(
  id: string,
  window: Window,
): { ok: true; id: string } | { ok: false; error: string } {
  const r = checkPeriodForWindow(id, window);
  if (!r.ok) return r;
  const year = r.period.fyStartYear;
  if (year < MIN_REPORTING_YEAR || year > MAX_REPORTING_YEAR)
    return {
      ok: false,
      error: `'${id}' is outside the reporting years (financial years starting ${MIN_REPORTING_YEAR} to ${MAX_REPORTING_YEAR}).`,
    };
  return { ok: true, id: r.period.id };
}

/** A problem with a series request, naming the query field. */
export interface SeriesRangeIssue {
  /** `from`, `to` or `window`. */
  field: "from" | "to" | "window";
  /** What is wrong, for the user. */
  message: string;
}

/** The periods of a series request, or what is wrong with it. */
export type SeriesRange = { ok: true; periods: string[] } | { ok: false; issues: SeriesRangeIssue[] };

/**
 * The default period of a window given the latest quarter with data: that quarter for `quarter`, `ytd`
 * and `rolling12`, its last month for `month`, its financial year for `year`.
 *
 * @param latestQuarter - the latest quarter with data, or `null` when there is none
 * @param window - the window
 * @returns a period id of the window's kind, or `null`
 * @example
 * ```ts
 * defaultPeriodFor("FY2019-20-Q2", "year"); // "FY2019-20"
 * defaultPeriodFor("FY2019-20-Q2", "month"); // "2019-09"
 * ```
 */
export function defaultPeriodFor(latestQuarter: string | null, window: Window): string | null {
  if (latestQuarter === null) return null;
  const q = parsePeriodOrThrow(latestQuarter);
  if (window === "year") return financialYearId(q.fyStartYear);
  if (window === "month") return q.end.slice(0, 7);
  return q.id;
}

/**
 * Resolves and checks the periods of a series request: `from` and `to` must be ids of the window's
 * kind (quarter ids for `quarter`, `ytd`, `rolling12`; month ids for `month`; financial-year ids for
 * `year`), `from` not after `to`, and at most {@link MAX_SERIES_PERIODS} periods. A missing `to`
 * defaults to the latest period with data, a missing `from` to `to`. With no data and neither given,
 * the series is empty.
 *
 * @param request - the query: `from`, `to` (optional ids) and the window
 * @param latestQuarter - the organisation's latest quarter with data, or `null`
 * @returns the period ids oldest first, or the issues by field
 * @example
 * ```ts
 * seriesRange({ from: "FY2019-20-Q1", to: "FY2019-20-Q2", window: "quarter" }, null);
 * // { ok: true, periods: ["FY2019-20-Q1", "FY2019-20-Q2"] }
 * seriesRange({ from: "2019-08", window: "quarter" }, "FY2019-20-Q2").ok; // false
 * ```
 */
export function seriesRange(
  request: { from?: string | undefined; to?: string | undefined; window: Window },
  latestQuarter: string | null,
): SeriesRange {
  const issues: SeriesRangeIssue[] = [];
  const check = (field: "from" | "to", id: string | undefined): string | undefined => {
    if (id === undefined) return undefined;
    const r = checkReportingPeriod(id, request.window);
    if (r.ok) return r.id;
    issues.push({ field, message: r.error });
    return undefined;
  };
  const from = check("from", request.from);
  const to = check("to", request.to);
  if (issues.length > 0) return { ok: false, issues };
  const last = to ?? defaultPeriodFor(latestQuarter, request.window) ?? from;
  const first = from ?? last;
  if (first === undefined || last === undefined) return { ok: true, periods: [] };
  const periods = periodsInRange(first, last);
  if (periods.length === 0)
    return {
      ok: false,
      issues: [{ field: "from", message: `'from' (${first}) must not be after 'to' (${last}).` }],
    };
  if (periods.length > MAX_SERIES_PERIODS)
    return {
      ok: false,
      issues: [
        {
          field: "from",
          message: `A series may span at most ${MAX_SERIES_PERIODS} periods; ${first} to ${last} spans ${periods.length}.`,
        },
      ],
    };
  return { ok: true, periods };
}
