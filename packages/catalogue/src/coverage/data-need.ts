import { addDays, addMonths, type IsoDate } from "@kpi/core";
import type { DatasetName } from "../datasets/schemas.js";
import type { DateSpan } from "./date-spans.js";

/**
 * One dataset a formula reads and the days of it the formula needs, relative to the window
 * `[start, end]` (for a stock, `end` is the date D):
 * - `window`: every day of the window (a flow), reaching `monthsBefore` calendar months before its
 *   start when the formula looks back (re-referrals within 12 months read the referrals of the 12
 *   months before each referral): `[start − monthsBefore, end]`;
 * - `day`: day D (a stock); with `monthsBefore`, every day of the months to D, `(D − months, D]`
 *   (3 or more placements in the 12 months to D, 30 months of long-term stability);
 * - `any_day`: at least one day of `(D − monthsBefore, D]` (a snapshot read as "the latest in the
 *   months to D": a workforce census covers its census date);
 * - `estimate_year`: a 0–17 population estimate for the financial year's first calendar year, or the
 *   year before (estimates are published with a lag); `populations` has no date coverage;
 * - `whole`: an undated dataset read whole (children's dates of birth): nothing to check by date.
 *
 * @example
 * ```ts
 * const need: DataNeed = { dataset: "referrals", days: "window", monthsBefore: 12 };
 * ```
 */
export interface DataNeed {
  /** The dataset read. */
  readonly dataset: DatasetName;
  /** Which days of it are needed (see above). */
  readonly days: "window" | "day" | "any_day" | "estimate_year" | "whole";
  /** How far the formula looks back, in calendar months (default 0). */
  readonly monthsBefore?: number;
  /**
   * How a `day` need's `monthsBefore` is counted back from D: `span` (default), the look-back span
   * `(D − months, D]`; `age`, every day after the latest date X that is `months` old at D (X + months
   * ≤ D), for measures of how long something has lasted. They differ only where month arithmetic
   * clips: 30 months before 30 Sep is 30 Mar, yet a period of care begun on 31 Mar is 30 months old
   * on 30 Sep.
   */
  readonly reckon?: "span" | "age";
}

/**
 * The span of days a need asks to be covered for a window, or `null` for needs not checked by date
 * (`estimate_year`, `whole`).
 *
 * @param need - the need
 * @param range - the window (`end` is D for a stock)
 * @returns the days, both ends included
 * @example
 * ```ts
 * const q2 = { start: "2019-07-01", end: "2019-09-30" };
 * neededSpan({ dataset: "contacts", days: "window" }, q2); // { from: "2019-07-01", to: "2019-09-30" }
 * neededSpan({ dataset: "referrals", days: "window", monthsBefore: 12 }, q2); // { from: "2018-07-01", to: "2019-09-30" }
 * neededSpan({ dataset: "cla_episodes", days: "day" }, q2); // { from: "2019-09-30", to: "2019-09-30" }
 * neededSpan({ dataset: "cla_episodes", days: "day", monthsBefore: 12 }, q2); // { from: "2018-10-01", to: "2019-09-30" }
 * neededSpan({ dataset: "cla_episodes", days: "day", monthsBefore: 30, reckon: "age" }, q2);
 * // { from: "2017-04-01", to: "2019-09-30" }
 * ```
 */
export function neededSpan(need: DataNeed, range: { start: IsoDate; end: IsoDate }): DateSpan | null {
  const months = need.monthsBefore ?? 0;
  switch (need.days) {
    case "window":
      return { from: months === 0 ? range.start : addMonths(range.start, -months), to: range.end };
    case "day":
    case "any_day": {
      if (months === 0) return { from: range.end, to: range.end };
      let last = addMonths(range.end, -months);
      if (need.reckon === "age")
        while (addMonths(addDays(last, 1), months) <= range.end) last = addDays(last, 1);
      return { from: addDays(last, 1), to: range.end };
    }
    case "estimate_year":
    case "whole":
      return null;
  }
}

/**
 * A need in an analyst's words, for the indicator documentation.
 *
 * @param need - the need
 * @returns e.g. `every day of the period and the 12 months before it`
 * @example
 * ```ts
 * describeNeed({ dataset: "cla_episodes", days: "day" }); // "the period's last day"
 * describeNeed({ dataset: "referrals", days: "window", monthsBefore: 12 });
 * // "every day of the period and the 12 months before it"
 * describeNeed({ dataset: "workforce", days: "any_day", monthsBefore: 3 });
 * // "a snapshot dated in the 3 months to the period's last day"
 * ```
 */
export function describeNeed(need: DataNeed): string {
  const months = need.monthsBefore ?? 0;
  switch (need.days) {
    case "window":
      return months === 0
        ? "every day of the period"
        : `every day of the period and the ${months} months before it`;
    case "day":
      return months === 0 ? "the period's last day" : `the ${months} months to the period's last day`;
    case "any_day":
      return `a snapshot dated in the ${months} months to the period's last day`;
    case "estimate_year":
      return "a 0–17 estimate for the financial year's first year, or the year before";
    case "whole":
      return "all its records (no date coverage)";
  }
}
