import { formatQuantity } from "../formatting/format-quantity.js";
import { formatSetFigure } from "../formatting/format-set-figure.js";
import type { JudgementQuartile } from "../judgement/judge-indicator.js";
import type { Judgement, JudgementReason } from "../judgement/judgement-schema.js";
import type { StatusResult } from "../thresholds/status.js";
import type { Estimate, Polarity, Unit } from "../values/units.js";
import type { NarrativeBenchmark, NarrativeComparison } from "./describe-indicator.js";

/** A theme's words: its name mid-sentence (`timeliness`, `missing episodes`) and whether it is plural. */
export interface DraftTheme {
  /** e.g. `timeliness`. */
  name: string;
  /** `true` when the name takes a plural verb ("missing episodes usually rise"). */
  plural: boolean;
}

/** One judged indicator of a section, as {@link draftSection} reads it. */
export interface DraftIndicator {
  /** Short name used inside sentences, e.g. `health assessments`. */
  shortTitle: string;
  /** Theme id (see `DraftSectionInput.themes`), or `null`. */
  theme: string | null;
  /** The indicator's unit. */
  unit: Unit;
  /** Display decimals. */
  decimals: number;
  /** Which direction is good. */
  polarity: Polarity;
  /** This quarter's estimate. */
  current: Estimate;
  /** The previous quarter with the change to it. */
  previous: NarrativeComparison | null;
  /** The same quarter last year with the change to it. */
  samePeriodLastYear: NarrativeComparison | null;
  /** Status against the target. */
  status: StatusResult | null;
  /** The first benchmark compared. */
  benchmark: NarrativeBenchmark | null;
  /** The quartile band among a comparator group. */
  quartile: JudgementQuartile | null;
  /** The judgement (`judgeIndicator`). */
  judgement: Judgement;
  /** Monthly seasonal indices, April first (`monthlyIndices`), or `null`. */
  monthlyIndices: number[] | null;
  /** `true` for an indicator of another section told here too (it is not placed against neighbours here). */
  fromOtherSection: boolean;
}

/** Input of {@link draftSection}. */
export interface DraftSectionInput {
  /** e.g. `Q2 2019-20`. */
  periodLabel: string;
  /** The quarter of the financial year (Q2 = July to September). */
  quarter: 1 | 2 | 3 | 4;
  /** The section's judged indicators in catalogue order (a complementary pair once). */
  indicators: readonly DraftIndicator[];
  /** Titles of the indicators without a figure this quarter. */
  withoutFigures?: readonly string[];
  /** The words of each theme the indicators name. */
  themes: Readonly<Record<string, DraftTheme>>;
}

/** Month names in financial-year order, April first (the platform's calendar names, not another table). */
const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(
    Date.UTC(2000, (i + 3) % 12, 1),
  ),
);
/** A month is a usual dip (or peak) of a theme when its index is at least this far from 1 on the bad side. */
export const SEASONAL_DIP_MARGIN = 0.03;
/** Most indicators outside a theme named in one sentence of the draft. */
const MAX_NAMED = 3;
/** Most indicators without a figure named one by one; more are counted (the table gives each reason). */
const MAX_WITHOUT_NAMED = 6;
/** Most indicators placed against neighbours. */
const MAX_AGAINST_NEIGHBOURS = 3;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const value = (d: DraftIndicator) => formatQuantity(d.current.value, d.unit, d.decimals);

const CHANGE_SIGNALS = new Set(["same_period_last_year", "previous_period"]);

function topReason(d: DraftIndicator): JudgementReason | undefined {
  return d.judgement.reasons.find((r) => r.points !== 0);
}

function comparisonOf(d: DraftIndicator, signal: string): NarrativeComparison | null {
  return signal === "previous_period" ? d.previous : d.samePeriodLastYear;
}

