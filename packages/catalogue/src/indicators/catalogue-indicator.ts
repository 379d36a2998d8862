import type { IndicatorDefinitionInput } from "@kpi/core";
import type { Formula } from "../evaluate/formula.js";

/**
 * One indicator of the catalogue: its definition as plain data (what the API lists and the portal
 * shows) and the record formula that computes it. `createEvaluator` is handed a list of these (the
 * `catalogue`, part of it, or indicators of one's own) and evaluates those only.
 */
export interface CatalogueIndicator {
  /** The definition, before schema defaults. */
  readonly definition: IndicatorDefinitionInput;
  /** How it is computed from records. */
  readonly formula: Formula;
}
