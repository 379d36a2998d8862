import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRowCheck } from "./compiled-row-check.js";
import { convertCsvRow } from "./csv-cells.js";
import type { FieldSpec } from "./registry.js";
import { datasets } from "./registry.js";
import { checkRow } from "./row-check.js";
import { type DatasetName, datasetNames, datasetSchemas } from "./schemas.js";
import { validRows } from "./valid-rows.fixture.js";

// The compiled checker must accept only rows zod accepts, return exactly what zod returns (same
// values, same field order), and accept every row zod accepts whose strings hold no surrogates (so
// the fast path is really taken). zod itself is the reference throughout.

const surrogate = /[\uD800-\uDFFF]/;

function hasSurrogate(value: unknown): boolean {
  if (typeof value === "string") return surrogate.test(value);
  if (Array.isArray(value)) return value.some(hasSurrogate);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasSurrogate);
  return false;
}

const isoDate = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Text of about `n` code units, sometimes with astral characters (two units, one code point). */
const textNear = (n: number) =>
  fc.oneof(
    fc.string({ minLength: Math.max(0, n - 2), maxLength: n + 2 }),
    fc.string({ minLength: Math.max(0, n - 2), maxLength: n + 2, unit: "grapheme" }),
    fc.string({ minLength: 0, maxLength: 3, unit: "binary" }),
    fc.constantFrom("😀", "\uD800", "a\uDC00", "😀😀", " "),
  );

/** A value that is plausible for the field (often valid, sometimes just outside a bound). */
function plausible(field: FieldSpec): fc.Arbitrary<unknown> {
  switch (field.type) {
    case "code":
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...(field.codes ?? []).map((c) => c.code)) },
        { weight: 1, arbitrary: fc.constantFrom("x", "", "toString", "__proto__") },
      );
    case "date":
      return fc.oneof(
        { weight: 8, arbitrary: isoDate },
        { weight: 1, arbitrary: fc.constantFrom("2019-02-29", "2019-13-01", "30/09/2019", "2019-9-1", "") },
      );
    case "integer":
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
        { weight: 4, arbitrary: fc.integer({ min: 1900, max: 2200 }) },
        { weight: 1, arbitrary: fc.integer({ min: -3, max: 6 }) },
        { weight: 1, arbitrary: fc.constantFrom(1899, 2201, 2 ** 53, -(2 ** 53), 2 ** 53 - 1, 0.5, -0) },
      );
    case "number":
      return fc.oneof(
        { weight: 4, arbitrary: fc.double({ min: 0, max: 1.5, noNaN: true }) },
        { weight: 1, arbitrary: fc.double({ min: -1, max: 3, noNaN: true }) },
        { weight: 1, arbitrary: fc.integer({ min: -10, max: 1000 }) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_VALUE, -0, 1.5),
        },
      );
    case "boolean":
      return fc.boolean();
    case "string":
      if (field.name === "period")
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom("FY2019-20", "FY2019-20-Q2", "2019-08", "FY2020-21-Q4") },
          { weight: 1, arbitrary: fc.constantFrom("FY2019-21", "2019-13", "FY2019-20-Q5", "") },
        );
      if (field.name === "age_band")
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom("0-17", "18+", "5-9", "100-120") },
          { weight: 1, arbitrary: fc.constantFrom("1000-2", "0-", "+", "0 -17") },
        );
      return fc.oneof(
        { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
        {
          weight: 2,
          arbitrary: fc.oneof(textNear(1), textNear(16), textNear(64), textNear(100), textNear(200)),
        },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            "FY2019-20",
            "FY2019-20-Q2",
            "2019-08",
            "FY2019-21",
            "2019-13",
            "0-17",
            "18+",
            "1000-2",
            "0-",
          ),
        },
      );
  }
}

/** Something of the wrong kind (or nothing). */
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom("4", "true", "Y", "", "2019-09-30T00:00:00Z"),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);

type Row = Record<string, unknown>;

/**
 * Rows of a dataset: each field plausible (often valid) or, with `junkWeight`, of the wrong kind; now
 * and then a field left out and an unknown field added. With `junkWeight` 0 required fields are kept
 * and nothing is added, so many rows are valid.
 */
function rowOf(dataset: DatasetName, junkWeight: number): fc.Arbitrary<Row> {
  const fields = datasets[dataset].fields;
  const cells = fields.map((f) =>
    junkWeight === 0
      ? plausible(f)
      : fc.oneof({ weight: 12, arbitrary: plausible(f) }, { weight: junkWeight, arbitrary: junk }),
  );
  const absent = fc.array(fc.nat(9), { minLength: fields.length, maxLength: fields.length });
  const extra =
    junkWeight === 0
      ? fc.constant(undefined)
      : fc.option(fc.constantFrom("childid", "__proto__", "constructor", "notes"), { nil: undefined });
  return fc.tuple(fc.tuple(...cells), absent, extra).map(([values, skip, extraKey]) => {
    const row: Row = {};
    fields.forEach((f, i) => {
      // Each field is left out now and then (an optional one more often).
      if (f.required ? junkWeight > 0 && skip[i] === 0 : (skip[i] ?? 0) < 3) return;
      row[f.name] = values[i];
    });
    if (extraKey !== undefined) Object.defineProperty(row, extraKey, { value: 1, enumerable: true });
    return row;
  });
}

