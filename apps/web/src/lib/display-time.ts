/**
 * An ISO 8601 time as staff read it, in UK time: `14 October 2019 at 10:30` (`long`) or
 * `14 Oct 2019, 10:30` (`medium`).
 *
 * @param iso - an ISO 8601 timestamp
 * @param style - `long` for pages, `medium` for messages
 * @returns the text
 * @example
 * ```ts
 * displayTime("2019-10-14T09:30:00.000Z", "long"); // "14 October 2019 at 10:30"
 * ```
 */
export function displayTime(iso: string, style: "long" | "medium" = "long"): string {
  return new Date(iso).toLocaleString("en-GB", {
    dateStyle: style,
    timeStyle: "short",
    timeZone: "Europe/London",
  });
}
