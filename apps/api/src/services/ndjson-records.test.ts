import { describe, expect, it } from "vitest";
import { ApiError } from "../errors.js";
import { ndjsonRecords } from "./ndjson-records.js";

async function collect(chunks: string[], max?: number): Promise<unknown[]> {
  async function* source() {
    yield* chunks;
  }
  const out: unknown[] = [];
  for await (const r of ndjsonRecords(source(), max)) out.push(r);
  return out;
}

describe("ndjsonRecords", () => {
  it("yields one value per line, across chunk boundaries, skipping blank lines", async () => {
    expect(await collect(['{"a":1}\r\n\n{"b"', ":2}\n   \n", '{"c":3}'])).toEqual([
      { a: 1 },
      { b: 2 },
      { c: 3 },
    ]);
    expect(await collect([""])).toEqual([]);
  });

  it("names the broken line (1-based, blank lines counted) without echoing it", async () => {
    const run = collect(['{"a":1}\n\n{"child_id":"SECRET"\n']);
    await expect(run).rejects.toBeInstanceOf(ApiError);
    await expect(run).rejects.toMatchObject({ code: "malformed_body", message: "Malformed JSON on line 3" });
  });

  it("refuses a line longer than the limit", async () => {
    await expect(collect(["x".repeat(30), "x".repeat(30)], 40)).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