/** What zod says about the values: the output as JSON (field order included) or "rejected". */
function zodVerdict(dataset: DatasetName, values: unknown): string {
  const parsed = datasetSchemas[dataset].safeParse(values);
  return parsed.success ? JSON.stringify(parsed.data) : "rejected";
}

describe("compileRowCheck", () => {
  it.each(datasetNames)("compiles the schema of %s", (dataset) => {
    expect(compileRowCheck(dataset)).not.toBeNull();
  });

  it.each(datasetNames)(
    "accepts the fixture's valid row of %s and returns the normalised record",
    (dataset) => {
      const check = compileRowCheck(dataset);
      expect(JSON.stringify(check?.(validRows[dataset].json))).toBe(
        JSON.stringify(validRows[dataset].record),
      );
    },
  );

  it.each(datasetNames)("%s: accepts only what zod accepts, returning what zod returns", (dataset) => {
    const check = compileRowCheck(dataset);
    // One memoising checker across all runs: remembered verdicts must never change an answer.
    const memoised = compileRowCheck(dataset, { memoise: true });
    if (check === null || memoised === null) throw new Error(`${dataset} did not compile`);
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(rowOf(dataset, 1), rowOf(dataset, 0), rowOf(dataset, 0)), (row) => {
        const verdict = zodVerdict(dataset, row);
        const record = check(row);
        expect(JSON.stringify(memoised(row))).toBe(JSON.stringify(record));
        if (record !== null) {
          accepted += 1;
          expect(JSON.stringify(record)).toBe(verdict);
        } else if (!hasSurrogate(row)) {
          expect(verdict).toBe("rejected");
        }
      }),
      { numRuns: 400 },
    );
    // The generators are meant to produce many valid rows; a checker that vouched for none would pass
    // the property above while never taking the fast path.
    expect(accepted).toBeGreaterThan(20);
  });

  it("leaves strings with surrogates near a length bound to zod", () => {
    const check = compileRowCheck("children");
    // 63 letters and one astral character: 65 code units but 64 code points, which zod accepts as a
    // 64-character id; the checker does not count code points and leaves the row to zod.
    const row = { child_id: `${"a".repeat(63)}😀`, sex: "F" };
    expect(check?.(row)).toBeNull();
    expect(datasetSchemas.children.safeParse(row).success).toBe(true);
    // Two code units that are one code point are still at least one character: vouched for.
    expect(check?.({ child_id: "😀", sex: "F" })?.child_id).toBe("😀");
  });

  it("refuses rows that are not plain objects and rows with unknown fields", () => {
    const check = compileRowCheck("children");
    expect(check?.([])).toBeNull();
    expect(check?.(null)).toBeNull();
    expect(check?.(JSON.parse('{"child_id":"C1","sex":"F","__proto__":{"x":1}}'))).toBeNull();
    expect(check?.({ child_id: "C1", sex: "F", colour: "red" })).toBeNull();
  });
});

describe("checkRow with the compiled fast path", () => {
  it.each(datasetNames)(
    "%s (JSON and CSV): the record is zod's, and problems appear exactly when zod rejects",
    (dataset) => {
      const cell = (v: unknown): string =>
        v === null || v === undefined
          ? ""
          : typeof v === "string"
            ? v
            : typeof v === "object"
              ? "x"
              : String(v);
      fc.assert(
        fc.property(rowOf(dataset, 1), fc.boolean(), (row, asCsv) => {
          const input = asCsv ? Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)])) : row;
          const check = checkRow(dataset, input, asCsv ? "csv" : "json");
          const converted = asCsv ? convertCsvRow(dataset, input) : { values: input, issues: [] };
          const verdict = converted.issues.length > 0 ? "rejected" : zodVerdict(dataset, converted.values);
          if (verdict === "rejected") {
            expect(check.record).toBeNull();
            expect(check.problems.length).toBeGreaterThan(0);
          } else {
            expect(JSON.stringify(check.record)).toBe(verdict);
            expect(check.problems).toEqual([]);
            const record = check.record as Record<string, unknown>;
            expect(check.keyValues).toEqual(
              Object.fromEntries(datasets[dataset].key.map((k) => [k, record[k]])),
            );
          }
        }),
        { numRuns: 150 },
      );
    },
  );
});
