import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Issue 16: the portal reads through @kpi/client with the contract's route table, so no file of the
// portal (tests aside) may write an API path of its own; a `/v1/` anywhere in its source is one.
const srcDir = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the portal's source", () => {
  it("writes no API path of its own", () => {
    const files = sourceFiles(srcDir);
    // The data module and the pages are read (so an empty walk cannot pass).
    expect(files.map((f) => relative(srcDir, f))).toEqual(
      expect.arrayContaining([join("lib", "api.ts"), join("app", "page.tsx")]),
    );
    const offending = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${relative(srcDir, file)}:${i + 1}` }))
        .filter(({ line }) => line.includes("/v1/"))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
