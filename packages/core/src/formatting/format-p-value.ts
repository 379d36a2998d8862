/**
 * A p-value as a sentence reads it: `p < 0.001`, or two significant figures (`p = 0.022`, `p = 0.31`),
 * never more than three decimals.
 *
 * @param p - a p-value in [0, 1]
 * @returns the text
 * @example
 * ```ts
 * formatPValue(0.022018588); // "p = 0.022"
 * formatPValue(0.3104); // "p = 0.31"
 * formatPValue(0.0000751); // "p < 0.001"
 * formatPValue(1); // "p = 1"
 * ```
 */
export function formatPValue(p: number): string {
  if (p < 0.001) return "p < 0.001";
  const digits = Math.min(3, Math.max(0, 1 - Math.floor(Math.log10(p))));
  return `p = ${Number(p.toFixed(digits))}`;
}
