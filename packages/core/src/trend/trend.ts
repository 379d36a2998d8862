import { z } from "zod";
import { MONTH_ABBREVIATIONS } from "../dates/month-names.js";
import { CoreError } from "../errors/core-error.js";
import { chiSquaredQuantile } from "../statistics/chi-squared.js";
import { assertConfidenceLevel } from "../statistics/confidence.js";

/** How many of the most recent periods the trend test uses. */
export const TREND_PERIODS = 5;

/** The confidence level of the trend test unless a caller names another: 99.8%. */
export const DEFAULT_TREND_CONFIDENCE = 0.998;

/**
 * One period's value for the trend test, oldest first. Proportions need `numerator` and `denominator`
 * (counts); other values need the 95% interval `lower` and `upper` (on the value's scale).
 */
export const trendPointSchema = z.object({
  period: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  lower: z.number().nullable().optional(),
  upper: z.number().nullable().optional(),
});
/** See {@link trendPointSchema}. */
export type TrendPoint = z.infer<typeof trendPointSchema>;

/** The outcome of the trend test. */
export const trendDirectionSchema = z.enum([
  "increasing",
  "decreasing",
  "no_significant_change",
  "cannot_calculate",
]);
/** See {@link trendDirectionSchema}. */
export type TrendDirection = z.infer<typeof trendDirectionSchema>;

/**
 * The result of {@link trendTest}: the direction, the χ² statistic (1 df), the slope (log-odds per
 * period for proportions, units per period otherwise), the periods used, why the test could not be
 * done or why an apparent trend was not accepted, and a plain en-GB sentence for the report.
 */
export const trendResultSchema = z.object({
  direction: trendDirectionSchema,
  statistic: z.number().nullable(),
  slope: z.number().nullable(),
  periods: z.array(z.string()),
  reason: z.string().nullable(),
  sentence: z.string(),
});
/** See {@link trendResultSchema}. */
export type TrendResult = z.infer<typeof trendResultSchema>;

/** Options of {@link trendTest}. */
export interface TrendOptions {
  /** `proportion`: chi-squared test for trend on numerators and denominators; `other`: weighted least squares. */
  kind: "proportion" | "other";
  /** Confidence level of the test; default 0.998 (χ² > 9.5495). */
  confidence?: number;
  /**
   * The plural noun for the periods in the sentence ("quarters", "years"). By default it is read from
   * the period ids: quarter ids give "quarters" (or "years" when all five are the same quarter of
   * successive years, as for year-to-date), month ids "months", financial-year ids "years".
   */
  periodNoun?: string;
}

/** Per-point data the two tests work on: score (1…5), and what each test needs. */
interface Prepared {
  scores: number[];
  /** Proportions: events and trials. Other: values and weights 1/SE². */
  a: number[];
  b: number[];
}

const QUARTER_ID = /^FY(\d{4}-\d{2})-Q([1-4])$/;
const YEAR_ID = /^FY(\d{4}-\d{2})$/;
const MONTH_ID = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** 2 × 1.96: a 95% interval is this many standard errors wide (methods.md). */
const INTERVAL_WIDTH_IN_SE = 3.92;

