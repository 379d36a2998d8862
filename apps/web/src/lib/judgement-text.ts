import type { Verdict } from "@kpi/core";

/** How a verdict reads on a badge: the words, and the tone for its colour (never the only carrier). */
export interface VerdictPresentation {
  /** e.g. `Positive KPI`. */
  word: string;
  /** CSS tone. */
  tone: "good" | "bad" | "neutral";
}

/**
 * How the judgement's verdict is shown everywhere in the portal (tiles, report, indicator page): the
 * words and a tone. One mapping, so no page calls a KPI positive that another calls negative.
 *
 * @param verdict - the judgement's verdict
 * @returns the words and tone
 * @example
 * ```ts
 * verdictPresentation("negative"); // { word: "Negative KPI", tone: "bad" }
 * ```
 */
export function verdictPresentation(verdict: Verdict): VerdictPresentation {
  switch (verdict) {
    case "positive":
      return { word: "Positive KPI", tone: "good" };
    case "negative":
      return { word: "Negative KPI", tone: "bad" };
    default:
      return { word: "Neither positive nor negative", tone: "neutral" };
  }
}
