import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Runs every block marked <!-- runnable --> in docs/core-library.md as an ES module with node, from this
// package's directory (so "@kpi/core" and "@kpi/catalogue" resolve to the built workspace packages), and
// checks that its output contains every line of the ```text block that follows it.
const pkgRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const doc = join(pkgRoot, "..", "..", "docs", "core-library.md");

function runnableBlocks(markdown: string): { code: string; expected: string[]; line: number }[] {
  const re = /<!-- runnable -->\n```js\n([\s\S]*?)\n```\n(?:\n```text\n([\s\S]*?)\n```)?/g;
  return [...markdown.matchAll(re)].map((m) => ({
    code: m[1] ?? "",
    expected: (m[2] ?? "").split("\n").filter((l) => l.trim() !== ""),
    line: markdown.slice(0, m.index).split("\n").length + 1,
  }));
}

describe("docs/core-library.md", () => {
  const blocks = runnableBlocks(readFileSync(doc, "utf8"));

  it("has runnable examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  for (const block of blocks) {
    it(`runs the example at line ${block.line}`, () => {
      const r = spawnSync(process.execPath, ["--input-type=module", "--eval", block.code], {
        cwd: pkgRoot,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const lines = r.stdout.split("\n").map((l) => l.trimEnd());
      for (const line of block.expected) expect(lines).toContain(line);
    });
  }
});