/**
 * Tests the trend over the five most recent periods (the last five points, which the caller orders
 * oldest to newest and makes consecutive), as the Fingertips / PHE methods do:
 *
 * - proportions: the chi-squared test for trend (Cochran–Armitage) on numerators and denominators,
 *   with the direction from the log-odds (the maximum-likelihood logistic slope has the sign of the
 *   test's score, and is reported as `slope`);
 * - other values: a weighted least-squares slope b with weights 1/SE², SE = (upper − lower)/3.92,
 *   and χ² = (b / SE_b)².
 *
 * The trend is significant when χ² exceeds the χ²(1 df) quantile at the confidence level (9.5495 at
 * 99.8%) and the slope keeps its sign whenever any single point is left out. A missing value, count or
 * interval among the five, or fewer than five points, gives `cannot_calculate` with the reason.
 *
 * @param points - the series, oldest first; only the last five are used
 * @param options - `kind`, `confidence` (default 0.998) and `periodNoun`
 * @returns the {@link TrendResult}
 * @throws CoreError `invalid_argument` for an impossible proportion (numerator above denominator or
 *   negative) or an invalid confidence level (programmer errors)
 * @example
 * ```ts
 * const periods = ["FY2018-19-Q2", "FY2018-19-Q3", "FY2018-19-Q4", "FY2019-20-Q1", "FY2019-20-Q2"];
 * const points = [20, 25, 30, 35, 40].map((x, i) => ({
 *   period: periods[i] ?? "", value: x, numerator: x, denominator: 100,
 * }));
 * const result = trendTest(points, { kind: "proportion" });
 * result.sentence; // "Increasing over the five quarters to Q2 2019-20 (significant at 99.8%)."
 * result.statistic; // 11.904762
 * ```
 */
export function trendTest(points: readonly TrendPoint[], options: TrendOptions): TrendResult {
  const confidence = assertConfidenceLevel(options.confidence ?? DEFAULT_TREND_CONFIDENCE);
  const used = points.slice(-TREND_PERIODS);
  const periods = used.map((p) => p.period);
  const span = describeSpan(periods, options.periodNoun);
  const cannot = (clause: string): TrendResult => ({
    direction: "cannot_calculate",
    statistic: null,
    slope: null,
    periods,
    reason: `${capitalise(clause)}.`,
    sentence: span
      ? `The trend over ${span} cannot be calculated: ${clause}.`
      : `The trend cannot be calculated: ${clause}.`,
  });

  if (used.length < TREND_PERIODS) {
    const available = used.length === 1 ? "only 1 period is" : `only ${used.length} periods are`;
    return cannot(`${available} available and ${TREND_PERIODS} consecutive periods are needed`);
  }
  const prepared = options.kind === "proportion" ? prepareProportions(used) : prepareOther(used);
  if (typeof prepared === "string") return cannot(prepared);

  const fit = options.kind === "proportion" ? proportionTrend : weightedTrend;
  const all = fit(prepared, null);
  const threshold = chiSquaredQuantile(confidence, 1);
  const level = formatLevel(confidence);
  const base = { statistic: all.statistic, slope: all.slope, periods };

  if (all.direction === 0 || !(all.statistic > threshold)) {
    return {
      ...base,
      direction: "no_significant_change",
      reason: null,
      sentence: `No significant change over ${span} (tested at ${level}).`,
    };
  }
  const word = all.direction > 0 ? "increase" : "decrease";
  for (let left = 0; left < TREND_PERIODS; left++) {
    if (fit(prepared, left).direction !== all.direction) {
      const label = periodLabel(periods[left] ?? "");
      return {
        ...base,
        direction: "no_significant_change",
        reason: `Without ${label} the apparent ${word} disappears, so it rests on a single period.`,
        sentence: `No significant change over ${span}: the apparent ${word} depends on ${label} alone.`,
      };
    }
  }
  return {
    ...base,
    direction: all.direction > 0 ? "increasing" : "decreasing",
    reason: null,
    sentence: `${all.direction > 0 ? "Increasing" : "Decreasing"} over ${span} (significant at ${level}).`,
  };
}

interface Fit {
  /** −1, 0 or 1. */
  direction: number;
  statistic: number;
  slope: number | null;
}

function prepareProportions(points: readonly TrendPoint[]): Prepared | string {
  const prepared: Prepared = { scores: [], a: [], b: [] };
  for (const [i, point] of points.entries()) {
    const label = periodLabel(point.period);
    if (point.value === null) return `${label} has no value`;
    const x = point.numerator;
    const n = point.denominator;
    if (x === null || x === undefined || n === null || n === undefined) {
      return `${label} has no numerator and denominator`;
    }
    if (!(n > 0)) return `${label} has a denominator of zero`;
    if (!(x >= 0) || x > n || !Number.isFinite(n)) {
      throw new CoreError(
        "invalid_argument",
        `A trend point's numerator must lie between 0 and its denominator (period ${point.period}).`,
      );
    }
    prepared.scores.push(i + 1);
    prepared.a.push(x);
    prepared.b.push(n);
  }
  return prepared;
}

