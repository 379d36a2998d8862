// Every code block in the repository's Markdown is run or checked by a test: this suite fails on a block
// nothing runs, on a document whose runnable blocks no runner takes, and on `commands` and
// `recorded-output` blocks that name what the repository does not have. The runnable blocks themselves
// run in the runners' suites (see runners.ts).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandProblems } from "./command-checks.js";
import { readExamples } from "./markdown-examples.js";
import { exampleRunners, markdownFiles, repositoryRoot } from "./runners.js";

const documents = markdownFiles().map((path) => ({ path, blocks: readExamples(join(repositoryRoot, path)) }));
const assigned: readonly string[] = Object.values(exampleRunners).flat();

describe("code blocks in the documentation", () => {
  it("finds the documents", () => {
    expect(documents.map((d) => d.path)).toEqual(expect.arrayContaining(["README.md", "docs/api.md"]));
  });

  it("are all run or checked by a test", () => {
    const unmarked = documents.flatMap(({ path, blocks }) =>
      blocks.flatMap((b) => (b.kind === "unmarked" ? [`${path}:${b.line} ${b.why}`] : [])),
    );
    expect(unmarked).toEqual([]);
  });

  it("sit in documents a runner runs whenever they are runnable or files", () => {
    const orphans = documents
      .filter(({ blocks }) => blocks.some((b) => b.kind === "runnable" || b.kind === "file"))
      .map((d) => d.path)
      .filter((path) => !assigned.includes(path));
    expect(orphans).toEqual([]);
  });

  it("runners name only documents that exist and have runnable blocks", () => {
    for (const path of assigned) {
      const doc = documents.find((d) => d.path === path);
      expect(
        doc?.blocks.some((b) => b.kind === "runnable"),
        path,
      ).toBe(true);
    }
    expect(new Set(assigned).size).toBe(assigned.length);
  });

  for (const { path, blocks } of documents) {
    for (const block of blocks) {
      if (block.kind === "commands") {
        it(`${path}:${block.line} lists commands the repository has`, () => {
          expect(commandProblems(block.code, repositoryRoot)).toEqual([]);
        });
      }
      if (block.kind === "recorded-output") {
        it(`${path}:${block.line} is output its program prints`, () => {
          const source = join(repositoryRoot, block.source);
          expect(existsSync(source), block.source).toBe(true);
          const first = block.code.split("\n").find((l) => l.trim() !== "") ?? "";
          expect(readFileSync(source, "utf8")).toContain(first.trim());
        });
      }
    }
  }
});
