import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { convertCsvRow } from "./csv-cells.js";
import { type FieldCheck, fieldMetaRegistry } from "./fields.js";
import { datasets } from "./registry.js";
import { createRowChecker } from "./row-check.js";
import { type DatasetName, datasetNames, datasetSchemas } from "./schemas.js";
import { validRows } from "./valid-rows.fixture.js";

// The single pass checks each field with the plain test of its declared check, never calling zod; the
// dataset's zod schema, made from the same declarations, is the reference here: the pass must accept
// exactly the rows zod accepts and return exactly what zod returns (same values, same field order),
// for any dataset built with the field builders. The rows are generated from each field's declared
// check, so a new dataset is covered without a change here.

/** Each field's declared check, read from the schema (as the validator reads it). */
function checkOf(dataset: DatasetName, field: string): FieldCheck {
  const shape = datasetSchemas[dataset].shape as Record<string, z.ZodType>;
  const check = fieldMetaRegistry.get(shape[field] as z.ZodType)?.check;
  if (check === undefined) throw new Error(`${dataset}.${field} declares no check`);
  return check;
}

const isoDate = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Text of about `n` code units, sometimes with astral characters (two units, one code point). */
const textNear = (n: number) =>
  fc.oneof(
    fc.string({ minLength: Math.max(0, n - 2), maxLength: n + 2 }),
    fc.string({ minLength: Math.max(0, n - 2), maxLength: n + 2, unit: "grapheme" }),
    fc.string({
      minLength: Math.max(0, Math.floor(n / 2) - 2),
      maxLength: Math.floor(n / 2) + 2,
      unit: "binary",
    }),
    fc.constantFrom("😀", "\uD800", "a\uDC00", "😀😀", " "),
    fc.constantFrom(
      `${"a".repeat(Math.max(0, n - 1))}😀`,
      "😀".repeat(n),
      `${"😀".repeat(n)}a`,
      "\uD800".repeat(n + 1),
    ),
  );

/** Numbers around a lower and an upper bound (or ordinary ones where a bound is absent). */
function around(check: { readonly min?: number; readonly max?: number }, integer: boolean) {
  const min = check.min ?? -10;
  const max = check.max ?? Math.max(min + 1000, 1000);
  const inside = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  const edges = [min, max, min - 1, max + 1, min + 0.5, max - 0.5, -0, 2 ** 53, -(2 ** 53), 2 ** 53 - 1];
  return fc.oneof(
    { weight: 6, arbitrary: inside },
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_VALUE, 0.1 + 0.2),
    },
  );
}

