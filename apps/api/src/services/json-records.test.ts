import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "../errors.js";
import { jsonRecords } from "./json-records.js";

async function collect(chunks: string[], limits?: Parameters<typeof jsonRecords>[1]): Promise<unknown[]> {
  async function* source() {
    yield* chunks;
  }
  const out: unknown[] = [];
  for await (const r of jsonRecords(source(), limits)) out.push(r);
  return out;
}

async function failure(chunks: string[], limits?: Parameters<typeof jsonRecords>[1]): Promise<ApiError> {
  try {
    await collect(chunks, limits);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

/** `text` cut into chunks at the given offsets (taken modulo its length + 1), in order. */
function cutAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

describe("jsonRecords", () => {
  it("yields each record of { records: [...] }", async () => {
    const body = '{ "records" : [ {"a":1,"b":"x,]}"} , {"c":[1,{"d":null}]}, 3, "s\\"]", null ] }';
    expect(await collect([body])).toEqual([{ a: 1, b: "x,]}" }, { c: [1, { d: null }] }, 3, 's"]', null]);
  });

  it("accepts an empty records array and whitespace around everything", async () => {
    expect(await collect(['\n{"records":[]}\n'])).toEqual([]);
  });

  it("gives the same records however the body is split into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (records, cuts) => {
          const chunks = cutAt(JSON.stringify({ records }), cuts);
          // JSON.stringify turns -0 into 0; compare through the same round trip.
          expect(await collect(chunks)).toEqual(JSON.parse(JSON.stringify(records)));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it("splits correctly around escapes, quotes and brackets inside strings, wherever the chunks break", async () => {
    // Strings made of the characters the scanner must not be fooled by, so that escapes (\\ and \")
    // often straddle a chunk boundary.
    const tricky = fc.string({
      unit: fc.constantFrom('"', "\\", "a", "{", "}", "[", "]", ",", ":", "é", "\n", "😀"),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.dictionary(tricky, fc.oneof(tricky, fc.array(tricky, { maxLength: 3 })), { maxKeys: 4 }),
          {
            maxLength: 6,
          },
        ),
        fc.array(fc.nat(), { maxLength: 30 }),
        async (records, cuts) => {
          const chunks = cutAt(JSON.stringify({ records }), cuts);
          expect(await collect(chunks)).toEqual(JSON.parse(JSON.stringify(records)));
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });

  it("reports broken JSON as malformed_body, naming the record but not its contents", async () => {
    const e = await failure(['{"records":[{"a":1},{"child_id":"SECRET-1",}]}']);
    expect(e.code).toBe("malformed_body");
    expect(e.message).toBe("Malformed JSON in record 1");
    expect((await failure(['{"records":[{"a":1}'])).code).toBe("malformed_body");
    expect((await failure(['{"records":[1,,2]}'])).code).toBe("malformed_body");
    expect((await failure(['{"records":[1,]}'])).code).toBe("malformed_body");
    expect((await failure(['{"records":[]} {}'])).code).toBe("malformed_body");
    expect((await failure([""])).code).toBe("malformed_body");
    expect((await failure(["nonsense"])).code).toBe("malformed_body");
  });

  it("reports another shape as validation_failed", async () => {
    for (const body of ["[]", '{"rows":[]}', '{"records":{}}', "{}", '{"records":[],"records":[]}', '"x"']) {
      expect({ body, code: (await failure([body])).code }).toEqual({ body, code: "validation_failed" });
    }
  });

  it("refuses nesting deeper than the limit without recursing", async () => {
    const deep = `{"records":[${"[".repeat(100_000)}${"]".repeat(100_000)}]}`;
    const e = await failure([deep]);
    expect(e.code).toBe("malformed_body");
    expect(e.message).toMatch(/nested more than 16/);
  });

  it("refuses a record longer than the limit once it spans chunks", async () => {
    const e = await failure(['{"records":[{"a":"', "x".repeat(50), "x".repeat(50), '"}]}'], {
      maxDepth: 16,
      maxRecordChars: 80,
    });
    expect(e.code).toBe("validation_failed");
    expect(e.issues?.[0]?.row).toBe(0);
  });
});
