import {
  countEstimate,
  type Estimate,
  type IndicatorDefinition,
  noValueEstimate,
  parsePeriodOrThrow,
  proportionEstimate,
  rateEstimate,
  ratioEstimate,
} from "@kpi/core";
import type { ObservationRecord } from "../datasets/schemas.js";
import type { DateRange } from "./evaluation-context.js";

/** What a local indicator's observations give for one window. */
export interface ObservationValue {
  /** The whole figure. */
  readonly estimate: Estimate;
  /** One estimate per breakdown group (`null` key for rows without one), or `null` when none was asked for. */
  readonly groups: { key: string | null; estimate: Estimate }[] | null;
}

const KIND_RANK = { month: 0, quarter: 1, year: 2 } as const;

interface PeriodRow {
  row: ObservationRecord;
  periodId: string;
  kind: keyof typeof KIND_RANK;
}

function isWhole(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

function combine(
  rows: readonly ObservationRecord[],
  definition: IndicatorDefinition,
  confidence: number,
  empty: string,
): Estimate {
  if (rows.length === 0) return noValueEstimate(empty, { confidence });
  if (definition.unit === "count") {
    const sum = rows.reduce((s, r) => s + r.value, 0);
    return isWhole(sum) ? countEstimate(sum, { confidence }) : ratioEstimate(sum, 1);
  }
  const paired = rows.every((r) => r.numerator !== null && r.denominator !== null);
  if (!paired) {
    const only = rows[0];
    if (rows.length === 1 && only !== undefined)
      return {
        value: only.value,
        numerator: null,
        denominator: null,
        lower: null,
        upper: null,
        method: "none",
        confidence,
        note: null,
      };
    return noValueEstimate(
      "No value: the figures of several periods cannot be combined without their numerators and denominators.",
      { confidence },
    );
  }
  const num = rows.reduce((s, r) => s + (r.numerator ?? 0), 0);
  const den = rows.reduce((s, r) => s + (r.denominator ?? 0), 0);
  if (den === 0)
    return noValueEstimate("No value: the denominator is zero.", {
      numerator: num,
      denominator: 0,
      confidence,
    });
  switch (definition.unit) {
    case "percent":
      return isWhole(num) && isWhole(den) && num <= den
        ? proportionEstimate(num, den, { confidence })
        : ratioEstimate(num, den, { scale: 100 });
    case "rate_per_10k":
      return isWhole(num)
        ? rateEstimate(num, den, { confidence })
        : ratioEstimate(num, den, { scale: 10_000 });
    default:
      return ratioEstimate(num, den);
  }
}

/**
 * The value of a local indicator (a definition with `source: "observations"` and no formula) for a
 * window: the observation rows whose period lies inside the window, combined by summing numerators
 * and denominators separately (never averaging rates); counts sum their values. When rows of several
 * period kinds lie inside the window, only the coarsest kind is used (a year's row rather than its
 * quarters, so nothing is counted twice). A period's total is its row without a breakdown, or the sum
 * of its breakdown rows when it has none.
 *
 * @param rows - the indicator's observation rows (any periods)
 * @param definition - the local indicator
 * @param range - the window's dates
 * @param options - the breakdown asked for (`by`, any name: groups come from the rows' `breakdown`),
 *   confidence, and the note when nothing lies in the window
 * @returns the estimate and groups
 * @example
 * ```ts
 * const def = { id: "local.audits_good_pct", title: "Audits rated good", unit: "percent", breakdowns: [] };
 * const rows = [
 *   { indicator_id: def.id, period: "FY2019-20-Q1", numerator: 3, denominator: 4, value: 75, breakdown: null },
 *   { indicator_id: def.id, period: "FY2019-20-Q2", numerator: 1, denominator: 4, value: 25, breakdown: null },
 * ];
 * const options = { by: null, confidence: 0.95, empty: "No value." };
 * const v = observationValue(rows, def, { start: "2019-04-01", end: "2019-09-30" }, options);
 * v.estimate.value; // 50
 * ```
 */
export function observationValue(
  rows: readonly ObservationRecord[],
  definition: IndicatorDefinition,
  range: DateRange,
  options: { by: string | null; confidence: number; empty: string },
): ObservationValue {
  const inside: PeriodRow[] = [];
  for (const row of rows) {
    const p = parsePeriodOrThrow(row.period);
    if (p.start >= range.start && p.end <= range.end) inside.push({ row, periodId: p.id, kind: p.kind });
  }
  const coarsest = inside.reduce((k, r) => Math.max(k, KIND_RANK[r.kind]), -1);
  const used = inside.filter((r) => KIND_RANK[r.kind] === coarsest);

  const totals: ObservationRecord[] = [];
  const periods = new Map<string, PeriodRow[]>();
  for (const r of used) periods.set(r.periodId, [...(periods.get(r.periodId) ?? []), r]);
  for (const list of periods.values()) {
    const whole = list.filter((r) => r.row.breakdown === null);
    for (const r of whole.length > 0 ? whole : list) totals.push(r.row);
  }
  const estimate = combine(totals, definition, options.confidence, options.empty);
  if (options.by === null) return { estimate, groups: null };

  const byGroup = new Map<string | null, ObservationRecord[]>();
  for (const r of used) {
    if (r.row.breakdown === null) continue;
    byGroup.set(r.row.breakdown, [...(byGroup.get(r.row.breakdown) ?? []), r.row]);
  }
  const groups = [...byGroup.entries()]
    .sort(([a], [b]) => (a ?? "").localeCompare(b ?? ""))
    .map(([key, list]) => ({ key, estimate: combine(list, definition, options.confidence, options.empty) }));
  return { estimate, groups };
}