function prepareOther(points: readonly TrendPoint[]): Prepared | string {
  const prepared: Prepared = { scores: [], a: [], b: [] };
  for (const [i, point] of points.entries()) {
    const label = periodLabel(point.period);
    if (point.value === null) return `${label} has no value`;
    const { lower, upper } = point;
    if (lower === null || lower === undefined || upper === null || upper === undefined) {
      return `${label} has no confidence interval`;
    }
    const se = (upper - lower) / INTERVAL_WIDTH_IN_SE;
    if (!(se > 0) || !Number.isFinite(se)) return `${label} has a confidence interval of no width`;
    prepared.scores.push(i + 1);
    prepared.a.push(point.value);
    prepared.b.push(1 / (se * se));
  }
  return prepared;
}

/**
 * Chi-squared test for trend in proportions (Cochran–Armitage, as Altman 1991 §10.7.4):
 * T = Σ tᵢxᵢ − X·Σ nᵢtᵢ / N, χ² = T² / (p̄(1 − p̄)(Σ nᵢtᵢ² − (Σ nᵢtᵢ)² / N)). `skip` leaves one point out.
 */
function proportionTrend(data: Prepared, skip: number | null): Fit {
  let bigN = 0;
  let bigX = 0;
  let sumTX = 0;
  let sumNT = 0;
  let sumNT2 = 0;
  for (let i = 0; i < data.scores.length; i++) {
    if (i === skip) continue;
    const t = data.scores[i] ?? 0;
    const x = data.a[i] ?? 0;
    const n = data.b[i] ?? 0;
    bigN += n;
    bigX += x;
    sumTX += t * x;
    sumNT += n * t;
    sumNT2 += n * t * t;
  }
  const pBar = bigX / bigN;
  const score = sumTX - (bigX * sumNT) / bigN;
  const variance = pBar * (1 - pBar) * (sumNT2 - (sumNT * sumNT) / bigN);
  // Every proportion 0% or every one 100%: no change at all.
  if (!(variance > 0)) return { direction: 0, statistic: 0, slope: 0 };
  const relative = Math.abs(score) / Math.sqrt(variance);
  // Rounding noise in a perfectly flat series is not a direction.
  const direction = relative < 1e-12 ? 0 : Math.sign(score);
  return {
    direction,
    statistic: direction === 0 ? 0 : (score * score) / variance,
    slope: skip === null ? logisticSlope(data) : null,
  };
}

/**
 * The maximum-likelihood slope of logit(p) on the period number (Newton–Raphson). Its sign is the
 * sign of the Cochran–Armitage score. `null` when it does not exist (complete separation, e.g.
 * 0% for two periods then 100%).
 */
function logisticSlope(data: Prepared): number | null {
  const k = data.scores.length;
  let totalX = 0;
  let totalN = 0;
  let meanT = 0;
  for (let i = 0; i < k; i++) {
    totalX += data.a[i] ?? 0;
    totalN += data.b[i] ?? 0;
    meanT += data.scores[i] ?? 0;
  }
  meanT /= k;
  const pBar = totalX / totalN;
  if (pBar <= 0 || pBar >= 1) return 0;
  let alpha = Math.log(pBar / (1 - pBar));
  let beta = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let u0 = 0;
    let u1 = 0;
    let i00 = 0;
    let i01 = 0;
    let i11 = 0;
    for (let i = 0; i < k; i++) {
      const s = (data.scores[i] ?? 0) - meanT;
      const n = data.b[i] ?? 0;
      const pi = 1 / (1 + Math.exp(-(alpha + beta * s)));
      const residual = (data.a[i] ?? 0) - n * pi;
      const w = n * pi * (1 - pi);
      u0 += residual;
      u1 += s * residual;
      i00 += w;
      i01 += w * s;
      i11 += w * s * s;
    }
    const det = i00 * i11 - i01 * i01;
    if (!(det > 0)) return null;
    const dAlpha = (i11 * u0 - i01 * u1) / det;
    const dBeta = (i00 * u1 - i01 * u0) / det;
    alpha += dAlpha;
    beta += dBeta;
    if (!Number.isFinite(beta) || Math.abs(beta) > 50) return null;
    if (
      Math.abs(dBeta) <= 1e-13 * Math.max(1, Math.abs(beta)) &&
      Math.abs(dAlpha) <= 1e-13 * Math.max(1, Math.abs(alpha))
    ) {
      return beta;
    }
  }
  return null;
}