/** "health assessments fell to 78.9% (from 89.6% in Q1 2019-20)", or a level phrase when no change counted. */
function clause(d: DraftIndicator): string {
  const r = topReason(d);
  if (r !== undefined && CHANGE_SIGNALS.has(r.signal)) {
    const c = comparisonOf(d, r.signal);
    if (c?.estimate.value != null && c.change.change !== null) {
      const verb = c.change.change > 0 ? "rose" : "fell";
      return `${d.shortTitle} ${verb} to ${value(d)} (from ${formatQuantity(c.estimate.value, d.unit, d.decimals)} in ${c.label})`;
    }
  }
  if (r?.signal === "target" && d.status?.target != null) {
    const t = d.status.target;
    const where =
      "value" in t
        ? `${(d.current.value ?? 0) < t.value ? "below" : "above"} the target of ${formatSetFigure(t.value, d.unit, d.decimals)}`
        : `outside the target range of ${formatSetFigure(t.range[0], d.unit, d.decimals)} to ${formatSetFigure(t.range[1], d.unit, d.decimals)}`;
    return `${d.shortTitle} at ${value(d)}, ${where}`;
  }
  if (r?.signal === "benchmark" && d.benchmark !== null) {
    return `${d.shortTitle} at ${value(d)}, ${d.benchmark.result} than ${d.benchmark.name} (${formatSetFigure(d.benchmark.value, d.unit, d.decimals)})`;
  }
  if (r?.signal === "quartile" && d.quartile !== null) {
    return `${d.shortTitle} at ${value(d)}, in the ${d.quartile.band === "A" ? "best" : "worst"} quarter of ${d.quartile.name}`;
  }
  if (r?.signal === "seasonal") {
    const higher = (r.direction === "good") === (d.polarity === "high");
    return `${d.shortTitle} at ${value(d)}, ${higher ? "higher" : "lower"} than the seasonal pattern predicts`;
  }
  return `${d.shortTitle} at ${value(d)}, ${r?.direction === "bad" ? "worsening" : "improving"} steadily`;
}

/** One sentence for a theme's members that moved the same way: "Timeliness fell: a 78.9% (89.6% in Q1 2019-20), b …". */
function themeSentence(name: string, members: readonly DraftIndicator[], bad: boolean): string {
  const basis = (["previous_period", "same_period_last_year"] as const).find((signal) =>
    members.every((m) => m.judgement.reasons.some((r) => r.signal === signal && r.points !== 0)),
  );
  const changes = members.map((m) => {
    const signal = basis ?? topReason(m)?.signal ?? "";
    const c = CHANGE_SIGNALS.has(signal) ? comparisonOf(m, signal) : null;
    return { m, c: c?.estimate.value != null && c.change.change !== null ? c : null };
  });
  const allFell = changes.every((x) => x.c !== null && (x.c.change.change ?? 0) < 0);
  const allRose = changes.every((x) => x.c !== null && (x.c.change.change ?? 0) > 0);
  const verb = allFell ? "fell" : allRose ? "rose" : bad ? "worsened" : "improved";
  const parts = changes.map(({ m, c }, i) => {
    if (c === null || c.estimate.value === null) return clause(m);
    const was = formatQuantity(c.estimate.value, m.unit, m.decimals);
    const label = basis === undefined || i === 0 ? ` in ${c.label}` : "";
    return `${m.shortTitle} ${value(m)} (${was}${label})`;
  });
  return `${capitalise(name)} ${verb}: ${listText(parts)}.`;
}

