/** The drawing of a sparkline: an SVG path and the plotted points, in a `width` × `height` box. */
export interface SparklineGeometry {
  /** SVG path data; a missing value breaks the line into separate runs. */
  path: string;
  /** The plotted points (missing values are skipped). */
  points: { index: number; x: number; y: number }[];
  /** The y of the target line, when a target is given and inside the drawn range. */
  targetY: number | null;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Lays out a small line chart: values evenly spaced left to right, scaled so the lowest and highest of
 * the values (and the target, if any) fill the height less `pad` at each edge. A flat series sits in
 * the middle.
 *
 * @param values - the values, oldest first; `null` for a period without a value
 * @param box - `width`, `height` and `pad` in SVG units
 * @param target - a target value to draw as a line, or `null`
 * @returns the path, points and target line position
 * @example
 * ```ts
 * sparklineGeometry([1, 2, 3], { width: 100, height: 20, pad: 2 }, null).path; // "M2 18L50 10L98 2"
 * ```
 */
export function sparklineGeometry(
  values: readonly (number | null)[],
  box: { width: number; height: number; pad: number },
  target: number | null,
): SparklineGeometry {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const scaleValues = target === null ? present : [...present, target];
  if (present.length === 0) return { path: "", points: [], targetY: null };
  const min = Math.min(...scaleValues);
  const max = Math.max(...scaleValues);
  const innerW = box.width - 2 * box.pad;
  const innerH = box.height - 2 * box.pad;
  const x = (i: number) =>
    round2(box.pad + (values.length === 1 ? innerW / 2 : (innerW * i) / (values.length - 1)));
  const y = (v: number) =>
    round2(max === min ? box.height / 2 : box.pad + innerH * (1 - (v - min) / (max - min)));
  const points: SparklineGeometry["points"] = [];
  let path = "";
  let penDown = false;
  values.forEach((v, index) => {
    if (v === null || !Number.isFinite(v)) {
      penDown = false;
      return;
    }
    const p = { index, x: x(index), y: y(v) };
    points.push(p);
    path += `${penDown ? "L" : "M"}${p.x} ${p.y}`;
    penDown = true;
  });
  return { path, points, targetY: target === null ? null : y(target) };
}