/** A value that is plausible for the field (often valid, sometimes just outside a bound). */
function plausible(check: FieldCheck): fc.Arbitrary<unknown> {
  switch (check.kind) {
    case "code":
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...check.values) },
        {
          weight: 1,
          arbitrary: fc.constantFrom("x", "", "toString", "__proto__", check.values[0]?.toLowerCase()),
        },
      );
    case "date":
      return fc.oneof(
        { weight: 8, arbitrary: isoDate },
        { weight: 1, arbitrary: fc.constantFrom("2019-02-29", "2019-13-01", "30/09/2019", "2019-9-1", "") },
      );
    case "period":
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom("FY2019-20", "FY2019-20-Q2", "2019-08", "FY2020-21-Q4") },
        { weight: 1, arbitrary: fc.constantFrom("FY2019-21", "2019-13", "FY2019-20-Q5", "") },
      );
    case "pattern":
      return fc.oneof(
        { weight: 4, arbitrary: fc.stringMatching(new RegExp(check.source, check.flags)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
      );
    case "integer":
      return around(check, true);
    case "number":
      return around(check, false);
    case "boolean":
      return fc.boolean();
    case "text":
      return fc.oneof(
        {
          weight: 8,
          arbitrary: fc.string({ minLength: check.minLength, maxLength: Math.min(8, check.maxLength) }),
        },
        { weight: 3, arbitrary: fc.oneof(textNear(check.minLength), textNear(check.maxLength)) },
        { weight: 1, arbitrary: fc.constantFrom("FY2019-20", "0-17", "2019-09-30") },
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
  const cells = fields.map((f) => {
    const values = plausible(checkOf(dataset, f.name));
    return junkWeight === 0
      ? values
      : fc.oneof({ weight: 12, arbitrary: values }, { weight: junkWeight, arbitrary: junk });
  });
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

describe("createRowChecker", () => {
  it.each(datasetNames)("every field of %s declares a check the validator runs", (dataset) => {
    for (const f of datasets[dataset].fields) expect(checkOf(dataset, f.name).kind).toBeTypeOf("string");
    expect(() => createRowChecker(dataset, { format: "json" })).not.toThrow();
  });

  it("refuses a dataset with a field whose schema declares no check", () => {
    const field = datasetSchemas.children.shape.sex as z.ZodType;
    const meta = fieldMetaRegistry.get(field);
    if (meta === undefined) throw new Error("sex has no metadata");
    const { check: _, ...withoutCheck } = meta;
    fieldMetaRegistry.remove(field).add(field, withoutCheck as typeof meta);
    try {
      expect(() => createRowChecker("children", { format: "json" })).toThrow(
        "Field children.sex declares no check the validator can run",
      );
    } finally {
      fieldMetaRegistry.remove(field).add(field, meta);
    }
    expect(createRowChecker("children", { format: "json" })({ child_id: "C1", sex: "F" }).problems).toEqual(
      [],
    );
  });

  it.each(datasetNames)(
    "accepts the fixture's valid row of %s and returns the normalised record",
    (dataset) => {
      const check = createRowChecker(dataset, { format: "json" });
      expect(JSON.stringify(check(validRows[dataset].json).record)).toBe(
        JSON.stringify(validRows[dataset].record),
      );
    },
  );

  it.each(datasetNames)("%s: accepts exactly what zod accepts, returning what zod returns", (dataset) => {
    const check = createRowChecker(dataset, { format: "json" });
    // One memoising checker across all runs: remembered verdicts must never change an answer.
    const memoised = createRowChecker(dataset, { format: "json", memoise: true });
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(rowOf(dataset, 1), rowOf(dataset, 0), rowOf(dataset, 0)), (row) => {
        const verdict = zodVerdict(dataset, row);
        const result = check(row);
        expect(memoised(row)).toEqual(result);
        if (result.record !== null) accepted += 1;
        expect(result.record === null ? "rejected" : JSON.stringify(result.record)).toBe(verdict);
        expect(result.problems.length === 0).toBe(result.record !== null);
      }),
      { numRuns: 400 },
    );
    // The generators are meant to produce many valid rows; a checker that accepted none would pass
    // the property above while never returning a record.
    expect(accepted).toBeGreaterThan(20);
  });

  it("counts the length of text in code points, as zod does", () => {
    const check = createRowChecker("children", { format: "json" });
    // 63 letters and one astral character: 65 code units but 64 code points, a 64-character id.
    const row = { child_id: `${"a".repeat(63)}😀`, sex: "F" };
    expect(check(row).record?.child_id).toBe(row.child_id);
    expect(datasetSchemas.children.safeParse(row).success).toBe(true);
    // 64 astral characters are 64 code points (128 units); one more is too long, as is a lone
    // surrogate beyond 64 (it counts as one code point).
    expect(check({ child_id: "😀".repeat(64), sex: "F" }).problems).toEqual([]);
    expect(check({ child_id: "😀".repeat(65), sex: "F" }).problems[0]?.field).toBe("child_id");
    expect(check({ child_id: `${"a".repeat(64)}\uD800`, sex: "F" }).problems[0]?.field).toBe("child_id");
    expect(check({ child_id: "😀", sex: "F" }).record?.child_id).toBe("😀");
  });

  it("refuses rows that are not objects, unknown fields, and keys zod's strict object refuses", () => {
    const check = createRowChecker("children", { format: "json" });
    expect(check([]).problems).toHaveLength(1);
    expect(check(null).problems).toHaveLength(1);
    const proto = JSON.parse('{"child_id":"C1","sex":"F","__proto__":{"x":1}}');
    expect(check(proto).problems).toEqual([{ field: null, message: 'Unrecognized key: "__proto__"' }]);
    const inherited = Object.assign(Object.create({ colour: "red" }), { child_id: "C1", sex: "F" });
    expect(check(inherited).problems).toEqual([{ field: null, message: 'Unrecognized key: "colour"' }]);
    expect(datasetSchemas.children.safeParse(inherited).success).toBe(false);
    expect(check({ child_id: "C1", sex: "F", colour: "red" }).problems[0]?.field).toBe("colour");
    // An object that is not plain but has the fields as its own is a row, as zod reads it.
    const instance = Object.assign(new (class Row {})(), { child_id: "C1", sex: "F" });
    expect(check(instance).record).toEqual(datasetSchemas.children.parse(instance));
  });
});

describe("createRowChecker in JSON and CSV form", () => {
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
          const check = createRowChecker(dataset, { format: asCsv ? "csv" : "json" })(input);
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
