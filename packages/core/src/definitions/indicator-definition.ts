import { z } from "zod";
import { polaritySchema, unitSchema } from "../values/units.js";
import { targetSchema } from "./target.js";

/** Indicator ids: lower-case dotted words, e.g. `ffd.contacts_swa_pct`. */
export const indicatorIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, {
    message: "must be lower-case dotted words such as ffd.contacts_swa_pct",
  })
  .max(100);

/**
 * An indicator definition as plain, serialisable data: it can live in a database and travel over HTTP.
 * The formula that computes it from records lives elsewhere (the catalogue); a local indicator has
 * none and takes its figures from `observations`.
 */
export const indicatorDefinitionSchema = z
  .object({
    /** Stable id used by the API, the portal and ingestion scripts. */
    id: indicatorIdSchema,
    /** What staff read. */
    title: z.string().min(1).max(200),
    /** Report section id, e.g. `ffd`. */
    section: z.string().min(1).max(50),
    /** Unit of the value. */
    unit: unitSchema,
    /** Which direction is good. */
    polarity: polaritySchema,
    /** `flow`: events dated in the window; `stock`: what is open at the window's last day. */
    kind: z.enum(["flow", "stock"]),
    /** Plain-language definition. */
    definition: z.string().min(1),
    /** What is counted above the line (proportions) or counted (counts). */
    numerator: z.string().optional(),
    /** What the numerator is divided by. */
    denominator: z.string().optional(),
    /** Datasets the indicator is computed from. */
    sources: z.array(z.string()).default([]),
    /** Fields the indicator can be broken down by. */
    breakdowns: z.array(z.string()).default([]),
    /** Decimals for display; default by unit (percent and rates 1, counts and money 0). */
    decimals: z.number().int().min(0).max(6).optional(),
    /** A default target (targets are normally set per financial year as configuration). */
    target: targetSchema.optional(),
    /** Status from the whole confidence interval rather than the point value. */
    confidenceAwareStatus: z.boolean().default(false),
    /** Counts from 1 to this are suppressed in publication exports. */
    disclosureThreshold: z.number().int().min(0).default(5),
    /** False where the local definition differs from DfE's, so no DfE benchmark is compared. */
    dfeComparable: z.boolean().default(true),
    /** `records`: computed from records by a catalogue formula; `observations`: a local indicator. */
    source: z.enum(["records", "observations"]).default("records"),
    /**
     * The indicator this one complements: two shares of one whole (level 2 or 1 against level 4 or 3),
     * judged once, as a pair, under the indicator named here (decision 151).
     */
    complementOf: indicatorIdSchema.optional(),
    /**
     * A theme the drafted analysis groups indicators by within a section (e.g. `timeliness`): their
     * movements are told in one sentence, and the theme's seasonal pattern is stated once.
     */
    theme: z
      .string()
      .regex(/^[a-z][a-z_]*$/)
      .max(50)
      .optional(),
    /** What the indicator is called inside a sentence that groups it, e.g. `health assessments`. */
    shortTitle: z.string().min(1).max(100).optional(),
    /** Other report sections whose drafted analysis also tells this indicator's movement. */
    alsoDescribedIn: z.array(z.string().min(1).max(50)).optional(),
  })
  .strict();

/** A validated indicator definition (defaults applied). */
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;
/** An indicator definition as written, before defaults. */
export type IndicatorDefinitionInput = z.input<typeof indicatorDefinitionSchema>;

/**
 * The display decimals of an indicator: its own `decimals`, else 1 for percentages and rates,
 * 0 for counts and money.
 *
 * @param definition - the indicator (only `unit` and `decimals` are read)
 * @returns decimals to round to for display
 * @example
 * ```ts
 * displayDecimals({ unit: "percent" }); // 1
 * displayDecimals({ unit: "percent", decimals: 2 }); // 2
 * ```
 */
export function displayDecimals(definition: {
  unit: IndicatorDefinition["unit"];
  decimals?: number | undefined;
}): number {
  if (definition.decimals !== undefined) return definition.decimals;
  switch (definition.unit) {
    case "percent":
    case "rate_per_10k":
    case "per_fte":
    case "number":
      return 1;
    default:
      return 0;
  }
}
