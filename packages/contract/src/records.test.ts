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