function movementParagraph(
  items: readonly DraftIndicator[],
  bad: boolean,
  themes: Readonly<Record<string, DraftTheme>>,
): string {
  const sentences: string[] = [];
  const byTheme = new Map<string, DraftIndicator[]>();
  for (const d of items) if (d.theme !== null) byTheme.set(d.theme, [...(byTheme.get(d.theme) ?? []), d]);
  const grouped = new Set<DraftIndicator>();
  for (const [theme, members] of byTheme) {
    if (members.length < 2) continue;
    sentences.push(themeSentence(themes[theme]?.name ?? theme.replaceAll("_", " "), members, bad));
    for (const m of members) grouped.add(m);
  }
  const rest = items.filter((d) => !grouped.has(d));
  if (rest.length > 0) {
    const named = rest.slice(0, MAX_NAMED).map(clause);
    const more = rest.length - named.length;
    const tail = more === 0 ? "" : `, with ${more} more in the ${bad ? "negative" : "positive"} KPIs`;
    const lead = bad ? (sentences.length > 0 ? "Also of concern" : "Of concern") : "Going well";
    sentences.push(`${lead}: ${listText(named)}${tail}.`);
  }
  return sentences.join(" ");
}

function seasonalParagraph(input: DraftSectionInput): string | null {
  const q = input.quarter;
  const sentences: string[] = [];
  const themeIds = [...new Set(input.indicators.flatMap((d) => (d.theme === null ? [] : [d.theme])))];
  for (const theme of themeIds) {
    const members = input.indicators.filter((d) => d.theme === theme && d.monthlyIndices !== null);
    if (members.length === 0) continue;
    const high = members[0]?.polarity !== "low";
    const dips: string[] = [];
    for (let m = (q - 1) * 3; m < q * 3; m++) {
      const mean = members.reduce((s, d) => s + (d.monthlyIndices?.[m] ?? 1), 0) / members.length;
      if (high ? mean <= 1 - SEASONAL_DIP_MARGIN : mean >= 1 + SEASONAL_DIP_MARGIN)
        dips.push(MONTHS[m] as string);
    }
    if (dips.length === 0) continue;
    const words = input.themes[theme] ?? { name: theme.replaceAll("_", " "), plural: false };
    const verb = high ? (words.plural ? "dip" : "dips") : words.plural ? "rise" : "rises";
    let sentence = `Q${q} includes ${listText(dips)}, when ${words.name} usually ${verb}.`;
    const further = input.indicators.filter(
      (d) =>
        d.theme === theme &&
        d.judgement.reasons.some((r) => r.signal === "seasonal" && r.direction === "bad"),
    );
    const better = input.indicators.filter((d) => d.theme === theme && d.judgement.verdict === "positive");
    if (further.length > 0) {
      const word = high ? "lower" : "higher";
      sentence += ` Even so, ${listText(further.map((d) => d.shortTitle))} came in ${word} than that pattern predicts.`;
    } else if (better.length > 0 && better.length === members.length) {
      sentence += " The comparison with the same quarter last year allows for that.";
    }
    sentences.push(sentence);
  }
  return sentences.length === 0 ? null : sentences.join(" ");
}

function neighboursParagraph(input: DraftSectionInput): string | null {
  const rows: { bad: boolean; both: boolean; text: string }[] = [];
  for (const d of input.indicators) {
    if (d.fromOtherSection || d.polarity === "none") continue;
    const b = d.benchmark;
    const band = d.quartile?.band === "A" || d.quartile?.band === "D" ? d.quartile : null;
    const compared = b !== null && (b.result === "better" || b.result === "worse") ? b : null;
    if (compared === null && band === null) continue;
    const bad = compared?.result === "worse" || band?.band === "D";
    const position = band === null ? "" : `${band.band === "A" ? "best" : "worst"} quarter`;
    const text =
      compared === null
        ? `${d.shortTitle} at ${value(d)}, in the ${position} of ${band?.name ?? ""}`
        : `${d.shortTitle} at ${value(d)} against ${formatSetFigure(compared.value, d.unit, d.decimals)} for ${compared.name}${position === "" ? "" : `, in their ${position}`}`;
    rows.push({ bad, both: compared !== null && band !== null, text });
  }
  if (rows.length === 0) return null;
  const rank = (r: { bad: boolean; both: boolean }) => (r.bad ? 0 : 2) + (r.both ? 0 : 1);
  const picked = [...rows].sort((x, y) => rank(x) - rank(y)).slice(0, MAX_AGAINST_NEIGHBOURS);
  const items = picked.map((r) => r.text);
  const joined = items.length <= 1 ? items.join("") : `${items.slice(0, -1).join("; ")}; and ${items.at(-1)}`;
  return `Compared with other authorities: ${joined}.`;
}

