import type { QuartileBand } from "../comparisons/quartile.js";
import { formatPValue } from "../formatting/format-p-value.js";
import { formatQuantity } from "../formatting/format-quantity.js";
import { formatSetFigure } from "../formatting/format-set-figure.js";
import { formatChange } from "../formatting/format-value.js";
import { roundHalfAwayFromZero } from "../formatting/round.js";
import type { NarrativeBenchmark, NarrativeComparison } from "../narrative/describe-indicator.js";
import type { SeasonalResult } from "../seasonality/seasonality.js";
import type { StatusResult } from "../thresholds/status.js";
import type { TrendResult } from "../trend/trend.js";
import type { Estimate, Polarity, Unit } from "../values/units.js";
import type { Judgement, JudgementReason, JudgementSignal, Verdict } from "./judgement-schema.js";
import { CHANCE_P_VALUE, isMaterialChange } from "./materiality.js";

/**
 * The points each signal carries in the judgement rule (decision 151). A change counts when it is
 * significant, or material and not within chance; it carries its `counts` points, and `both` when it
 * is significant and material. The year-on-year change weighs more: it compares like seasons.
 */
export const JUDGEMENT_POINTS = {
  samePeriodLastYear: { counts: 2, both: 3 },
  previousPeriod: { counts: 1, both: 2 },
  seasonal: 1,
  target: { green: 1, amber: -1, red: -2 },
  benchmark: 1,
  quartile: 1,
  trend: 1,
} as const;

/** A verdict needs a score at least this far from 0 (`+2` positive, `−2` negative). */
export const VERDICT_THRESHOLD = 2;

/** A quartile band among a comparator group, for {@link judgeIndicator}. */
export interface JudgementQuartile {
  /** A best … D worst. */
  band: QuartileBand;
  /** The comparator group as it reads mid-sentence, e.g. `statistical neighbours`. */
  name: string;
  /** The benchmark's period label, e.g. `2018-19`. */
  label: string;
}

/** The level signals of an indicator: its status against a target, benchmark and quartile band. */
export interface JudgementLevelSignals {
  /** Status against the target, if any. */
  status?: StatusResult | null;
  /** The first benchmark compared (`compareWithBenchmark`'s result), if any. */
  benchmark?: NarrativeBenchmark | null;
  /** The quartile band among a comparator group, if any. */
  quartile?: JudgementQuartile | null;
}

/**
 * The partner of a complementary pair (two shares of one whole, such as contacts at level 4 or 3 and
 * at level 2 or 1): the pair is judged once, so its own target, benchmark and band count as signals
 * of the pair, while its changes (the mirror image of the indicator's) do not count again.
 */
export interface JudgementComplement extends JudgementLevelSignals {
  /** The partner's title. */
  title: string;
  /** Its unit. */
  unit: Unit;
  /** Its display decimals. */
  decimals: number;
  /** Its polarity (the opposite of the indicator's). */
  polarity: Polarity;
}

/** Input of {@link judgeIndicator}: every signal the product has for one indicator and period. */
export interface JudgementInput extends JudgementLevelSignals {
  /** The indicator's title. */
  title: string;
  /** The indicator's unit. */
  unit: Unit;
  /** Display decimals. */
  decimals: number;
  /** Which direction is good; `none` is never positive or negative. */
  polarity: Polarity;
  /** This period's label, e.g. `Q2 2019-20`. */
  periodLabel: string;
  /** This period's estimate. */
  current: Estimate;
  /** The same period one financial year earlier, with `compareChange`'s result. */
  samePeriodLastYear?: NarrativeComparison | null;
  /** The previous period, with `compareChange`'s result. */
  previous?: NarrativeComparison | null;
  /** The seasonal expectation of this quarter (`seasonalExpectation`). */
  seasonal?: SeasonalResult | null;
  /** The trend test over the latest periods (`trendTest`). */
  trend?: TrendResult | null;
  /** The other indicator of a complementary pair, judged with this one. */
  complement?: JudgementComplement | null;
}

const SIGNAL_ORDER: readonly JudgementSignal[] = [
  "same_period_last_year",
  "previous_period",
  "target",
  "seasonal",
  "benchmark",
  "quartile",
  "trend",
];

const goodWhenUp = (polarity: Polarity) => polarity === "high";

