import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordId } from "./record-id.js";

describe("recordId", () => {
  const key = "test-id-key-0123456789";

  it("is the prefix and the first 24 hex digits of the keyed hash", () => {
    const expected = createHmac("sha256", key).update("2:EP4:100110:2019-04-01").digest("hex").slice(0, 24);
    expect(recordId(key, "EP", ["1001", "2019-04-01"])).toBe(`EP-${expected}`);
  });

  it("is stable, differs with the key or the values, and never contains the child id", () => {
    const a = recordId(key, "EP", ["CHILD777", "2019-04-01"]);
    expect(recordId(key, "EP", ["CHILD777", "2019-04-01"])).toBe(a);
    expect(recordId("another-key-0123456789", "EP", ["CHILD777", "2019-04-01"])).not.toBe(a);
    expect(recordId(key, "EP", ["CHILD777", "2019-04-02"])).not.toBe(a);
    expect(a).not.toContain("CHILD777");
  });
});
