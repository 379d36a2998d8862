import { datasets } from "../datasets/registry.js";
import { type DatasetName, datasetNames } from "../datasets/schemas.js";
import type { CoverageSource } from "./coverage-source.js";

/**
 * Sources declaring that the records of some datasets (by default every dated one) are complete for
 * one span, with ids `<dataset>:<from>`: what a script or a test means when it says "these records are
 * the data for these years", to hand to `createEvaluator` as its `coverage`.
 *
 * @param from - the first day covered (`YYYY-MM-DD`)
 * @param to - the last day covered
 * @param names - the datasets (default: every dataset whose records are dated)
 * @returns one declared source per dataset
 * @example
 * ```ts
 * declaredCoverage("2019-04-01", "2020-03-31", ["contacts"])[0]?.name; // "contacts 2019-04-01 to 2020-03-31"
 * declaredCoverage("2019-04-01", "2020-03-31").some((s) => s.dataset === "children"); // false
 * ```
 */
export function declaredCoverage(
  from: string,
  to: string,
  names: readonly DatasetName[] = datasetNames.filter((n) => datasets[n].dating.kind !== "undated"),
): CoverageSource[] {
  return names.map((dataset) => ({
    id: `${dataset}:${from}`,
    dataset,
    kind: "declared",
    name: `${dataset} ${from} to ${to}`,
    from,
    to,
    as_of: null,
    history_from: null,
    received_at: null,
  }));
}
