// Runs the runnable blocks of the documents `@kpi/docs-examples` assigns to the `libraries` runner
// (docs/core-library.md, docs/methods/…) from this package's directory, so "@kpi/core" and
// "@kpi/catalogue" resolve to the built workspace packages, and checks each one's exit status and the
// output its document shows after it.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { exampleProblems, exampleRunners, readExamples, repositoryRoot } from "@kpi/docs-examples";
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
        const env = { PATH: process.env.PATH ?? "" };
        expect(await exampleProblems(block, { cwd: packageDir, env, typesFrom: packageDir })).toEqual([]);
      });
    }
  });
}
