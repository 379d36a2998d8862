import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commandProblems } from "./command-checks.js";

const root = mkdtempSync(join(tmpdir(), "docs-commands-"));
writeFileSync(
  join(root, "package.json"),
  JSON.stringify({
    scripts: { start: "node scripts/run.mjs start", bench: "node bench/run.mjs", lint: "biome check ." },
  }),
);
mkdirSync(join(root, "scripts"));
mkdirSync(join(root, "bench"));
writeFileSync(join(root, "scripts", "run.mjs"), "// start\n");
writeFileSync(join(root, "bench", "run.mjs"), 'const quick = args.includes("--quick");\n');
mkdirSync(join(root, "packages", "core"), { recursive: true });
mkdirSync(join(root, "apps", "api"), { recursive: true });
writeFileSync(
  join(root, "packages", "core", "package.json"),
  JSON.stringify({ name: "@x/core", publishConfig: { access: "public" } }),
);
writeFileSync(join(root, "apps", "api", "package.json"), JSON.stringify({ name: "@x/api", private: true }));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("commandProblems", () => {
  it("accepts scripts, files, known options and published packages", () => {
    const block = [
      "# comment",
      "npm start   # runs it",
      "pnpm bench --quick",
      "pnpm lint",
      "node bench/run.mjs --quick",
      "npm install @x/core",
    ].join("\n");
    expect(commandProblems(block, root)).toEqual([]);
  });

  it("names missing scripts, files, options and unpublished packages", () => {
    const block = [
      "pnpm soak",
      "pnpm bench --fast",
      "node bench/gone.mjs",
      "npm install @x/api",
      "pnpm lint --fix",
      "make all",
    ].join("\n");
    expect(commandProblems(block, root)).toEqual([
      "pnpm soak: no root script 'soak'",
      "pnpm bench --fast: bench/run.mjs does not know --fast",
      "node bench/gone.mjs: no file 'bench/gone.mjs'",
      "npm install @x/api: '@x/api' is not a published workspace package",
      "pnpm lint --fix: cannot check options of 'biome check .'",
      "make all: don't know how to check 'make' commands; make the block runnable",
    ]);
  });
});
