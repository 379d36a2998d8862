import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { exampleProblems } from "./example-problems.js";
import { parseExamples } from "./markdown-examples.js";

const fence = "```";
const options = { cwd: tmpdir(), env: { PATH: process.env.PATH ?? "" }, typesFrom: process.cwd() };

function runnable(markdown: string) {
  const block = parseExamples(markdown)[0];
  if (block?.kind !== "runnable") throw new Error("not a runnable block");
  return block;
}

describe("exampleProblems", () => {
  it("is empty when the example exits as marked and prints what is shown", async () => {
    const block = runnable(
      `<!-- runnable exit=3 -->\n${fence}sh\necho hi; exit 3\n${fence}\n\n${fence}text\nhi\n${fence}\n`,
    );
    expect(await exampleProblems(block, options)).toEqual([]);
  });

  it("names a wrong exit status and missing output, with the output", async () => {
    const block = runnable(
      `<!-- runnable -->\n${fence}js\nconsole.log("ho"); process.exit(2);\n${fence}\n\n${fence}text\nhi\n${fence}\n`,
    );
    expect(await exampleProblems(block, options)).toEqual([
      "exited with 2, not 0",
      "the output has no line matching: hi",
      "--- its output:\nho\n",
    ]);
  });

  it("type-checks ts examples before running them", async () => {
    const block = runnable(
      `<!-- runnable -->\n${fence}ts\nconst n: number = "x";\nconsole.log(n);\n${fence}\n`,
    );
    const problems = await exampleProblems(block, options);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^type error: Type 'string' is not assignable to type 'number'/);
  });
});
