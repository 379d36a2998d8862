import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as catalogue from "../src/index.js";

const indexText = readFileSync(new URL("../src/index.ts", import.meta.url), "utf8");

// The index lists its exports name by name (decision 195), so adding a module never publishes its
// internals by accident.
describe("@kpi/catalogue: the curated index", () => {
  it("re-exports no module wholesale", () => {
    expect(indexText).not.toMatch(/export\s+\*/);
  });

  it("keeps the evaluator's machinery and the report's drafting helpers internal", () => {
    for (const name of [
      "createTally",
      "createDatedIndex",
      "createStockIndex",
      "createEvaluationContext",
      "buildPeriodsOfCare",
      "latestPerPerson",
      "judgeQuarter",
      "seriesEntry",
      "narrativeBenchmark",
      "longCpPlans",
      "catalogueDefinitions",
      "rangeFieldsOf",
    ])
      expect(name in catalogue, name).toBe(false);
  });

  it("exports what the other packages and the documentation use", () => {
    for (const name of [
      "catalogue",
      "findIndicator",
      "createEvaluator",
      "flowCount",
      "validateRecords",
      "datasetSchemas",
      "buildReport",
      "reportView",
      "checkDataQuality",
      "findAuthority",
      "latestCoveredQuarter",
    ])
      expect(typeof (catalogue as Record<string, unknown>)[name], name).not.toBe("undefined");
  });
});
