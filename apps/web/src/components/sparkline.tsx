import { type DisclosureCell, SUPPRESSED, type Unit } from "@kpi/core";
import { publishedText } from "../lib/figure-text";
import { sparklineGeometry } from "../lib/sparkline-geometry";

const BOX = { width: 160, height: 36, pad: 4 };

/**
 * A small server-rendered line chart of recent quarters, as inline SVG (no JavaScript), with a dashed
 * target line and a text alternative that reads every value. A suppressed value (`c`, in the report's
 * published form) is a gap in the line and reads as `c`.
 *
 * @param props - `id` (unique on the page), `points` (label and value, oldest first), `unit`,
 *   `decimals`, and a numeric `target` or `null`
 * @returns the SVG
 * @example
 * ```tsx
 * <Sparkline id="swa" points={[{ label: "Q1 2019-20", value: 45.1 }]} unit="percent" decimals={1} target={60} />
 * ```
 */
export function Sparkline({
  id,
  points,
  unit,
  decimals,
  target,
}: {
  id: string;
  points: { label: string; value: DisclosureCell }[];
  unit: Unit;
  decimals: number;
  target: number | null;
}) {
  const g = sparklineGeometry(
    points.map((p) => (p.value === SUPPRESSED ? null : p.value)),
    BOX,
    target,
  );
  const titleId = `spark-${id}`;
  const description = `Last ${points.length} quarters: ${points
    .map((p) => `${p.label} ${publishedText(p.value, unit, decimals)}`)
    .join(", ")}${target === null ? "" : `. Target ${publishedText(target, unit, decimals)}`}.`;
  return (
    <svg
      className="sparkline"
      width={BOX.width}
      height={BOX.height}
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{description}</title>
      {g.targetY === null ? null : (
        <line className="target" x1={BOX.pad} x2={BOX.width - BOX.pad} y1={g.targetY} y2={g.targetY} />
      )}
      <path className="line" d={g.path} />
      {g.points.at(-1) === undefined ? null : (
        <circle className="dot" cx={g.points.at(-1)?.x} cy={g.points.at(-1)?.y} r={3} />
      )}
    </svg>
  );
}
