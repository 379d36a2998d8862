import { coverageSourceSchema } from "@kpi/catalogue";
import { windowSchema } from "@kpi/core";
import { z } from "zod";
import { indicatorValuesQuerySchema, seriesEntrySchema } from "./indicators.js";

/**
 * The query of `GET /v1/series`: the first and last period (ids of the window's kind, default: the
 * latest with data) and the window (default `quarter`), applied to every indicator. No breakdown: a
 * breakdown belongs to one indicator (`GET /v1/indicators/{id}/values?by=`).
 *
 * @example
 * ```ts
 * seriesQuerySchema.parse({ from: "FY2018-19-Q3", to: "FY2019-20-Q2" }).window; // "quarter"
 * seriesQuerySchema.safeParse({ window: "fortnight" }).success; // false
 * ```
 */
export const seriesQuerySchema = indicatorValuesQuerySchema.pick({ from: true, to: true, window: true });
/** The query as sent (window optional); see {@link seriesQuerySchema}. */
export type SeriesQuery = z.input<typeof seriesQuerySchema>;

/**
 * One indicator's values in `GET /v1/series`: its id and one entry per period, oldest first (the
 * entries of `GET /v1/indicators/{id}/values` for the same range and window).
 *
 * @example
 * ```ts
 * seriesIndicatorSchema.parse({ indicator: "ffd.contacts_swa_pct", values: [] }).values.length; // 0
 * ```
 */
export const seriesIndicatorSchema = z.object({
  indicator: z.string(),
  values: z.array(seriesEntrySchema),
});
/** See {@link seriesIndicatorSchema}. */
export type SeriesIndicator = z.infer<typeof seriesIndicatorSchema>;

/**
 * The answer to `GET /v1/series`: the window and every indicator the organisation can see (catalogue
 * order, then local indicators) with its values over the range, in one response, and the sources the
 * values cite, each once (values refer to them by `id`).
 *
 * @example
 * ```ts
 * seriesSetSchema.parse({ window: "quarter", indicators: [], sources: [] }).indicators.length; // 0
 * ```
 */
export const seriesSetSchema = z.object({
  window: windowSchema,
  indicators: z.array(seriesIndicatorSchema),
  sources: z.array(coverageSourceSchema),
});
/** See {@link seriesSetSchema}. */
export type SeriesSet = z.infer<typeof seriesSetSchema>;