/** Weighted least squares of value on period number with weights 1/SE²; χ² = b² Σ w(t − t̄)². */
function weightedTrend(data: Prepared, skip: number | null): Fit {
  let sw = 0;
  let swt = 0;
  let swy = 0;
  for (let i = 0; i < data.scores.length; i++) {
    if (i === skip) continue;
    const w = data.b[i] ?? 0;
    sw += w;
    swt += w * (data.scores[i] ?? 0);
    swy += w * (data.a[i] ?? 0);
  }
  const meanT = swt / sw;
  const meanY = swy / sw;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < data.scores.length; i++) {
    if (i === skip) continue;
    const w = data.b[i] ?? 0;
    const dt = (data.scores[i] ?? 0) - meanT;
    const dy = (data.a[i] ?? 0) - meanY;
    sxx += w * dt * dt;
    sxy += w * dt * dy;
    syy += w * dy * dy;
  }
  const slope = sxy / sxx;
  // Rounding noise in a perfectly flat series is not a direction.
  const flat = syy === 0 || Math.abs(sxy) <= 1e-12 * Math.sqrt(sxx * syy);
  return {
    direction: flat ? 0 : Math.sign(slope),
    statistic: flat ? 0 : slope * slope * sxx,
    slope: flat ? 0 : slope,
  };
}

/**
 * How a period id reads in a sentence: `FY2019-20-Q2` → "Q2 2019-20", `FY2019-20` → "2019-20",
 * `2019-08` → "Aug 2019"; anything else as given.
 */
function periodLabel(id: string): string {
  const quarter = QUARTER_ID.exec(id);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const year = YEAR_ID.exec(id);
  if (year) return `${year[1]}`;
  const month = MONTH_ID.exec(id);
  if (month) return `${MONTH_ABBREVIATIONS[Number(month[2]) - 1]} ${month[1]}`;
  return id;
}

function inferNoun(periods: readonly string[]): string {
  const quarters = periods.map((p) => QUARTER_ID.exec(p));
  if (quarters.every((m) => m !== null)) {
    const sameQuarter = quarters.every((m) => m?.[2] === quarters[0]?.[2]);
    return sameQuarter && periods.length > 1 ? "years" : "quarters";
  }
  const months = periods.map((p) => MONTH_ID.exec(p));
  if (months.every((m) => m !== null)) {
    const sameMonth = months.every((m) => m?.[2] === months[0]?.[2]);
    return sameMonth && periods.length > 1 ? "years" : "months";
  }
  if (periods.every((p) => YEAR_ID.test(p))) return "years";
  return "periods";
}

/** "the five quarters to Q2 2019-20", or "" when there are no periods. */
function describeSpan(periods: readonly string[], noun: string | undefined): string {
  const last = periods.at(-1);
  if (last === undefined) return "";
  const count = periods.length === TREND_PERIODS ? "five" : String(periods.length);
  return `the ${count} ${noun ?? inferNoun(periods)} to ${periodLabel(last)}`;
}

function formatLevel(confidence: number): string {
  return `${Number((confidence * 100).toFixed(4))}%`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
