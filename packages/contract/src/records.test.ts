import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  recordParamsSchema,
  recordsHeadersSchema,
  recordsParamsSchema,
  recordsQuerySchema,
} from "./records.js";

describe("records post", () => {
  it("upserts unless replace is asked for, and never accepts delete as a post mode", () => {
    expect(recordsQuerySchema.parse({})).toEqual({ mode: "upsert" });
    expect(recordsQuerySchema.parse({ mode: "replace" })).toEqual({ mode: "replace" });
    expect(recordsQuerySchema.safeParse({ mode: "delete" }).success).toBe(false);
  });

  it("takes a declared coverage in the query: a period, or an extract as at a date", () => {
    const period = {
      mode: "replace",
      covers_from: "2018-04-01",
      covers_to: "2019-03-31",
      source_kind: "statutory",
    };
    expect(recordsQuerySchema.parse(period)).toEqual(period);
    const extract = { as_of: "2019-09-30", history_from: "2015-04-01", source_name: "nightly extract" };
    expect(recordsQuerySchema.parse(extract)).toEqual({ mode: "upsert", ...extract });
    expect(recordsQuerySchema.parse({ as_of: "2019-09-30" })).toEqual({
      mode: "upsert",
      as_of: "2019-09-30",
    });
  });

  it("refuses a declaration that does not hold together, naming the parameter", () => {
    const fieldOf = (q: Record<string, string>) => {
      const r = recordsQuerySchema.safeParse(q);
      return r.success ? null : r.error.issues.map((i) => i.path.join("."));
    };
    expect(fieldOf({ covers_from: "2018-04-01" })).toEqual(["covers_to"]);
    expect(fieldOf({ covers_from: "2019-04-01", covers_to: "2019-03-31" })).toEqual(["covers_to"]);
    expect(fieldOf({ covers_from: "2019-04-01", covers_to: "2019-06-30", as_of: "2019-06-30" })).toEqual([
      "as_of",
    ]);
    expect(fieldOf({ history_from: "2015-04-01" })).toEqual(["history_from"]);
    expect(fieldOf({ as_of: "2019-06-30", history_from: "2019-07-01" })).toEqual(["history_from"]);
    expect(fieldOf({ as_of: "2019-06-30", source_kind: "statutory" })).toEqual(["source_kind"]);
    expect(fieldOf({ source_name: "extract" })).toEqual(["source_name"]);
    expect(fieldOf({ covers_from: "2019-02-30", covers_to: "2019-03-31" })).toEqual(["covers_from"]);
  });

  it("accepts any dataset name up to 100 characters so an unknown one can be answered 404", () => {
    expect(recordsParamsSchema.safeParse({ dataset: "contact" }).success).toBe(true);
    expect(recordsParamsSchema.safeParse({ dataset: "x".repeat(101) }).success).toBe(false);
  });

  it("keeps headers it does not read", () => {
    const headers = { "content-type": "text/csv", "idempotency-key": "run-7:0" };
    expect(recordsHeadersSchema.parse(headers)).toEqual(headers);
  });

  it("accepts an Idempotency-Key exactly when it is 1–200 printable ASCII characters", () => {
    const printable = fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(printable, { minLength: 1, maxLength: 200 }), (chars) => {
        expect(recordsHeadersSchema.safeParse({ "idempotency-key": chars.join("") }).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 50 }),
        fc.constantFrom(" ", "é", "\t", "\u007f", "—"),
        fc.string({ maxLength: 50 }),
        (before, bad, after) => {
          const key = `${before}${bad}${after}`;
          expect(recordsHeadersSchema.safeParse({ "idempotency-key": key }).success).toBe(false);
        },
      ),
    );
    expect(recordsHeadersSchema.safeParse({ "idempotency-key": "k".repeat(201) }).success).toBe(false);
  });
});

describe("record delete", () => {
  it("takes the record's key as posted, 1 to 1,000 characters", () => {
    expect(recordParamsSchema.parse({ dataset: "cp_plans", key: "C1|2019-04-01" })).toEqual({
      dataset: "cp_plans",
      key: "C1|2019-04-01",
    });
    expect(recordParamsSchema.safeParse({ dataset: "cp_plans", key: "" }).success).toBe(false);
    expect(recordParamsSchema.safeParse({ dataset: "cp_plans", key: "k".repeat(1001) }).success).toBe(false);
  });
});
