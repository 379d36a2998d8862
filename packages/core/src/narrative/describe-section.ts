/** Input of {@link describeSection}. */
export interface DescribeSectionInput {
  /** e.g. `Family Front Door`. */
  sectionTitle: string;
  /** e.g. `Q2 2019-20`. */
  periodLabel: string;
  /** Each indicator's drafted sentences (from `describeIndicator`), one paragraph each. */
  sentences: string[];
  /** Positive KPIs: titles or justifying sentences (from `classifyKpi`). */
  positive: string[];
  /** Negative KPIs: titles or justifying sentences. */
  negative: string[];
}

const kpis = (n: number, kind: string): string => `${n === 0 ? "no" : n} ${kind} ${n === 1 ? "KPI" : "KPIs"}`;

/** Trims an entry and drops its closing full stop so entries can be joined by semicolons. */
const entry = (s: string): string => s.trim().replace(/\.+$/, "");

/**
 * Drafts a section's analysis text: an opening line, one paragraph per indicator, then the
 * "Positive KPIs: …" and "Negative KPIs: …" lines (entries joined by semicolons, "none" when empty).
 * Paragraphs are separated by a blank line. Empty entries are left out. Staff edit the draft.
 *
 * @param input - the section's title, period, indicator sentences and KPI lists
 * @returns the drafted text
 * @example
 * ```ts
 * const text = describeSection({ sectionTitle: "Family Front Door", periodLabel: "Q2 2019-20",
 *   sentences: ["Contacts is 1,810 in Q2 2019-20."], positive: ["SWA timeliness"], negative: [] });
 * text.split("\n\n")[0]; // "Family Front Door in Q2 2019-20: 1 positive KPI and no negative KPIs."
 * text.split("\n\n")[2]; // "Positive KPIs: SWA timeliness."
 * ```
 */
export function describeSection(input: DescribeSectionInput): string {
  const positive = input.positive.map(entry).filter((s) => s !== "");
  const negative = input.negative.map(entry).filter((s) => s !== "");
  const list = (items: string[]) => (items.length === 0 ? "none." : `${items.join("; ")}.`);
  const paragraphs = [
    `${input.sectionTitle} in ${input.periodLabel}: ${kpis(positive.length, "positive")} and ${kpis(negative.length, "negative")}.`,
    ...input.sentences.map((s) => s.trim()).filter((s) => s !== ""),
    `Positive KPIs: ${list(positive)}`,
    `Negative KPIs: ${list(negative)}`,
  ];
  return paragraphs.join("\n\n");
}
