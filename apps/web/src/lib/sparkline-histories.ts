import "server-only";
import type { SeriesEntry } from "@kpi/contract";
import { shiftPeriod } from "@kpi/core";
import { cache } from "react";
import { getSeries } from "./api";

/** Quarters drawn in every sparkline (dashboard tiles and report rows). */
export const SPARKLINE_QUARTERS = 8;

/**
 * Every indicator's last 8 quarters up to `period`, for the sparklines of the dashboard and the
 * report, from one `routes.series` request per page (not one values request per indicator). Shared
 * by every section of a page: both this and the request are cached for the render.
 *
 * @param period - the quarter the sparklines end with, e.g. `FY2019-20-Q2`
 * @returns indicator id → its entries, oldest first (an indicator the API did not list is absent)
 * @example
 * ```ts
 * const histories = await getSparklineHistories("FY2019-20-Q2");
 * histories.get("ffd.contacts")?.length; // 8
 * ```
 */
export const getSparklineHistories = cache(
  async (period: string): Promise<ReadonlyMap<string, SeriesEntry[]>> => {
    const from = shiftPeriod(period, -(SPARKLINE_QUARTERS - 1));
    const series = await getSeries("quarter", from, period);
    return new Map(series.indicators.map((s) => [s.indicator, s.values]));
  },
);
