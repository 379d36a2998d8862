/** The request header in which the proxy passes the page asked for (path and query) to the pages. */
export const PAGE_PATH_HEADER = "x-kpi-page";

/**
 * Where the busy page sends a person back to, for a read the API refused with 429: the busy page
 * itself with how long to wait and the page to try again.
 *
 * @param retryAfterSeconds - the API's `Retry-After` (null: not given, say a minute)
 * @param page - the page asked for (from {@link PAGE_PATH_HEADER}), if known
 * @returns the busy page's path and query
 * @example
 * ```ts
 * busyPath(42, "/targets?fy=FY2019-20"); // "/busy?after=42&next=%2Ftargets%3Ffy%3DFY2019-20"
 * busyPath(null, null); // "/busy?after=60"
 * ```
 */
export function busyPath(retryAfterSeconds: number | null, page: string | null): string {
  const after = boundedWait(retryAfterSeconds);
  const next =
    page === null || page === "" || page.startsWith("/busy") ? "" : `&next=${encodeURIComponent(page)}`;
  return `/busy?after=${after}${next}`;
}

/**
 * The wait the busy page shows: whole seconds from 1 to an hour, a minute when none was given.
 *
 * @param seconds - the API's `Retry-After`, or what the busy page's address says (null: none)
 * @returns the wait in whole seconds
 * @example
 * ```ts
 * boundedWait(0.2); // 1
 * boundedWait(null); // 60
 * ```
 */
export function boundedWait(seconds: number | null): number {
  return seconds === null || !Number.isFinite(seconds) ? 60 : Math.max(1, Math.min(3600, Math.ceil(seconds)));
}

/**
 * How long to wait, in words: "42 seconds", "1 minute", "2 minutes".
 *
 * @param seconds - the wait
 * @returns the wait in words
 * @example
 * ```ts
 * waitInWords(1); // "1 second"
 * waitInWords(90); // "2 minutes"
 * ```
 */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
