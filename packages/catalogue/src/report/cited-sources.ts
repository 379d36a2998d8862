import type { CoverageSource } from "../coverage/coverage-source.js";
import type { Evaluator } from "../evaluate/evaluator.js";

/**
 * The sources a response's entries cite, each once, in the evaluator's order (dataset order, then
 * oldest span): what the `sources` list of a series or report holds.
 *
 * @param evaluator - the evaluator the entries came from
 * @param entries - entries with the ids of the sources they drew on
 * @returns the cited sources
 * @example
 * ```ts
 * citedSources(evaluator, [{ sources: ["demo:contacts"] }]).map((s) => s.name);
 * // ["Demonstration extract at 30 Sep 2019"]
 * ```
 */
export function citedSources(
  evaluator: Evaluator,
  entries: Iterable<{ readonly sources: readonly string[] }>,
): CoverageSource[] {
  const ids = new Set<string>();
  for (const e of entries) for (const id of e.sources) ids.add(id);
  return evaluator.sources().filter((s) => ids.has(s.id));
}
