import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

/**
 * Shared checks for a published package's public API, used by each package's tests:
 * every export of the entry point has JSDoc, every exported function an `@example`, and every
 * `@example` block runs against the BUILT package with each `expression; // expected` line checked.
 */

function publicDeclarations(entry: string): { name: string; file: string; node: ts.Node }[] {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`entry not found: ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error("entry has no module symbol");
  return checker.getExportsOfModule(moduleSymbol).flatMap((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const decl = target.declarations?.[0];
    return decl ? [{ name: symbol.getName(), file: decl.getSourceFile().fileName, node: decl }] : [];
  });
}

function jsDocOf(node: ts.Node): string {
  // Variable declarations carry their JSDoc on the statement.
  const holder = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  const text = holder.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? [];
  return ranges
    .map((r) => text.slice(r.pos, r.end))
    .filter((c) => c.startsWith("/**"))
    .join("\n");
}

/**
 * Registers the JSDoc-coverage tests for a package.
 *
 * @param pkgRoot - the package directory (holding `src/index.ts`)
 */
export function jsDocCoverageTests(pkgRoot: string): void {
  const decls = publicDeclarations(join(pkgRoot, "src", "index.ts"));
  const where = (d: { name: string; file: string }) => `${d.name} (${relative(pkgRoot, d.file)})`;

  it("has public exports", () => {
    expect(decls.length).toBeGreaterThan(5);
  });

  it("documents every public export", () => {
    expect(decls.filter((d) => jsDocOf(d.node).trim() === "").map(where)).toEqual([]);
  });

  it("gives every exported function an @example", () => {
    const missing = decls
      .filter((d) => ts.isFunctionDeclaration(d.node))
      .filter((d) => !jsDocOf(d.node).includes("@example"))
      .map(where);
    expect(missing).toEqual([]);
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.includes("fixture") ? [p] : [];
  });
}

function examplesOf(file: string): string[] {
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
      if (!m || /^\s*(const|let|var|type|interface|function|class|return|await)\b/.test(m[2] ?? ""))
        return line;
      return `${m[1]}__check(() => (${m[2]}), ${JSON.stringify(m[3])}, ${i + 1});`;
    });
  return ts.transpileModule(lines.join("\n"), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
  }).outputText;
}

/**
 * Registers one test per source file with `@example` blocks: each block runs against the built
 * package (`dist/index.js`), and each `expression; // expected` line is checked. Blocks that use
 * `await` or names the package does not export (an app, a test fixture) are skipped by `skip`.
 *
 * @param pkgRoot - the package directory
 * @param skip - file paths (relative to `src/`) whose examples are illustrations, not runnable
 */
export async function runnableExampleTests(pkgRoot: string, skip: readonly string[] = []): Promise<void> {
  const srcDir = join(pkgRoot, "src");
  const api = await import(pathToFileURL(join(pkgRoot, "dist", "index.js")).href);
  const names = Object.keys(api);
  for (const file of sourceFiles(srcDir)) {
    const rel = relative(srcDir, file);
    const blocks = examplesOf(file);
    if (blocks.length === 0 || skip.includes(rel)) continue;
    it(rel, () => {
      for (const block of blocks) {
        const checks: { line: number; actual: unknown; expected: unknown }[] = [];
        const __check = (fn: () => unknown, comment: string, line: number) => {
          const actual = fn();
          const expected = literal(comment);
          if (expected.ok) checks.push({ line, actual, expected: expected.value });
        };
        new Function("__check", ...names, toScript(block))(__check, ...names.map((n) => api[n]));
        for (const c of checks) {
          const label = `${rel} example line ${c.line}`;
          if (typeof c.expected === "number" && typeof c.actual === "number") {
            expect(c.actual, label).toBeCloseTo(c.expected, 6);
          } else {
            expect(c.actual, label).toEqual(c.expected);
          }
        }
      }
    });
  }
}
