/**
 * A figure as the CLI prints it: counts as whole numbers with thousands separators, percentages with
 * one decimal and `%`, money with `£`, other measures with one decimal; `null` as `—`.
 *
 * @param value - the figure (unrounded, as the API sends it)
 * @param unit - the indicator's unit (`count`, `percent`, `rate_per_10k`, `gbp`, `per_fte`, `number`)
 * @returns the text
 * @example
 * ```ts
 * formatFigure(47.45856, "percent"); // "47.5%"
 * formatFigure(1810, "count"); // "1,810"
 * formatFigure(null, "percent"); // "—"
 * ```
 */
export function formatFigure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return "—";
  const n = (digits: number) =>
    value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (unit) {
    case "count":
      return n(0);
    case "percent":
      return `${n(1)}%`;
    case "gbp":
      return `£${n(0)}`;
    default:
      return n(1);
  }
}
