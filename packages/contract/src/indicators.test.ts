import * as catalogue from "@kpi/catalogue";
import * as core from "@kpi/core";
import { describe, expect, it } from "vitest";
import {
  indicatorDetailQuerySchema,
  indicatorSeriesSchema,
  indicatorValuesQuerySchema,
  seriesEntrySchema,
  targetBodySchema,
  targetHistorySchema,
  targetParamsSchema,
} from "./indicators.js";
import * as reports from "./reports.js";

describe("indicator values query", () => {
  it("defaults to quarters and refuses a window the engine does not know", () => {
    expect(indicatorValuesQuerySchema.parse({ from: "FY2018-19-Q1", to: "FY2019-20-Q2" })).toEqual({
      from: "FY2018-19-Q1",
      to: "FY2019-20-Q2",
      window: "quarter",
    });
    expect(indicatorValuesQuerySchema.parse({ window: "rolling12" }).window).toBe("rolling12");
    expect(indicatorValuesQuerySchema.safeParse({ window: "week" }).success).toBe(false);
    expect(indicatorDetailQuerySchema.safeParse({ window: "week" }).success).toBe(false);
  });

  it("refuses an empty breakdown name", () => {
    expect(indicatorValuesQuerySchema.safeParse({ by: "" }).success).toBe(false);
    expect(indicatorValuesQuerySchema.parse({ by: "source" }).by).toBe("source");
  });
});

describe("targets", () => {
  it("takes a value or a range, each with an optional tolerance, and nothing else", () => {
    expect(targetBodySchema.parse({ value: 60, tolerance: 2 })).toEqual({ value: 60, tolerance: 2 });
    expect(targetBodySchema.parse({ range: [20, 25] })).toEqual({ range: [20, 25] });
    expect(targetBodySchema.safeParse({ range: [25, 20] }).success).toBe(false);
    expect(targetBodySchema.safeParse({ value: 60, tolerance: -1 }).success).toBe(false);
    expect(targetBodySchema.safeParse({ value: 60, range: [20, 25] }).success).toBe(false);
  });

  it("names the financial year in the path", () => {
    expect(targetParamsSchema.parse({ id: "ffd.contacts_swa_pct", financial_year: "FY2019-20" })).toEqual({
      id: "ffd.contacts_swa_pct",
      financial_year: "FY2019-20",
    });
    expect(targetParamsSchema.safeParse({ id: "ffd.contacts_swa_pct", financial_year: "" }).success).toBe(
      false,
    );
  });
});

describe("one definition of the indicator and report shapes", () => {
  it("re-exports the catalogue's and core's schemas themselves rather than copies", () => {
    expect(indicatorSeriesSchema).toBe(catalogue.indicatorSeriesSchema);
    expect(seriesEntrySchema).toBe(catalogue.seriesEntrySchema);
    expect(targetHistorySchema).toBe(catalogue.targetHistorySchema);
    expect(reports.quarterlyReportSchema).toBe(catalogue.quarterlyReportSchema);
    expect(reports.reportSectionSchema).toBe(catalogue.reportSectionSchema);
    expect(targetBodySchema).toBe(core.targetSchema);
  });
});