function changeReason(
  signal: "same_period_last_year" | "previous_period",
  c: NarrativeComparison,
  input: JudgementInput,
  notes: string[],
): JudgementReason | null {
  const { unit, decimals, polarity } = input;
  const was = c.estimate.value;
  const delta = c.change.change;
  if (was === null || delta === null) {
    notes.push(`There is no figure for ${c.label} to compare with.`);
    return null;
  }
  const moved = roundHalfAwayFromZero(delta, decimals) !== 0;
  const from = `${formatQuantity(was, unit, decimals)} in ${c.label}`;
  if (!moved) {
    notes.push(`Unchanged from ${from}.`);
    return null;
  }
  const significant = c.change.significant === true;
  const material = isMaterialChange(delta, was, unit);
  const p = c.change.pValue;
  const verb = delta > 0 ? "rose" : "fell";
  const size = formatChange(delta, unit, decimals);
  if (!significant && !(material && (p === null || p < CHANCE_P_VALUE))) {
    const why = material && p !== null ? `within chance variation, ${formatPValue(p)}` : "a small change";
    notes.push(`${capitalise(verb)} from ${from} (${size}; ${why}).`);
    return null;
  }
  const weights =
    signal === "same_period_last_year"
      ? JUDGEMENT_POINTS.samePeriodLastYear
      : JUDGEMENT_POINTS.previousPeriod;
  const points = significant && material ? weights.both : weights.counts;
  const quality =
    p === null
      ? "material; not tested for significance"
      : significant
        ? `${material ? "significant and material" : "significant"}, ${formatPValue(p)}`
        : `material, not significant: ${formatPValue(p)}`;
  const good = delta > 0 === goodWhenUp(polarity);
  return {
    signal,
    direction: good ? "good" : "bad",
    points: good ? points : -points,
    text: `${verb} from ${from} (${size}; ${quality})`,
  };
}

