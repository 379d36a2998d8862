import { estimateSchema, isoDateSchema, windowSchema } from "@kpi/core";
import { z } from "zod";

/**
 * One group of a breakdown: its key (the field's code or value, `null` for records without it), the
 * label staff read, and the group's estimate.
 */
export const groupEvaluationSchema = z.object({
  key: z.string().nullable(),
  label: z.string(),
  estimate: estimateSchema,
});
/** See {@link groupEvaluationSchema}. */
export type GroupEvaluation = z.infer<typeof groupEvaluationSchema>;

/**
 * An indicator's value for one period and window: the estimate (unrounded, with its interval or the
 * reason there is no value), the breakdown groups when asked for (`null` otherwise) and the extra
 * figures the report prints beside the headline (e.g. `within_12_months` beside permanency within 24
 * months; the schools' level 4 and level 3 shares beside contacts at level 4 or 3), and the ids of the
 * sources it drew on (provenance: each source of a dataset the formula reads whose span holds some of
 * the days it needs; empty for local indicators, whose figures are posted as observations).
 */
export const evaluationSchema = z.object({
  indicator: z.string(),
  period: z.string(),
  window: windowSchema,
  range: z.object({ start: isoDateSchema, end: isoDateSchema }),
  estimate: estimateSchema,
  groups: z.array(groupEvaluationSchema).nullable(),
  extras: z.record(z.string(), z.number().nullable()),
  sources: z.array(z.string()),
});
/** See {@link evaluationSchema}. */
export type Evaluation = z.infer<typeof evaluationSchema>;
