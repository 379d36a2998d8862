import { addDays, formatDisplayDate, isoDateSchema } from "@kpi/core";
import { z } from "zod";

/**
 * A closed span of calendar days, both ends included (`from` ≤ `to`): what a source's records are
 * complete for.
 *
 * @example
 * ```ts
 * dateSpanSchema.parse({ from: "2017-04-01", to: "2018-03-31" }).to; // "2018-03-31"
 * dateSpanSchema.safeParse({ from: "2018-04-01", to: "2018-03-31" }).success; // false
 * ```
 */
export const dateSpanSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((s) => s.from <= s.to, { message: "from must not be after to", path: ["to"] });
/** See {@link dateSpanSchema}. */
export type DateSpan = z.infer<typeof dateSpanSchema>;

/**
 * The union of spans as the fewest disjoint spans, oldest first: overlapping spans and spans that
 * meet (one ends the day before the next starts) become one.
 *
 * @param spans - any spans, any order
 * @returns disjoint, non-adjacent spans in date order
 * @example
 * ```ts
 * unionSpans([
 *   { from: "2018-04-01", to: "2019-03-31" },
 *   { from: "2017-04-01", to: "2018-03-31" },
 *   { from: "2019-06-01", to: "2019-06-30" },
 * ]);
 * // [{ from: "2017-04-01", to: "2019-03-31" }, { from: "2019-06-01", to: "2019-06-30" }]
 * ```
 */
export function unionSpans(spans: Iterable<DateSpan>): DateSpan[] {
  const sorted = [...spans].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: DateSpan[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last !== undefined && s.from <= addDays(last.to, 1)) {
      if (s.to > last.to) out[out.length - 1] = { from: last.from, to: s.to };
    } else out.push({ from: s.from, to: s.to });
  }
  return out;
}

/**
 * Whether every day of `span` lies in the union of `covered`.
 *
 * @param covered - spans as {@link unionSpans} returns them (disjoint, non-adjacent)
 * @param span - the days needed
 * @returns true when one of the spans holds the whole of `span`
 * @example
 * ```ts
 * const year = [{ from: "2017-04-01", to: "2018-03-31" }];
 * spansCover(year, { from: "2018-03-31", to: "2018-03-31" }); // true
 * spansCover(year, { from: "2018-01-01", to: "2018-06-30" }); // false
 * ```
 */
export function spansCover(covered: readonly DateSpan[], span: DateSpan): boolean {
  return covered.some((c) => c.from <= span.from && c.to >= span.to);
}

/**
 * Whether at least one day of `span` lies in one of the spans.
 *
 * @param spans - any spans
 * @param span - the days asked about
 * @returns true when they share a day
 * @example
 * ```ts
 * spansTouch([{ from: "2019-09-30", to: "2019-09-30" }], { from: "2019-07-01", to: "2019-09-30" }); // true
 * spansTouch([{ from: "2019-09-30", to: "2019-09-30" }], { from: "2019-10-01", to: "2019-12-31" }); // false
 * ```
 */
export function spansTouch(spans: readonly DateSpan[], span: DateSpan): boolean {
  return spans.some((c) => c.from <= span.to && c.to >= span.from);
}

/**
 * A span as staff read it: `1 Apr 2017 – 31 Mar 2018`, or one date when it is a single day.
 *
 * @param span - the span
 * @returns the text
 * @example
 * ```ts
 * describeSpan({ from: "2017-04-01", to: "2018-03-31" }); // "1 Apr 2017 – 31 Mar 2018"
 * describeSpan({ from: "2019-09-30", to: "2019-09-30" }); // "30 Sep 2019"
 * ```
 */
export function describeSpan(span: DateSpan): string {
  return span.from === span.to
    ? formatDisplayDate(span.from)
    : `${formatDisplayDate(span.from)} – ${formatDisplayDate(span.to)}`;
}

/**
 * Several spans in running text, oldest first: `a`, `a and b`, `a, b and c`.
 *
 * @param spans - the spans (as {@link unionSpans} returns them)
 * @returns the text (empty for no spans)
 * @example
 * ```ts
 * describeSpans([
 *   { from: "2016-04-01", to: "2017-03-31" },
 *   { from: "2018-04-01", to: "2019-03-31" },
 * ]); // "1 Apr 2016 – 31 Mar 2017 and 1 Apr 2018 – 31 Mar 2019"
 * ```
 */
export function describeSpans(spans: readonly DateSpan[]): string {
  const parts = spans.map(describeSpan);
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/**
 * The span from the earlier `from` to the later `to` of two spans (the days between included).
 *
 * @param a - a span
 * @param b - another span
 * @returns the smallest span holding both
 * @example
 * ```ts
 * hullOfSpans({ from: "2019-04-01", to: "2019-04-30" }, { from: "2019-06-01", to: "2019-06-30" });
 * // { from: "2019-04-01", to: "2019-06-30" }
 * ```
 */
export function hullOfSpans(a: DateSpan, b: DateSpan): DateSpan {
  return { from: a.from < b.from ? a.from : b.from, to: a.to > b.to ? a.to : b.to };
}
