import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { batchIdempotencyKey } from "./idempotency-key.js";

describe("batchIdempotencyKey", () => {
  it("is the run, the batch number and the content hash", async () => {
    const parts = ["children", "upsert", "text/csv", "child_id,sex\r\nC1,F\r\n"];
    const expected = createHash("sha256")
      .update("8:children6:upsert8:text/csv20:child_id,sex\r\nC1,F\r\n")
      .digest("hex");
    expect(await batchIdempotencyKey("run1", 3, parts)).toBe(`run1.3.${expected.slice(0, 32)}`);
  });

  it("is the same for the same batch and differs when the body differs", async () => {
    const a = await batchIdempotencyKey("r", 0, ["children", "upsert", "application/json", '{"records":[]}']);
    const b = await batchIdempotencyKey("r", 0, ["children", "upsert", "application/json", '{"records":[]}']);
    const c = await batchIdempotencyKey("r", 0, [
      "children",
      "upsert",
      "application/json",
      '{"records":[{}]}',
    ]);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("cannot be confused by moving text between parts", async () => {
    const a = await batchIdempotencyKey("r", 0, ["ab", "c"]);
    const b = await batchIdempotencyKey("r", 0, ["a", "bc"]);
    expect(a).not.toBe(b);
  });
});
