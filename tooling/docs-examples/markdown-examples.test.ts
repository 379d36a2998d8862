import { describe, expect, it } from "vitest";
import { parseExamples } from "./markdown-examples.js";

const fence = "```";

describe("parseExamples", () => {
  it("reads runnable blocks with their exit status and the output block that follows", () => {
    const md = [
      "Intro",
      "<!-- runnable exit=1 -->",
      `${fence}sh`,
      "false",
      fence,
      "",
      `${fence}text`,
      "nothing",
      fence,
    ].join("\n");
    expect(parseExamples(md)).toEqual([
      {
        kind: "runnable",
        lang: "sh",
        exit: 1,
        expected: { lang: "text", body: "nothing" },
        code: "false",
        line: 3,
      },
    ]);
  });

  it("does not take an output block separated by prose", () => {
    const md = ["<!-- runnable -->", `${fence}js`, "1", fence, "prose", `${fence}text`, "x", fence].join(
      "\n",
    );
    const blocks = parseExamples(md);
    expect(blocks.map((b) => b.kind)).toEqual(["runnable", "unmarked"]);
    expect(blocks[0]).toMatchObject({ expected: null });
  });

  it("reads file, commands and recorded-output markers", () => {
    const md = [
      "<!-- file: a.csv -->",
      `${fence}csv`,
      "x,y",
      fence,
      "<!-- commands -->",
      `${fence}sh`,
      "pnpm bench",
      fence,
      "<!-- recorded-output: scripts/soak.mjs -->",
      fence,
      "minute",
      fence,
    ].join("\n");
    expect(parseExamples(md)).toEqual([
      { kind: "file", name: "a.csv", code: "x,y", line: 2 },
      { kind: "commands", code: "pnpm bench", line: 6 },
      { kind: "recorded-output", source: "scripts/soak.mjs", code: "minute", line: 10 },
    ]);
  });

  it("flags blocks no test runs, unknown markers and runnable blocks in other languages", () => {
    const md = [
      `${fence}ts`,
      "x",
      fence,
      "<!-- runable -->",
      `${fence}sh`,
      "y",
      fence,
      "<!-- runnable -->",
      `${fence}python`,
      "z",
      fence,
    ].join("\n");
    expect(parseExamples(md).map((b) => (b.kind === "unmarked" ? b.why : b.kind))).toEqual([
      "no test runs this block: mark it runnable, file, commands or recorded-output",
      "unknown marker '<!-- runable -->'",
      "a runnable block must be js, ts or sh, not 'python'",
    ]);
  });

  it("needs the marker on the line right before the fence", () => {
    const md = ["<!-- runnable -->", "", `${fence}sh`, "true", fence].join("\n");
    expect(parseExamples(md)[0]?.kind).toBe("unmarked");
  });
});
