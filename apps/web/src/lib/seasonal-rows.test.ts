import { describe, expect, it } from "vitest";
import { seasonalRows } from "./seasonal-rows";

describe("seasonalRows", () => {
  it("puts each financial year in its own column, quarter by quarter", () => {
    const out = seasonalRows([
      { period: "FY2018-19-Q4", value: 40 },
      { period: "FY2019-20-Q1", value: 45.1 },
      { period: "FY2019-20-Q2", value: 47.5 },
      { period: "FY2018-19-Q1", value: 38 },
    ]);
    expect(out.years).toEqual(["2018-19", "2019-20"]);
    expect(out.rows).toEqual([
      { quarter: "Q1", values: { "2018-19": 38, "2019-20": 45.1 } },
      { quarter: "Q2", values: { "2018-19": null, "2019-20": 47.5 } },
      { quarter: "Q3", values: { "2018-19": null, "2019-20": null } },
      { quarter: "Q4", values: { "2018-19": 40, "2019-20": null } },
    ]);
  });

  it("ignores periods that are not quarters", () => {
    expect(seasonalRows([{ period: "FY2019-20", value: 1 }]).years).toEqual([]);
  });
});
