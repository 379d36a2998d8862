// Runs the runnable blocks of the documents `@kpi/docs-examples` assigns to the `libraries` runner
// (docs/core-library.md, docs/methods/…) from this package's directory, so "@kpi/core" and
// "@kpi/catalogue" resolve to the built workspace packages, and checks each one's exit status and the
// output its document shows after it.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  exampleRunners,
  outputMismatches,
  readExamples,
  repositoryRoot,
  runExample,
  typeErrors,
} from "@kpi/docs-examples";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("../", import.meta.url));

for (const doc of exampleRunners.libraries) {
  const runnable = readExamples(join(repositoryRoot, doc)).flatMap((b) => (b.kind === "runnable" ? [b] : []));

  describe(doc, () => {
    it("has runnable examples, with their output", () => {
      expect(runnable.length).toBeGreaterThan(0);
      expect(runnable.every((b) => b.expected !== null)).toBe(true);
    });

    for (const block of runnable) {
      it(`runs the ${block.lang} example at line ${block.line}`, async () => {
        if (block.lang === "ts") expect(typeErrors(block.code, packageDir)).toEqual([]);
        const result = await runExample(block, { cwd: packageDir, env: { PATH: process.env.PATH ?? "" } });
        const output = `${result.stdout}${result.stderr}`;
        expect(result.code, output).toBe(block.exit);
        if (block.expected !== null) expect(outputMismatches(block.expected, output), output).toEqual([]);
      });
    }
  });
}
