import { describe, expect, it } from "vitest";
import { batchListQuerySchema, batchResultSchema } from "./batches.js";

describe("batch list query", () => {
  it("reads the page size from the query string, 1 to 1,000, 100 by default", () => {
    expect(batchListQuerySchema.parse({})).toEqual({ limit: 100 });
    expect(batchListQuerySchema.parse({ limit: "1000" })).toEqual({ limit: 1000 });
    expect(batchListQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
    expect(batchListQuerySchema.safeParse({ limit: "1001" }).success).toBe(false);
    expect(batchListQuerySchema.safeParse({ limit: "2.5" }).success).toBe(false);
  });

  it("pages with a created_at time that carries its offset", () => {
    expect(batchListQuerySchema.safeParse({ before: "2019-10-01T02:00:00.000Z" }).success).toBe(true);
    expect(batchListQuerySchema.safeParse({ before: "2019-10-01T03:00:00+01:00" }).success).toBe(true);
    expect(batchListQuerySchema.safeParse({ before: "2019-10-01" }).success).toBe(false);
  });
});

describe("batch result", () => {
  it("needs every count, so a client can sum what a load changed", () => {
    const result = {
      batch_id: "b1",
      dataset: "contacts",
      mode: "replace",
      received: 5000,
      inserted: 20,
      updated: 7,
      unchanged: 4973,
      deleted: 2,
      coverage: {
        id: "s1",
        dataset: "contacts",
        kind: "declared",
        name: "contacts Q2 2019-20",
        from: "2019-07-01",
        to: "2019-09-30",
        as_of: null,
        history_from: null,
        received_at: "2019-10-01T08:00:00.000Z",
      },
    };
    expect(batchResultSchema.parse(result)).toEqual(result);
    expect(batchResultSchema.safeParse({ ...result, coverage: null }).success).toBe(true);
    expect(
      batchResultSchema.safeParse({ ...result, coverage: { ...result.coverage, to: "2019-06-30" } }).success,
    ).toBe(false);
    const { deleted: _dropped, ...withoutDeleted } = result;
    expect(batchResultSchema.safeParse(withoutDeleted).success).toBe(false);
    expect(batchResultSchema.safeParse({ ...result, inserted: 1.5 }).success).toBe(false);
  });
});
