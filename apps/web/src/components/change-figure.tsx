import type { Polarity, Unit } from "@kpi/core";
import { judgeChange } from "../lib/change-direction";
import { changeText } from "../lib/figure-text";

const ARROWS = { up: "▲", down: "▼", same: "▶" } as const;
const VERDICTS = { better: "better", worse: "worse", neutral: "" } as const;

/**
 * A change against an earlier period: signed figure, an arrow for the direction, and the words
 * "better" or "worse" by the indicator's polarity (coloured too, but never by colour alone).
 *
 * @param props - the unrounded `change`, the indicator's `unit`, `decimals` and `polarity`
 * @returns the change, or an en dash without one
 * @example
 * ```tsx
 * <ChangeFigure change={2.36} unit="percent" decimals={1} polarity="high" />
 * ```
 */
export function ChangeFigure({
  change,
  unit,
  decimals,
  polarity,
}: {
  change: number | null;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
}) {
  const judgement = judgeChange(change, polarity, decimals);
  if (judgement === null) return <span>–</span>;
  const verdict = judgement.direction === "same" ? "no change" : VERDICTS[judgement.verdict];
  return (
    <span className={judgement.verdict === "neutral" ? undefined : `change-${judgement.verdict}`}>
      <span aria-hidden="true">{ARROWS[judgement.direction]} </span>
      {changeText(change, unit, decimals)}
      {verdict === "" ? null : <> ({verdict})</>}
    </span>
  );
}
