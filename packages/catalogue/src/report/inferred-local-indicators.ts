import { type IndicatorDefinition, indicatorDefinitionSchema, indicatorIdSchema } from "@kpi/core";
import type { ObservationRecord } from "../datasets/schemas.js";

/**
 * Definitions for local indicators known only from their `observations` rows (no stored definition):
 * every `indicator_id` that is a valid indicator id and not already defined becomes a definition in
 * section `local`, titled by its id, polarity `none` (no status or KPI sorting until someone says which
 * direction is good), unit `percent` when every row carries a numerator and denominator, else `count`
 * when every value is a whole number, else `number`.
 *
 * @param observations - the organisation's `observations` records
 * @param definedIds - ids already defined (the catalogue and any stored local definitions)
 * @returns the inferred definitions, ordered by id
 * @example
 * ```ts
 * inferLocalIndicators(
 *   [{ indicator_id: "local.early_help_assessments", period: "FY2019-20-Q2", numerator: null,
 *      denominator: null, value: 120, breakdown: null }],
 *   new Set(),
 * )[0]?.unit; // "count"
 * ```
 */
export function inferLocalIndicators(
  observations: readonly ObservationRecord[],
  definedIds: ReadonlySet<string>,
): IndicatorDefinition[] {
  const byId = new Map<string, ObservationRecord[]>();
  for (const row of observations) {
    if (definedIds.has(row.indicator_id) || !indicatorIdSchema.safeParse(row.indicator_id).success) continue;
    const rows = byId.get(row.indicator_id) ?? [];
    rows.push(row);
    byId.set(row.indicator_id, rows);
  }
  return [...byId.keys()].sort().map((id) => {
    const rows = byId.get(id) ?? [];
    const paired = rows.every((r) => r.numerator !== null && r.denominator !== null);
    const whole = rows.every((r) => Number.isInteger(r.value) && r.value >= 0);
    return indicatorDefinitionSchema.parse({
      id,
      title: id,
      section: "local",
      unit: paired ? "percent" : whole ? "count" : "number",
      polarity: "none",
      kind: "flow",
      definition:
        "A local indicator whose figures are posted as observations; no definition has been stored.",
      sources: ["observations"],
      source: "observations",
    });
  });
}
