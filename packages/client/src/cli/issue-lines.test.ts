import { describe, expect, it } from "vitest";
import { issueLines } from "./issue-lines.js";

describe("issueLines", () => {
  it("shows file:line and the field once", () => {
    expect(
      issueLines([
        {
          row: 2,
          field: "sex",
          message: "sex: must be one of M, F, U (got 'X')",
          source: { file: "c.csv", line: 4, index: 2 },
        },
        {
          row: 0,
          field: "child_id",
          message: "is required",
          source: { file: "c.json", line: null, index: 0 },
        },
        { row: 5, field: null, message: "duplicate key" },
      ]),
    ).toBe(
      "c.csv:4 sex: must be one of M, F, U (got 'X')\nc.json[0] child_id: is required\nrow 5 duplicate key\n",
    );
  });
});
