import { describe, expect, it } from "vitest";
import { formatTextTable } from "./text-table.js";

describe("formatTextTable", () => {
  it("pads text left and numbers right", () => {
    expect(
      formatTextTable(
        ["period", "n", "status"],
        [
          ["FY2019-20-Q1", "859", "red"],
          ["FY2019-20-Q2", "1,810", "green"],
        ],
      ),
    ).toBe(
      "period            n  status\n" +
        "------------  -----  ------\n" +
        "FY2019-20-Q1    859  red\n" +
        "FY2019-20-Q2  1,810  green\n",
    );
  });
});
