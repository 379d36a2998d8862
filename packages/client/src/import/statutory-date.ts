import { isIsoDate } from "@kpi/core";

/** Outcome of {@link statutoryDate}: an ISO date, `null` for an empty cell, or a failure. */
export type StatutoryDateResult = { ok: true; value: string | null } | { ok: false };

const DMY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Read a date as statutory returns write it: `DD/MM/YYYY` (903) or `YYYY-MM-DD` (CIN census XML),
 * surrounding spaces ignored. An empty cell is `null`; a date that does not exist (31/02/2019) or any
 * other text fails.
 *
 * @param text - the cell or element text
 * @returns the ISO date, `null`, or `{ ok: false }`
 * @example
 * ```ts
 * statutoryDate("01/04/2019"); // { ok: true, value: "2019-04-01" }
 * statutoryDate(""); // { ok: true, value: null }
 * statutoryDate("31/02/2019"); // { ok: false }
 * ```
 */
export function statutoryDate(text: string | undefined): StatutoryDateResult {
  const t = (text ?? "").trim();
  if (t === "") return { ok: true, value: null };
  const dmy = DMY_RE.exec(t);
  const iso = dmy ? `${dmy[3]}-${dmy[2]?.padStart(2, "0")}-${dmy[1]?.padStart(2, "0")}` : t;
  return isIsoDate(iso) ? { ok: true, value: iso } : { ok: false };
}
