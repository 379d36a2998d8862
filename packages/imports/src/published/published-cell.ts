import { type PublishedStatus, publishedStatusCodes } from "@kpi/catalogue";

/** A published figure: a number, or the symbol DfE printed in its place (never read as 0). */
export type PublishedCell =
  | { readonly value: number; readonly status?: undefined }
  | { readonly value?: undefined; readonly status: PublishedStatus };

const STATUSES: ReadonlySet<string> = new Set(publishedStatusCodes.map((c) => c.code));
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Read one published cell: a number (LAIT's binary floating-point noise such as `9.3699999999999992`
 * rounded away at 12 significant digits), one of DfE's symbols (`c`, `x`, `z`, `k`, `u`, `low`, `..`,
 * LAIT's `-`) kept as a status, or `null` for an empty cell (no figure printed, no symbol) and for any
 * other text (`undefined` so the caller can name the cell).
 *
 * @param text - the cell as printed
 * @returns the figure or status; `null` when empty; `undefined` when not a figure DfE prints
 * @example
 * ```ts
 * readPublishedCell("67"); // { value: 67 }
 * readPublishedCell("c"); // { status: "c" }
 * readPublishedCell(""); // null
 * ```
 */
export function readPublishedCell(text: string | null | undefined): PublishedCell | null | undefined {
  if (text === null || text === undefined) return null;
  const t = text.trim();
  if (t === "") return null;
  if (STATUSES.has(t)) return { status: t as PublishedStatus };
  if (!NUMBER.test(t)) return undefined;
  return { value: Number(Number(t).toPrecision(12)) };
}
