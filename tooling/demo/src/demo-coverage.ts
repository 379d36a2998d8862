import { type CoverageSource, datasetNames, datasets } from "@kpi/catalogue";
import { formatDisplayDate } from "@kpi/core";
import { DemoCalendar } from "./calendar.js";
import type { DemoAuthorityOptions } from "./generate.js";

/** Dated datasets the demonstration authority has no records of (the statutory returns' own tables). */
const NOT_IN_THE_DEMO: ReadonlySet<string> = new Set([
  "cla_reviews",
  "cla_outcomes",
  "adoption_decisions",
  "adoptions",
  "social_worker_episodes",
  "cp_reviews",
  "pre_proceedings",
  "early_help",
]);

/**
 * The coverage the demonstration authority declares: for every dated dataset it generates (not the
 * statutory returns' own tables, such as 903 reviews and OC2 outcomes, which it has no records of and
 * so cannot vouch for: their figures read "no value" in the demo), one extract as at the
 * last day of its span (`to`, default 30 Sep 2019) whose history starts on the first day (1 Apr of
 * `from`, default 1 Apr 2016): the generator writes every record of those days and none after them.
 *
 * @param options - the same span options as {@link generateDemoAuthority} (seed and scale do not matter)
 * @returns one `extract` source per dated dataset, with id `demo:<dataset>`
 * @example
 * ```ts
 * const cla = demoCoverage().find((s) => s.dataset === "cla_episodes");
 * cla?.from; // "2016-04-01"
 * cla?.name; // "Demonstration extract at 30 Sep 2019"
 * ```
 */
export function demoCoverage(options: Pick<DemoAuthorityOptions, "from" | "to"> = {}): CoverageSource[] {
  const calendar = new DemoCalendar(options.from ?? "FY2016-17", options.to ?? "FY2019-20-Q2");
  const from = calendar.date(calendar.first);
  const to = calendar.date(calendar.last);
  return datasetNames
    .filter((name) => datasets[name].dating.kind !== "undated" && !NOT_IN_THE_DEMO.has(name))
    .map((name) => ({
      id: `demo:${name}`,
      dataset: name,
      kind: "extract",
      name: `Demonstration extract at ${formatDisplayDate(to)}`,
      from,
      to,
      as_of: to,
      history_from: from,
      received_at: null,
    }));
}
