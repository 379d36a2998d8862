/** The first and last collection years the importers know (years of the return's 31 March). */
export const collectionYearRange = { first: 2018, last: 2026 } as const;

/**
 * A collection year's label, `2017-18` for the year ending 31 March 2018.
 *
 * @param year - the year of the return's 31 March
 * @returns the label
 * @example
 * ```ts
 * collectionYearLabel(2018); // "2017-18"
 * ```
 */
export function collectionYearLabel(year: number): string {
  return `${year - 1}-${String(year % 100).padStart(2, "0")}`;
}

/**
 * The span a collection year covers: 1 April to 31 March.
 *
 * @param year - the year of the return's 31 March
 * @returns ISO first and last days
 * @example
 * ```ts
 * collectionYearSpan(2018); // { from: "2017-04-01", to: "2018-03-31" }
 * ```
 */
export function collectionYearSpan(year: number): { from: string; to: string } {
  return { from: `${year - 1}-04-01`, to: `${year}-03-31` };
}

/**
 * Read a collection year as people write it: `2018` (the year of its 31 March), `2017-18`, `2017/18`,
 * `2017_18`, `201718` or `2017-2018`.
 *
 * @param text - the text
 * @returns the year of the 31 March, or `null` when the text is not a year
 * @example
 * ```ts
 * parseCollectionYear("2017-18"); // 2018
 * parseCollectionYear("2020"); // 2020
 * parseCollectionYear("2017-19"); // null
 * ```
 */
export function parseCollectionYear(text: string): number | null {
  const t = text.trim();
  const single = /^(20\d\d)$/.exec(t);
  if (single) return Number(single[1]);
  const pair = /^(20\d\d)[-/_]?(\d\d|20\d\d)$/.exec(t);
  if (!pair) return null;
  const start = Number(pair[1]);
  const end = Number(pair[2]);
  const endYear = end < 100 ? Math.floor(start / 100) * 100 + end : end;
  return endYear === start + 1 ? endYear : null;
}

/**
 * The collection year a file's path names, in a folder (`2017-18/episodes.csv`) or in its name
 * (`SSDA903_2020_episodes.csv`, `903_2017-18_header.csv`): the last year found, read as by
 * {@link parseCollectionYear}; a lone four-digit year is the year of the return's 31 March.
 *
 * @param path - the file's path as uploaded (folders separated by `/`)
 * @returns the year, or `null` when the path names none
 * @example
 * ```ts
 * yearInPath("SSDA903_2020_episodes.csv"); // 2020
 * yearInPath("returns/2017-18/header.csv"); // 2018
 * yearInPath("header.csv"); // null
 * ```
 */
export function yearInPath(path: string): number | null {
  let found: number | null = null;
  for (const m of path.matchAll(/(?<!\d)(20\d\d(?:[-/_]?(?:20)?\d\d)?)(?!\d)/g)) {
    const text = m[1] as string;
    const year = parseCollectionYear(text) ?? parseCollectionYear(text.slice(0, 4));
    if (year !== null && year >= 2000 && year <= 2100) found = year;
  }
  return found;
}
