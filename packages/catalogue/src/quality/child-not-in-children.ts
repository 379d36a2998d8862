import { recordKey } from "../datasets/record-key.js";
import { type DatasetName, type DatasetRecords, datasetNames, type RecordOf } from "../datasets/schemas.js";
import type { DataQualityCheck, DataQualityFinding } from "./finding.js";

/** Datasets whose records name a child by `child_id` (all but `children` itself). */
const CHILD_DATASETS = datasetNames.filter(
  (d): d is Exclude<DatasetName, "children" | "workforce" | "populations" | "benchmarks" | "observations"> =>
    !["children", "workforce", "populations", "benchmarks", "observations"].includes(d),
);

/**
 * Records that refer to a child who was never posted in `children`. Records may arrive in any order,
 * so this is accepted on ingestion, but measures that need the child's date of birth or sex leave
 * such children out. One `warning` finding per dataset, listing every record concerned. Runs only when
 * `children` is among the records given.
 *
 * @param records - the records (uses `children` and every dataset with `child_id`)
 * @returns the findings
 * @example
 * ```ts
 * childNotInChildren({ children: [], contacts: [contact] }, { asAt: "2019-09-30" })[0]?.dataset; // "contacts"
 * ```
 */
export const childNotInChildren: DataQualityCheck = (records) => {
  if (records.children === undefined) return [];
  const known = new Set(records.children.map((c) => c.child_id));
  const findings: DataQualityFinding[] = [];
  for (const dataset of CHILD_DATASETS) {
    const list = (records[dataset] ?? []) as DatasetRecords[typeof dataset];
    const keys: string[] = [];
    const missing = new Set<string>();
    for (const record of list) {
      if (known.has(record.child_id)) continue;
      missing.add(record.child_id);
      keys.push(recordKey(dataset, record as RecordOf<typeof dataset>));
    }
    if (keys.length === 0) continue;
    findings.push({
      check: "child_not_in_children",
      severity: "warning",
      dataset,
      keys,
      message:
        `${keys.length} ${dataset} record${keys.length === 1 ? "" : "s"} refer to ${missing.size} ` +
        `child${missing.size === 1 ? "" : "ren"} with no record in children, so measures that need a date of birth ` +
        "leave them out. Include these children (with date of birth) in the children extract from the source system.",
    });
  }
  return findings;
};
