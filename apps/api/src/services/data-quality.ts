import {
  checkDataQuality,
  type DataQualityFinding,
  type DatasetRecords,
  isDatasetName,
} from "@kpi/catalogue";
import { eq } from "drizzle-orm";
import type { Queryable } from "../db/database.js";
import { records } from "../db/schema.js";

/**
 * Runs the catalogue's data-quality checks over one organisation's stored records. Findings name
 * records by their keys as stored, so child and worker parts of keys are pseudonyms (the raw
 * identifiers are never stored).
 *
 * @param db - database
 * @param organisationId - whose records (never another organisation's)
 * @param asAt - the day the checks look at (`YYYY-MM-DD`)
 * @returns the findings, errors before warnings
 * @example
 * ```ts
 * const findings = await findDataQualityIssues(db, "default", "2019-09-30");
 * ```
 */
export async function findDataQualityIssues(
  db: Queryable,
  organisationId: string,
  asAt: string,
): Promise<DataQualityFinding[]> {
  const rows = await db
    .select({ dataset: records.dataset, data: records.data })
    .from(records)
    .where(eq(records.organisationId, organisationId));
  const byDataset: Record<string, unknown[]> = {};
  for (const row of rows) {
    if (!isDatasetName(row.dataset)) continue;
    const list = byDataset[row.dataset] ?? [];
    list.push(row.data);
    byDataset[row.dataset] = list;
  }
  return checkDataQuality(byDataset as Partial<DatasetRecords>, { asAt });
}
