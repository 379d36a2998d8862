import { describe, expect, it } from "vitest";
import * as catalogue from "../src/index.js";

// The validator's public API is deliberate: batches are validated with `validateRecords` or, row by
// row, `createBatchValidator`; a field's rules are declared with the field builders (each records its
// `FieldCheck` in `fieldMetaRegistry`). The single pass behind them (`createRowChecker`) and the plain
// test of a declared check (`fieldTest`) are internal, so they can change with the validator.
describe("@kpi/catalogue: the validator's exports", () => {
  it("exports the batch entry points and the field builders", () => {
    for (const name of [
      "validateRecords",
      "createBatchValidator",
      "convertCsvRow",
      "fieldMetaRegistry",
      "textField",
      "dateField",
      "periodField",
      "patternField",
      "codeField",
      "integerField",
      "numberField",
      "booleanField",
      "optional",
    ])
      expect(typeof (catalogue as Record<string, unknown>)[name], name).toBe(
        name === "fieldMetaRegistry" ? "object" : "function",
      );
  });

  it("keeps the single pass and its field tests internal", () => {
    for (const name of ["createRowChecker", "fieldTest", "checkRow", "compileRowCheck"])
      expect(name in catalogue, name).toBe(false);
  });
});
