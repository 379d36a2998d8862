// Decision records name files, directories and packages; when the code moves on, a record that still
// names what is gone misleads whoever reads it. Each record must name only what exists, or say that a
// file is gone ("the former `path`").
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decisionReferenceProblems, repositoryTree } from "./decision-references.js";
import { repositoryRoot } from "./runners.js";

const packageNames = ["packages", "apps", "tooling"].flatMap((dir) =>
  readdirSync(join(repositoryRoot, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      try {
        const pkg = JSON.parse(readFileSync(join(repositoryRoot, dir, e.name, "package.json"), "utf8"));
        return [String(pkg.name)];
      } catch {
        return [];
      }
    }),
);
const tree = repositoryTree(repositoryRoot, packageNames);
const decisions = readdirSync(join(repositoryRoot, "docs/decisions")).filter((f) => f.endsWith(".md"));

describe("decision records", () => {
  it("finds the records and the tree", () => {
    expect(decisions.length).toBeGreaterThan(40);
    expect(tree.packages.has("@kpi/core")).toBe(true);
  });

  it.each(decisions)("%s names only files, directories and packages that exist", (file) => {
    const text = readFileSync(join(repositoryRoot, "docs/decisions", file), "utf8");
    expect(decisionReferenceProblems(text, tree)).toEqual([]);
  });

  it("finds a file that is gone, a package that does not exist, and accepts a file called former", () => {
    const text = [
      "The route reads `services/reporting.ts` and `apps/api/src/routes/`.",
      "The portal kept copies in apps/web/src/lib/api-schemas.ts.",
      "`@kpi/wire` held them; `wire.ts` was replaced: the former `src/wire.ts` is gone, and `wire.ts` with it.",
    ].join("\n");
    expect(decisionReferenceProblems(text, tree)).toEqual([
      { reference: "apps/web/src/lib/api-schemas.ts", why: "no such file or directory" },
      { reference: "@kpi/wire", why: "no such workspace package" },
    ]);
  });
});
