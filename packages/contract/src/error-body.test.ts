import { describe, expect, it } from "vitest";
import { errorBodySchema, tolerantErrorBodySchema } from "./error-body.js";

const rejected = {
  error: {
    code: "validation_failed",
    message: "2 rows are invalid; nothing was written",
    issues: [
      { row: 0, field: "sex", message: "sex: must be one of M, F, U (got 'X')" },
      { row: 4, field: "date_of_birth", message: "date_of_birth: must be a date" },
    ],
    issue_count: 2,
  },
};

describe("error body", () => {
  it("carries the code, message and row issues of a rejected batch", () => {
    expect(errorBodySchema.parse(rejected)).toEqual(rejected);
  });

  it("knows only the API's codes; a client's reading accepts a code added later", () => {
    const newer = { error: { code: "report_locked", message: "Q2 is signed off" } };
    expect(errorBodySchema.safeParse(newer).success).toBe(false);
    expect(tolerantErrorBodySchema.parse(newer)).toEqual(newer);
  });

  it("is not mistaken for an answer without an error object, such as a proxy's page", () => {
    expect(tolerantErrorBodySchema.safeParse({ message: "Bad gateway" }).success).toBe(false);
    expect(tolerantErrorBodySchema.safeParse("<html>Bad gateway</html>").success).toBe(false);
  });
});
