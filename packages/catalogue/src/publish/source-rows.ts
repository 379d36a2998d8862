import type { CoverageSource } from "../coverage/coverage-source.js";
import { describeSpan } from "../coverage/date-spans.js";

/** A source as every output shows it: dataset, name, kind, the days it covers and when it came. */
export interface SourceRow {
  /** The source's id (what entries cite). */
  readonly id: string;
  /** The dataset as the portal names it, e.g. `cla episodes`. */
  readonly dataset: string;
  /** The source's name, e.g. `SSDA903 return 2017-18`. */
  readonly name: string;
  /** The kind in words, e.g. `Statutory return`. */
  readonly kind: string;
  /** The days covered, e.g. `1 Apr 2017 – 31 Mar 2018`. */
  readonly covers: string;
  /** When it was received (UK time), or `Not recorded`. */
  readonly received: string;
}

const KIND_WORDS: Readonly<Record<CoverageSource["kind"], string>> = {
  statutory: "Statutory return",
  declared: "Declared period",
  extract: "Extract",
  inferred: "Inferred from the records",
};

/** Column headings of a sources table in the exports (CSV section, XLSX sheet), in order. */
export const SOURCE_COLUMNS = ["Dataset", "Source", "Kind", "Covers", "Received"] as const;

/**
 * A source as one row of an export's sources table, in {@link SOURCE_COLUMNS} order.
 *
 * @param source - a source
 * @returns the cells
 * @example
 * ```ts
 * sourceCells(report.sources[0]); // ["cla episodes", "SSDA903 return 2017-18", "Statutory return", "1 Apr 2017 – 31 Mar 2018", "20 Jun 2018, 10:00"]
 * ```
 */
export function sourceCells(source: CoverageSource): string[] {
  const r = sourceRow(source);
  return [r.dataset, r.name, r.kind, r.covers, r.received];
}

/**
 * A source in the words every output uses (the data page, the indicator page's "Source data", the
 * exports' sources sheet).
 *
 * @param source - a source from the API
 * @returns the row
 * @example
 * ```ts
 * sourceRow({ id: "s1", dataset: "cla_episodes", kind: "statutory", name: "SSDA903 return 2017-18",
 *   from: "2017-04-01", to: "2018-03-31", as_of: null, history_from: null, received_at: "2018-06-20T09:00:00.000Z" });
 * // { id: "s1", dataset: "cla episodes", name: "SSDA903 return 2017-18", kind: "Statutory return",
 * //   covers: "1 Apr 2017 – 31 Mar 2018", received: "20 Jun 2018, 10:00" }
 * ```
 */
export function sourceRow(source: CoverageSource): SourceRow {
  return {
    id: source.id,
    dataset: source.dataset.replaceAll("_", " "),
    name: source.name,
    kind: KIND_WORDS[source.kind],
    covers: describeSpan(source),
    received:
      source.received_at === null
        ? "Not recorded"
        : new Date(source.received_at).toLocaleString("en-GB", {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone: "Europe/London",
          }),
  };
}

/**
 * The sources a set of entries cite, each once, in the order the response lists them.
 *
 * @param sources - the response's `sources`
 * @param entries - entries with the ids they cite
 * @returns the cited sources
 * @example
 * ```ts
 * citedBy(series.sources, [series.values.at(-1)]).map((s) => s.name);
 * ```
 */
export function citedBy(
  sources: readonly CoverageSource[],
  entries: Iterable<{ readonly sources: readonly string[] } | undefined>,
): CoverageSource[] {
  const ids = new Set<string>();
  for (const e of entries) for (const id of e?.sources ?? []) ids.add(id);
  return sources.filter((s) => ids.has(s.id));
}
