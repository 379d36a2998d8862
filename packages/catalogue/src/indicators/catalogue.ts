import { type IndicatorDefinition, indicatorDefinitionSchema } from "@kpi/core";
import { careLeaverIndicators } from "./care-leavers.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";
import { childProtectionIndicators } from "./child-protection.js";
import { childrenInNeedIndicators } from "./children-in-need.js";
import { earlyHelpIndicators } from "./early-help.js";
import { ffdIndicators } from "./ffd.js";
import { lookedAfterOutcomeIndicators } from "./looked-after-outcomes.js";
import { staffingIndicators } from "./staffing.js";
import { throughCareIndicators } from "./through-care.js";
import { vulnerabilityIndicators } from "./vulnerabilities.js";

/**
 * Every indicator of the children's social care catalogue, in report order (section by section), each
 * with its definition and record formula. Ids are stable: the API, the portal and ingestion scripts
 * use them.
 *
 * @example
 * ```ts
 * catalogue.length > 50; // true
 * catalogue[0].definition.id; // "ffd.contacts"
 * ```
 */
export const catalogue: readonly CatalogueIndicator[] = [
  ...ffdIndicators,
  ...earlyHelpIndicators,
  ...throughCareIndicators,
  ...lookedAfterOutcomeIndicators,
  ...careLeaverIndicators,
  ...childProtectionIndicators,
  ...childrenInNeedIndicators,
  ...vulnerabilityIndicators,
  ...staffingIndicators,
];

const byId = new Map(catalogue.map((i) => [i.definition.id, i]));
let parsed: IndicatorDefinition[] | null = null;

/**
 * The catalogue's definitions, validated by the shared schema (defaults applied), in report order.
 *
 * @returns a fresh array of definitions (plain, serialisable data)
 * @example
 * ```ts
 * catalogueDefinitions().find((d) => d.id === "ffd.contacts_swa_pct").decimals; // 2
 * ```
 */
export function catalogueDefinitions(): IndicatorDefinition[] {
  if (parsed === null) parsed = catalogue.map((i) => indicatorDefinitionSchema.parse(i.definition));
  return parsed.map((d) => structuredClone(d));
}

/**
 * Look up a catalogue indicator by id.
 *
 * @param id - an indicator id such as `cla.starts`
 * @returns the indicator, or `undefined` when the catalogue has no such id
 * @example
 * ```ts
 * findIndicator("cla.starts").definition.title; // "Children starting to be looked after"
 * findIndicator("cla.nope"); // undefined
 * ```
 */
export function findIndicator(id: string): CatalogueIndicator | undefined {
  return byId.get(id);
}
