import { coverageByDataset, type DatasetName, datasetNames, datasets } from "@kpi/catalogue";
import type { DatasetList } from "@kpi/contract";
import type { Queryable } from "../db/database.js";
import { currentSources } from "./sources.js";

/**
 * Every dataset of the data contract (key, fields and codes from the schemas that validate records,
 * and how its records lie in time) with what the organisation holds of it: the spans its records are
 * complete for and the current sources behind them.
 *
 * @param db - database
 * @param organisationId - the caller's organisation (never another's)
 * @returns the body of `GET /v1/datasets`
 * @example
 * ```ts
 * const list = await describeDatasets(db, "default");
 * list.datasets.find((d) => d.name === "cla_episodes")?.coverage.spans; // [{ from: "2016-04-01", to: "2019-09-30" }]
 * ```
 */
export async function describeDatasets(db: Queryable, organisationId: string): Promise<DatasetList> {
  const sources = await currentSources(db, organisationId);
  const coverage = coverageByDataset(sources);
  return {
    datasets: datasetNames.map((name: DatasetName) => {
      const d = datasets[name];
      const dating = d.dating;
      return {
        name: d.name,
        title: d.title,
        description: d.description,
        key: [...d.key],
        person_fields: [...d.personFields],
        date_fields: [...d.dateFields],
        dating: {
          kind: dating.kind,
          field: dating.kind === "events" || dating.kind === "snapshots" ? dating.field : null,
        },
        fields: d.fields.map((f) => ({
          name: f.name,
          type: f.type,
          required: f.required,
          description: f.description,
          ...(f.codes === undefined ? {} : { codes: f.codes.map((c) => ({ code: c.code, label: c.label })) }),
        })),
        coverage: {
          spans: [...(coverage.get(name)?.spans ?? [])],
          sources: sources.filter((s) => s.dataset === name),
        },
      };
    }),
  };
}
