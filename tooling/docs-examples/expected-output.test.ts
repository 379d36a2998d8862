import { describe, expect, it } from "vitest";
import { outputMismatches } from "./expected-output.js";

describe("outputMismatches (text)", () => {
  it("needs every shown line as a whole output line", () => {
    expect(outputMismatches({ lang: "text", body: "a 1\nb 2" }, "x\na 1\nb 2  \n")).toEqual([]);
    expect(outputMismatches({ lang: "text", body: "a 1" }, "a 12\n")).toEqual([
      "the output has no line matching: a 1",
    ]);
  });

  it("skips lines that are only an ellipsis and treats an inner ellipsis as any text, in order", () => {
    const body = '…\n{"tokens":[…"name":"n"…]}';
    expect(outputMismatches({ lang: "text", body }, '{"tokens":[{"id":1,"name":"n"}]}')).toEqual([]);
    expect(outputMismatches({ lang: "text", body }, '{"tokens":[{"id":1,"name":"m"}]}')).toHaveLength(1);
    expect(outputMismatches({ lang: "text", body: "ab…ba" }, "aba")).toHaveLength(1);
    expect(outputMismatches({ lang: "text", body: "ab…ba" }, "abba")).toEqual([]);
  });
});

describe("outputMismatches (json)", () => {
  it("matches the whole output or one line, with … as any value", () => {
    const body = '{ "id": "…", "n": 1 }';
    expect(outputMismatches({ lang: "json", body }, 'noise\n{"id":"x","n":1}\n')).toEqual([]);
    expect(outputMismatches({ lang: "json", body }, '{\n "id": [1],\n "n": 1\n}')).toEqual([]);
    expect(outputMismatches({ lang: "json", body }, '{"id":"x","n":2}')).toHaveLength(1);
  });

  it("wants exactly the keys shown unless the object shows … as a key", () => {
    expect(outputMismatches({ lang: "json", body: '{"n":1}' }, '{"n":1,"m":2}')).toHaveLength(1);
    expect(outputMismatches({ lang: "json", body: '{"n":1,"…":"…"}' }, '{"n":1,"m":2}')).toEqual([]);
  });

  it("reads an array ending with … as a prefix", () => {
    expect(outputMismatches({ lang: "json", body: '[1, "…"]' }, "[1,2,3]")).toEqual([]);
    expect(outputMismatches({ lang: "json", body: "[1]" }, "[1,2]")).toHaveLength(1);
    expect(outputMismatches({ lang: "json", body: '[2, "…"]' }, "[1,2]")).toHaveLength(1);
  });

  it("reports a documented output that is not JSON", () => {
    expect(outputMismatches({ lang: "json", body: "{ nope" }, "{}")[0]).toMatch(/does not parse/);
  });
});
