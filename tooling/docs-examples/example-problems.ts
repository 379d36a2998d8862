import { outputMismatches } from "./expected-output.js";
import type { ExampleBlock } from "./markdown-examples.js";
import { runExample, typeErrors } from "./run-example.js";

/**
 * Runs one runnable block of a document and says what is wrong with it: its type errors (`ts` blocks,
 * checked from `typesFrom`), an exit status other than its marker's, and what of its documented output
 * it did not print. This is the whole check each runner makes per block.
 *
 * @param block - a runnable block from `readExamples`
 * @param options - where it runs (`cwd`, `env`) and where its types resolve from (`typesFrom`)
 * @returns one message per problem, each with the output when it helps; empty when the example holds
 * @example
 * const [block] = parseExamples("<!-- runnable -->\n```sh\necho hi\n```\n\n```text\nhi\n```\n");
 * await exampleProblems(block, { cwd: "/tmp", env: { PATH: process.env.PATH ?? "" }, typesFrom: "/tmp" }); // []
 */
export async function exampleProblems(
  block: Extract<ExampleBlock, { kind: "runnable" }>,
  options: { readonly cwd: string; readonly env: Record<string, string>; readonly typesFrom: string },
): Promise<string[]> {
  const types = block.lang === "ts" ? typeErrors(block.code, options.typesFrom) : [];
  if (types.length > 0) return types.map((t) => `type error: ${t}`);
  const result = await runExample(block, { cwd: options.cwd, env: options.env });
  const output = `${result.stdout}${result.stderr}`;
  const problems =
    result.code === block.exit ? [] : [`exited with ${result.code ?? "a signal"}, not ${block.exit}`];
  if (block.expected !== null) problems.push(...outputMismatches(block.expected, output));
  return problems.length === 0 ? [] : [...problems, `--- its output:\n${output}`];
}
