import type { Judgement } from "@kpi/contract";
import { verdictPresentation } from "../lib/judgement-text";

/**
 * An indicator's verdict from the judgement rule (the same the report lists it by), in words, with
 * the judgement's sentence as its description.
 *
 * @param props - the `judgement`
 * @returns the badge
 * @example
 * ```tsx
 * <VerdictBadge judgement={indicator.judgement} />
 * ```
 */
export function VerdictBadge({ judgement }: { judgement: Judgement }) {
  const p = verdictPresentation(judgement.verdict);
  return (
    <span className={`verdict verdict-${p.tone}`} title={judgement.sentence}>
      {p.word}
    </span>
  );
}
