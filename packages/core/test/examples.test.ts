import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Runs every ```ts block of every @example in the package's sources against the BUILT package, and
// checks each `expression; // expected` line: the expected literal is compared with the result.
const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

function examples(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const blocks: string[] = [];
  for (const doc of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    if (!doc.includes("@example")) continue;
    const body = doc.slice(doc.indexOf("@example")).replace(/^\s*\* ?/gm, "");
    for (const m of body.matchAll(/```ts\n([\s\S]*?)```/g)) if (m[1]) blocks.push(m[1]);
  }
  return blocks;
}

function literal(comment: string): { ok: true; value: unknown } | { ok: false } {
  const candidates = [comment, comment.replace(/\s+\(.*\)\s*$/, ""), comment.replace(/\s+—.*$/, "")];
  for (const c of candidates) {
    try {
      return { ok: true, value: new Function(`return (${c});`)() };
    } catch {
      // try the next, shorter reading of the comment
    }
  }
  return { ok: false };
}

function toScript(block: string): string {
  const lines = block
    .split("\n")
    .filter((l) => !/^\s*import\s/.test(l))
    .map((line, i) => {
      const m = /^(\s*)([^/].*?);\s*\/\/\s*(.+)$/.exec(line);
      if (!m || /^\s*(const|let|var|type|interface|function|class|return)\b/.test(m[2] ?? "")) return line;
      return `${m[1]}__check(() => (${m[2]}), ${JSON.stringify(m[3])}, ${i + 1});`;
    });
  const js = ts.transpileModule(lines.join("\n"), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
  }).outputText;
  return js;
}

const files = sourceFiles(srcDir);

describe("JSDoc examples run and print what they say", async () => {
  const api = await import(pathToFileURL(join(here, "..", "dist", "index.js")).href);
  for (const file of files) {
    const blocks = examples(file);
    if (blocks.length === 0) continue;
    it(relative(srcDir, file), () => {
      for (const block of blocks) {
        const checks: { line: number; actual: unknown; expected: unknown }[] = [];
        const __check = (fn: () => unknown, comment: string, line: number) => {
          const actual = fn();
          const expected = literal(comment);
          if (expected.ok) checks.push({ line, actual, expected: expected.value });
        };
        const names = Object.keys(api);
        new Function("__check", ...names, toScript(block))(__check, ...names.map((n) => api[n]));
        for (const c of checks) {
          if (typeof c.expected === "number" && typeof c.actual === "number") {
            expect(c.actual, `${relative(srcDir, file)} example line ${c.line}`).toBeCloseTo(c.expected, 6);
          } else {
            expect(c.actual, `${relative(srcDir, file)} example line ${c.line}`).toEqual(c.expected);
          }
        }
      }
    });
  }
});
