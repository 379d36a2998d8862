import { describe, expect, it } from "vitest";
import { chooseQuarter, quarterOptions } from "./quarter-options";

describe("quarter selector", () => {
  it("offers the latest quarter first and crosses financial years", () => {
    expect(quarterOptions("FY2019-20-Q2", 4)).toEqual([
      { id: "FY2019-20-Q2", label: "Q2 2019-20" },
      { id: "FY2019-20-Q1", label: "Q1 2019-20" },
      { id: "FY2018-19-Q4", label: "Q4 2018-19" },
      { id: "FY2018-19-Q3", label: "Q3 2018-19" },
    ]);
  });

  it("uses the requested quarter when it is valid and has data", () => {
    expect(chooseQuarter("FY2018-19-Q4", "FY2019-20-Q2")).toBe("FY2018-19-Q4");
  });

  it("falls back to the latest quarter for anything else", () => {
    expect(chooseQuarter(undefined, "FY2019-20-Q2")).toBe("FY2019-20-Q2");
    expect(chooseQuarter("FY2019-20", "FY2019-20-Q2")).toBe("FY2019-20-Q2");
    expect(chooseQuarter("rubbish", "FY2019-20-Q2")).toBe("FY2019-20-Q2");
    expect(chooseQuarter("FY2020-21-Q1", "FY2019-20-Q2")).toBe("FY2019-20-Q2");
  });
});