/**
 * Drafts a section's analysis as a manager would write it (decision 152): a few short paragraphs that
 * lead with what matters and never restate every figure. The stronger of the negative and positive
 * movements comes first (negative when equal), related indicators (a theme, such as the timeliness
 * measures) in one sentence, at most three others by name; then the seasonal context, derived from the
 * monthly seasonal indices ("Q2 includes July and August, when timeliness usually dips"), and whether
 * this year's movement goes beyond it; then the position against neighbours (worst and best quartiles,
 * significantly worse or better than a benchmark). Deterministic: the same input gives the same text.
 * Paragraphs are separated by a blank line.
 *
 * @param input - the quarter, the section's judged indicators and the theme words
 * @returns the drafted text
 * @example
 * ```ts
 * const judgement = (verdict: "positive" | "negative") => ({ verdict, score: 3, strength: 3, reasons: [
 *   { signal: "same_period_last_year", direction: "good", points: 3, text: "" }], notes: [], sentence: "" }) as const;
 * const count = (n: number) => ({ value: n, numerator: n, denominator: null, lower: null, upper: null,
 *   method: "byar", confidence: 0.95, note: null }) as const;
 * const change = { change: -23, significant: true, assessment: "improving", reason: null,
 *   test: "poisson_counts", pValue: 0.022 } as const;
 * const text = draftSection({ periodLabel: "Q2 2019-20", quarter: 2, themes: {}, indicators: [{
 *   shortTitle: "children missing from care", theme: null, unit: "count", decimals: 0, polarity: "low",
 *   current: count(35), previous: null, samePeriodLastYear: { label: "Q2 2018-19", estimate: count(58), change },
 *   status: null, benchmark: null, quartile: null, judgement: judgement("positive"), monthlyIndices: null,
 *   fromOtherSection: false }] });
 * text; // "Going well: children missing from care fell to 35 (from 58 in Q2 2018-19)."
 * ```
 */
export function draftSection(input: DraftSectionInput): string {
  const byStrength = (a: DraftIndicator, b: DraftIndicator) => b.judgement.strength - a.judgement.strength;
  const negative = input.indicators.filter((d) => d.judgement.verdict === "negative").sort(byStrength);
  const positive = input.indicators.filter((d) => d.judgement.verdict === "positive").sort(byStrength);
  const movements: string[] = [];
  const neg = negative.length === 0 ? null : movementParagraph(negative, true, input.themes);
  const pos = positive.length === 0 ? null : movementParagraph(positive, false, input.themes);
  const negFirst = (negative[0]?.judgement.strength ?? 0) >= (positive[0]?.judgement.strength ?? 0);
  for (const p of negFirst ? [neg, pos] : [pos, neg]) if (p !== null) movements.push(p);
  const without = input.withoutFigures ?? [];
  if (input.indicators.length === 0 && without.length > 0)
    return `There are no figures in this section for ${input.periodLabel}.`;
  if (movements.length === 0)
    movements.push(
      `Nothing in this section moved enough in ${input.periodLabel} to call it positive or negative.`,
    );
  const paragraphs = [...movements, seasonalParagraph(input), neighboursParagraph(input)];
  if (without.length > MAX_WITHOUT_NAMED)
    paragraphs.push(
      `There are no figures for ${input.periodLabel} for ${without.length} measures; the table gives each one's reason.`,
    );
  else if (without.length > 0)
    paragraphs.push(`There are no figures for ${input.periodLabel} for: ${without.join("; ")}.`);
  return paragraphs.filter((p): p is string => p !== null && p !== "").join("\n\n");
}
