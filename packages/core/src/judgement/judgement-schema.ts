import { z } from "zod";

/** The verdict of the judgement rule: a positive KPI, a negative KPI, or neither. */
export const verdictSchema = z.enum(["positive", "negative", "neither"]);
/** See {@link verdictSchema}. */
export type Verdict = z.infer<typeof verdictSchema>;

/**
 * The signals the judgement rule weighs: status against the target, the change on the same period last
 * year and on the previous period, the departure from the seasonal expectation, the benchmark
 * comparison, the quartile band and the trend.
 */
export const judgementSignalSchema = z.enum([
  "target",
  "same_period_last_year",
  "previous_period",
  "seasonal",
  "benchmark",
  "quartile",
  "trend",
]);
/** See {@link judgementSignalSchema}. */
export type JudgementSignal = z.infer<typeof judgementSignalSchema>;

/** One signal that counted: which, whether it is good or bad news, its points and the words for it. */
export const judgementReasonSchema = z.object({
  signal: judgementSignalSchema,
  direction: z.enum(["good", "bad"]),
  /** Signed points: positive for good news, negative for bad. */
  points: z.number().int(),
  /** A clause in plain English, e.g. "fell from 89.6% in Q1 2019-20 (−10.7 percentage points; significant, p < 0.001)". */
  text: z.string(),
});
/** See {@link judgementReasonSchema}. */
export type JudgementReason = z.infer<typeof judgementReasonSchema>;

/**
 * What the judgement rule decided for one indicator and period (decision 151): the verdict, the signed
 * score it rests on, a strength to rank by, the reasons that counted (strongest first), notes on what
 * was looked at and did not count (a missing baseline, a change within chance, the seasonal context),
 * and one sentence that says it all.
 */
export const judgementSchema = z.object({
  verdict: verdictSchema,
  /** The sum of the reasons' points. */
  score: z.number().int(),
  /** |score| for a positive or negative verdict, 0 for neither: lists are ranked by it. */
  strength: z.number().int().nonnegative(),
  reasons: z.array(judgementReasonSchema),
  notes: z.array(z.string()),
  sentence: z.string(),
});
/** See {@link judgementSchema}. */
export type Judgement = z.infer<typeof judgementSchema>;
