import { z } from "zod";
import { addDays, addMonths, type IsoDate, isoFromParts } from "../dates/iso-date.js";
import { MONTH_ABBREVIATIONS } from "../dates/month-names.js";
import { CoreError } from "../errors/core-error.js";
import { type Period, type PeriodKind, parsePeriod, periodLabel } from "./period.js";

/**
 * The span of dates a value is computed over, ending at the requested period's end:
 * `quarter` (the quarter), `month` (the month), `ytd` (1 April to the quarter's end), `year` (the
 * financial year), `rolling12` (the 12 months to the quarter's end).
 */
export const windowSchema = z.enum(["quarter", "month", "ytd", "year", "rolling12"]);
/** See {@link windowSchema}. */
export type Window = z.infer<typeof windowSchema>;

const EXAMPLE_ID: Record<PeriodKind, string> = {
  quarter: "a quarter id such as FY2019-20-Q2",
  month: "a month id such as 2019-08",
  year: "a financial-year id such as FY2019-20",
};

/**
 * The kind of period id a window is requested with: quarter ids for `quarter`, `ytd` and `rolling12`,
 * month ids for `month`, financial-year ids for `year`.
 *
 * @param window - the window
 * @returns the period kind its ids must have
 * @example
 * ```ts
 * windowPeriodKind("ytd"); // "quarter"
 * windowPeriodKind("year"); // "year"
 * ```
 */
export function windowPeriodKind(window: Window): PeriodKind {
  switch (window) {
    case "quarter":
    case "ytd":
    case "rolling12":
      return "quarter";
    case "month":
      return "month";
    case "year":
      return "year";
    default:
      throw new CoreError("invalid_argument", `Not a window: '${String(window)}'`);
  }
}

/**
 * Check that a period id is valid and of the kind a window needs, with a message a user understands.
 *
 * @param id - the requested period id
 * @param window - the requested window
 * @returns `{ ok: true, period }` or `{ ok: false, error }`
 * @example
 * ```ts
 * checkPeriodForWindow("FY2019-20-Q2", "ytd").ok; // true
 * checkPeriodForWindow("2019-08", "quarter").ok; // false
 * ```
 */
export function checkPeriodForWindow(
  id: string,
  window: Window,
): { ok: true; period: Period } | { ok: false; error: string } {
  if (!windowSchema.safeParse(window).success)
    return {
      ok: false,
      error: `Not a window: '${String(window)}'. Use one of ${windowSchema.options.join(", ")}.`,
    };
  const r = parsePeriod(id);
  if (!r.ok) return r;
  const kind = windowPeriodKind(window);
  if (r.period.kind !== kind)
    return {
      ok: false,
      error: `The ${window} window takes ${EXAMPLE_ID[kind]}; '${id}' is a ${r.period.kind === "year" ? "financial year" : r.period.kind}.`,
    };
  return r;
}

function periodForWindowOrThrow(id: string, window: Window): Period {
  const r = checkPeriodForWindow(id, window);
  if (!r.ok) throw new CoreError("invalid_period", r.error);
  return r.period;
}

/**
 * The closed range of dates `[start, end]` a window covers. `quarter`, `month` and `year` are the
 * period itself; `ytd` runs from 1 April of the quarter's financial year to the quarter's end;
 * `rolling12` is the 12 months ending at the quarter's end (start = `addMonths(end + 1 day, −12)`).
 *
 * @param id - a period id of the window's kind (see {@link windowPeriodKind})
 * @param window - the window
 * @returns the first and last day, both included
 * @throws CoreError `invalid_period` for an invalid id or one of the wrong kind
 * @example
 * ```ts
 * windowRange("FY2019-20-Q2", "ytd"); // { start: "2019-04-01", end: "2019-09-30" }
 * windowRange("FY2019-20-Q2", "rolling12"); // { start: "2018-10-01", end: "2019-09-30" }
 * ```
 */
export function windowRange(id: string, window: Window): { start: IsoDate; end: IsoDate } {
  const p = periodForWindowOrThrow(id, window);
  if (window === "ytd") return { start: isoFromParts(p.fyStartYear, 4, 1), end: p.end };
  if (window === "rolling12") return { start: addMonths(addDays(p.end, 1), -12), end: p.end };
  return { start: p.start, end: p.end };
}

/**
 * How a window is written for people: `Q2 2019-20`, `Q1–Q2 2019-20 (year to date)`,
 * `12 months to Sep 2019`, `Aug 2019`, `2019-20`. Year to date at Q1 is `Q1 2019-20 (year to date)`.
 *
 * @param id - a period id of the window's kind
 * @param window - the window
 * @returns the display label
 * @throws CoreError `invalid_period` for an invalid id or one of the wrong kind
 * @example
 * ```ts
 * windowLabel("FY2019-20-Q2", "ytd"); // "Q1–Q2 2019-20 (year to date)"
 * windowLabel("FY2019-20-Q2", "rolling12"); // "12 months to Sep 2019"
 * windowLabel("FY2019-20-Q2", "quarter"); // "Q2 2019-20"
 * ```
 */
export function windowLabel(id: string, window: Window): string {
  const p = periodForWindowOrThrow(id, window);
  if (window === "ytd") {
    const fy = periodLabel(id).slice(3);
    return p.quarter === 1 ? `Q1 ${fy} (year to date)` : `Q1–Q${p.quarter} ${fy} (year to date)`;
  }
  if (window === "rolling12") {
    const endMonth = Number(p.end.slice(5, 7));
    return `12 months to ${MONTH_ABBREVIATIONS[endMonth - 1]} ${p.end.slice(0, 4)}`;
  }
  return periodLabel(id);
}
