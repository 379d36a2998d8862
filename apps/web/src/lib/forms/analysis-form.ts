import { z } from "zod";

/** Longest analysis text the API accepts for one section. */
export const MAX_ANALYSIS_CHARS = 50_000;

/**
 * The analysis form of one report section: the quarter, the section and the text (any number of
 * paragraphs separated by blank lines), with the API's limits. Browsers submit a text area's line
 * breaks as CRLF; they are stored as plain line feeds.
 *
 * @example
 * ```ts
 * analysisFormSchema.safeParse({ period: "FY2019-20-Q2", section: "ffd", text: "  " }).success; // false
 * ```
 */
export const analysisFormSchema = z.object({
  period: z.string().regex(/^FY\d{4}-\d{2}-Q[1-4]$/, "Choose a quarter"),
  section: z.string().regex(/^[a-z_]{1,50}$/, "Choose a section"),
  text: z
    .string()
    .transform((text) => text.replace(/\r\n?/g, "\n"))
    .pipe(
      z
        .string()
        .trim()
        .min(1, "Enter the analysis text")
        .max(
          MAX_ANALYSIS_CHARS,
          `The analysis can be at most ${MAX_ANALYSIS_CHARS.toLocaleString("en-GB")} characters`,
        ),
    ),
});
/** See {@link analysisFormSchema}. */
export type AnalysisForm = z.infer<typeof analysisFormSchema>;

/**
 * The revert and approve forms of a section's analysis: the quarter, the section and the version
 * (a positive whole number, as the page wrote it).
 *
 * @example
 * ```ts
 * analysisVersionFormSchema.parse({ period: "FY2019-20-Q2", section: "ffd", version: "4" }).version; // 4
 * ```
 */
export const analysisVersionFormSchema = z.object({
  period: z.string().regex(/^FY\d{4}-\d{2}-Q[1-4]$/, "Choose a quarter"),
  section: z.string().regex(/^[a-z_]{1,50}$/, "Choose a section"),
  version: z.coerce.number().int().positive("Choose a version"),
});
/** See {@link analysisVersionFormSchema}. */
export type AnalysisVersionForm = z.infer<typeof analysisVersionFormSchema>;
