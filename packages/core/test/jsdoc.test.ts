import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every public export of the package entry point has JSDoc; every exported function also has an @example.
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
  // Variable declarations carry their JSDoc on the statement.
  const holder = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  const text = holder.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? [];
  return ranges
    .map((r) => text.slice(r.pos, r.end))
    .filter((c) => c.startsWith("/**"))
    .join("\n");
}

describe("public API documentation", () => {
  const decls = publicDeclarations();

  it("has public exports", () => {
    expect(decls.length).toBeGreaterThan(5);
  });

  it("documents every public export", () => {
    const missing = decls.filter((d) => jsDocOf(d.node).trim() === "").map((d) => d.name);
    expect(missing).toEqual([]);
  });

  it("gives every exported function an @example", () => {
    const missing = decls
      .filter((d) => ts.isFunctionDeclaration(d.node))
      .filter((d) => !jsDocOf(d.node).includes("@example"))
      .map((d) => `${d.name} (${d.file.split("/src/")[1]})`);
    expect(missing).toEqual([]);
  });

  it("reads its sources from the package itself", () => {
    expect(readFileSync(entry, "utf8")).toContain("export");
  });
});