function levelReasons(
  signals: JudgementLevelSignals,
  polarity: Polarity,
  unit: Unit,
  decimals: number,
  prefix: string,
  notes: string[],
): JudgementReason[] {
  const out: JudgementReason[] = [];
  const status = signals.status;
  if (status?.status != null && status.target !== null) {
    const t = status.target;
    const target =
      "value" in t
        ? `the target of ${formatSetFigure(t.value, unit, decimals)}`
        : `the target range of ${formatSetFigure(t.range[0], unit, decimals)} to ${formatSetFigure(t.range[1], unit, decimals)}`;
    const words = {
      green: `meets ${target} (green)`,
      amber: `misses ${target} by less than its tolerance (amber)`,
      red: `misses ${target} (red)`,
    } as const;
    const points = JUDGEMENT_POINTS.target[status.status];
    out.push({
      signal: "target",
      direction: points > 0 ? "good" : "bad",
      points,
      text: `${prefix}${words[status.status]}`,
    });
  }
  const b = signals.benchmark;
  if (b != null) {
    const figure = `${formatSetFigure(b.value, unit, decimals)} in ${b.label}`;
    if (b.result === "better" || b.result === "worse") {
      const good = b.result === "better";
      out.push({
        signal: "benchmark",
        direction: good ? "good" : "bad",
        points: good ? JUDGEMENT_POINTS.benchmark : -JUDGEMENT_POINTS.benchmark,
        text: `${prefix}significantly ${b.result} than ${b.name} (${figure})`,
      });
    } else if (b.result === "similar") {
      notes.push(`${capitalise(`${prefix}similar to ${b.name} (${figure}).`)}`);
    }
  }
  const q = signals.quartile;
  if (q != null && polarity !== "none" && (q.band === "A" || q.band === "D")) {
    const good = q.band === "A";
    out.push({
      signal: "quartile",
      direction: good ? "good" : "bad",
      points: good ? JUDGEMENT_POINTS.quartile : -JUDGEMENT_POINTS.quartile,
      text: `${prefix}in the ${good ? "best" : "worst"} quarter of ${q.name} in ${q.label} (band ${q.band})`,
    });
  }
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function neither(input: JudgementInput, notes: string[], why: string): Judgement {
  return {
    verdict: "neither",
    score: 0,
    strength: 0,
    reasons: [],
    notes: [why, ...notes],
    sentence: `${input.title} is neither a positive nor a negative KPI: ${why.charAt(0).toLowerCase()}${why.slice(1, -1)}.`,
  };
}

/**
 * The one judgement rule of the product (decision 151): from an indicator's value and every signal
 * there is, whether it is a **positive** KPI, a **negative** KPI or **neither**, with a strength to rank
 * by and the reasons in words. Each signal carries points, good news positive and bad negative
 * ({@link JUDGEMENT_POINTS}):
 *
 * - the change on the same period last year (seasonally fair) and on the previous period count when
 *   significant by the test for their kind (`compareChange`), or material (3 percentage points, or 10%
 *   of the earlier figure: `isMaterialChange`) and not within chance (p < 0.32), so direction of travel
 *   counts, not only significance: 2 (3 if both) on last year, 1 (2 if both) on last quarter;
 * - the status against the target: green +1, amber −1, red −2;
 * - a departure from the seasonal expectation (the expected value outside this quarter's interval) ±1;
 * - significantly better or worse than the benchmark ±1; the best or worst quartile band ±1;
 * - a significant trend ±1.
 *
 * A score of +2 or more is positive, −2 or less negative. Polarity `none` is never either; a missing
 * value or baseline is a missing signal, never a change. A complementary partner's own target,
 * benchmark and band count for the pair, which is judged once.
 *
 * @param input - the indicator, its value and its signals
 * @returns the verdict, score, strength, reasons, notes and a sentence
 * @example
 * ```ts
 * const pct = (x: number, n: number) => ({ value: (100 * x) / n, numerator: x, denominator: n,
 *   lower: null, upper: null, method: "wilson", confidence: 0.95, note: null }) as const;
 * const current = pct(239, 303);
 * const lastYear = pct(260, 308);
 * const j = judgeIndicator({ title: "Health assessments on time", unit: "percent", decimals: 1,
 *   polarity: "high", periodLabel: "Q2 2019-20", current,
 *   samePeriodLastYear: { label: "Q2 2018-19", estimate: lastYear, change: compareChange(current, lastYear, "high") } });
 * j.verdict; // "negative"
 * j.reasons[0].text; // "fell from 84.4% in Q2 2018-19 (−5.5 percentage points; material, not significant: p = 0.077)"
 * ```
 */
export function judgeIndicator(input: JudgementInput): Judgement {
  const notes: string[] = [];
  if (input.polarity === "none") return neither(input, notes, "It has no good direction.");
  if (input.current.value === null) {
    const why = input.current.note === null ? "" : ` (${input.current.note.replace(/\.$/, "")})`;
    return neither(input, notes, `There is no figure for ${input.periodLabel}${why}.`);
  }
  const reasons: JudgementReason[] = [];
  for (const [signal, c] of [
    ["same_period_last_year", input.samePeriodLastYear],
    ["previous_period", input.previous],
  ] as const) {
    if (c == null) continue;
    const r = changeReason(signal, c, input, notes);
    if (r !== null) reasons.push(r);
  }
  reasons.push(...levelReasons(input, input.polarity, input.unit, input.decimals, "", notes));
  const s = input.seasonal;
  if (s != null && s.inLine === false && s.departure !== null && s.departure !== 0) {
    const good = s.departure > 0 === goodWhenUp(input.polarity);
    const expected =
      s.expected === null ? "" : ` (expected ${formatQuantity(s.expected, input.unit, input.decimals)})`;
    reasons.push({
      signal: "seasonal",
      direction: good ? "good" : "bad",
      points: good ? JUDGEMENT_POINTS.seasonal : -JUDGEMENT_POINTS.seasonal,
      text: `${s.departure > 0 ? "higher" : "lower"} than the usual seasonal pattern predicts${expected}`,
    });
  } else if (s != null && s.inLine === true) {
    notes.push(s.sentence);
  }
  const t = input.trend;
  if (t != null && (t.direction === "increasing" || t.direction === "decreasing")) {
    const good = (t.direction === "increasing") === goodWhenUp(input.polarity);
    reasons.push({
      signal: "trend",
      direction: good ? "good" : "bad",
      points: good ? JUDGEMENT_POINTS.trend : -JUDGEMENT_POINTS.trend,
      text: `${good ? "improving" : "worsening"} over the latest five periods (${t.direction}, a significant trend)`,
    });
  }
  const c = input.complement;
  if (c != null) {
    reasons.push(...levelReasons(c, c.polarity, c.unit, c.decimals, `${c.title} `, notes));
    notes.push(`Judged once with ${c.title}: together they make up the whole.`);
  }
  reasons.sort(
    (a, b) =>
      Math.abs(b.points) - Math.abs(a.points) ||
      SIGNAL_ORDER.indexOf(a.signal) - SIGNAL_ORDER.indexOf(b.signal),
  );
  const score = reasons.reduce((sum, r) => sum + r.points, 0);
  const verdict: Verdict =
    score >= VERDICT_THRESHOLD ? "positive" : score <= -VERDICT_THRESHOLD ? "negative" : "neither";
  const value = `${input.title} (${formatQuantity(input.current.value, input.unit, input.decimals)} in ${input.periodLabel})`;
  const because = reasons.length === 0 ? "" : `: ${reasons.map((r) => r.text).join("; ")}`;
  const sentence =
    verdict === "neither"
      ? reasons.length === 0
        ? `${value} is neither a positive nor a negative KPI: nothing has moved enough to say.`
        : `${value} is neither a positive nor a negative KPI, the signals being mixed or weak${because}.`
      : `${value} is a ${verdict} KPI${because}.`;
  return {
    verdict,
    score,
    strength: verdict === "neither" ? 0 : Math.abs(score),
    reasons,
    notes,
    sentence,
  };
}
