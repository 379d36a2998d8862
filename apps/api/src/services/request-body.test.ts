import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeUtf8, meterBody } from "./request-body.js";

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<string | Buffer> {
  yield* parts;
}

async function* bytes(...parts: Buffer[]): AsyncGenerator<Buffer> {
  yield* parts;
}

async function text(source: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const t of source) out += t;
  return out;
}

describe("meterBody", () => {
  it("passes the bytes through and feeds the hash", async () => {
    const hash = createHash("sha256");
    const out: Buffer[] = [];
    for await (const c of meterBody(chunks("ab", Buffer.from("cd")), { limit: 4, hash })) out.push(c);
    expect(Buffer.concat(out).toString()).toBe("abcd");
    expect(hash.digest("hex")).toBe(createHash("sha256").update("abcd").digest("hex"));
  });

  it("fails with payload_too_large as soon as the limit is passed", async () => {
    const seen: string[] = [];
    const run = (async () => {
      for await (const c of meterBody(chunks("abc", "def", "ghi"), { limit: 5 })) seen.push(c.toString());
    })();
    await expect(run).rejects.toMatchObject({ code: "payload_too_large" });
    expect(seen).toEqual(["abc"]);
  });

  it("turns a body that breaks off into malformed_body", async () => {
    async function* broken() {
      yield Buffer.from("ab");
      throw new Error("aborted");
    }
    const run = (async () => {
      for await (const _ of meterBody(broken(), { limit: 100 })) {
        // consume
      }
    })();
    await expect(run).rejects.toMatchObject({ code: "malformed_body" });
  });
});

describe("decodeUtf8", () => {
  it("joins a character split across chunks", async () => {
    const encoded = Buffer.from("é👶");
    expect(
      await text(decodeUtf8(bytes(encoded.subarray(0, 1), encoded.subarray(1, 3), encoded.subarray(3)))),
    ).toBe("é👶");
  });

  it("refuses bytes that are not UTF-8", async () => {
    await expect(text(decodeUtf8(bytes(Buffer.from([0x7b, 0xff, 0x7d]))))).rejects.toMatchObject({
      code: "malformed_body",
    });
    await expect(text(decodeUtf8(bytes(Buffer.from([0xe2, 0x82]))))).rejects.toMatchObject({
      code: "malformed_body",
    });
  });
});
