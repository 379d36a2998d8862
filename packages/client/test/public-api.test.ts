import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every public export of the entry point has JSDoc; every exported function also has an @example; the
// built package loads as ESM and as CJS with the same exports.
const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, "..", "src", "index.ts");

function publicDeclarations(): { name: string; file: string; node: ts.Node }[] {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error("entry not found");
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error("entry has no module symbol");
  return checker.getExportsOfModule(moduleSymbol).flatMap((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const decl = target.declarations?.[0];
    return decl ? [{ name: symbol.getName(), file: decl.getSourceFile().fileName, node: decl }] : [];
  });
}

function jsDocOf(node: ts.Node): string {
  const holder = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  const text = holder.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? [];
  return ranges
    .map((r) => text.slice(r.pos, r.end))
    .filter((c) => c.startsWith("/**"))
    .join("\n");
}

describe("public API", () => {
  const decls = publicDeclarations();

  it("documents every public export", () => {
    expect(decls.length).toBeGreaterThan(20);
    expect(decls.filter((d) => jsDocOf(d.node).trim() === "").map((d) => d.name)).toEqual([]);
  });

  it("gives every exported function an @example", () => {
    const missing = decls
      .filter((d) => ts.isFunctionDeclaration(d.node))
      .filter((d) => !jsDocOf(d.node).includes("@example"))
      .map((d) => d.name);
    expect(missing).toEqual([]);
  });

  it("takes every API wire shape from @kpi/contract instead of declaring its own", () => {
    const src = join(here, "..", "src");
    const files = (ts.sys.readDirectory(src, [".ts"]) as string[]).filter((f) => !f.endsWith(".test.ts"));
    // Only the CLI's own configuration file is validated with a zod schema declared here.
    const zodValueImports = files
      .filter((f) => /^import (?!type )[^;]*from "zod";/m.test(ts.sys.readFile(f) ?? ""))
      .map((f) => f.slice(src.length + 1));
    expect(zodValueImports).toEqual(["cli/config.ts"]);
    expect(decls.some((d) => d.file.endsWith("/src/wire.ts"))).toBe(false);
  });

  it("loads the built package as ESM and as CJS with the same exports", async () => {
    const dist = join(here, "..", "dist");
    const esm = await import(join(dist, "index.js"));
    const cjs = createRequire(import.meta.url)(join(dist, "index.cjs"));
    expect(typeof esm.createClient).toBe("function");
    expect(typeof cjs.createClient).toBe("function");
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(new esm.KpiClientError("timeout", "x")).toBeInstanceOf(Error);
  });
});
