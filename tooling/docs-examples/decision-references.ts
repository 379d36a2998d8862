import { readdirSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";

/** What a decision record refers to that the repository does not have. */
export interface ReferenceProblem {
  /** The reference as written. */
  readonly reference: string;
  /** Why it is a problem. */
  readonly why: string;
}

/** The repository's files and directories, as `decisionReferenceProblems` reads them. */
export interface RepositoryTree {
  /** Paths from the root, files and directories (directories end in `/`). */
  readonly paths: readonly string[];
  /** Names of the workspace packages (`@kpi/core`, …). */
  readonly packages: ReadonlySet<string>;
}

const SKIP = new Set(["node_modules", ".git", ".tools", ".turbo", ".next", "dist", ".data", "coverage"]);
const EXTENSIONS = "ts|tsx|mjs|cjs|js|json|md|sh|sql|yaml|yml|css";
/** Unquoted: a path with a `/` and a known extension. Backticked: a path with a `/`, or a file name. */
const PATH_RE = new RegExp(
  `(?<![\\w/.@~\`-])((?:[\\w@.-]+/)+[\\w-]+(?:\\.[\\w-]+)*\\.(?:${EXTENSIONS}))(?![\\w/])|\`([\\w@.~-]*/[^\`\\s]*|[\\w.-]+\\.(?:${EXTENSIONS}))\``,
  "g",
);
const FORMER_RE = /\bformer\s+`([^`]+)`/g;
const PACKAGE_RE = /@kpi\/[a-z][a-z0-9-]*/g;

/**
 * Every file and directory of a repository (outside dependencies and build output), and the names of
 * its workspace packages (`@kpi/*` directories under `packages/`, `apps/` and `tooling/`).
 *
 * @param root - the repository root
 * @param packageNames - the workspace packages' names
 * @returns the tree
 */
export function repositoryTree(root: string, packageNames: Iterable<string>): RepositoryTree {
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (SKIP.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        paths.push(`${relative(root, path)}/`);
        walk(path);
      } else paths.push(relative(root, path));
    }
  };
  walk(root);
  return { paths, packages: new Set(packageNames) };
}

function isPlaceholder(reference: string): boolean {
  // `./x.js`, `~/.config/…`, absolute paths and URLs, build output, installed or generated
  // directories, elisions, bare extensions (`.d.ts`) and one-letter examples.
  return (
    /^(\.\/|~\/|\/)/.test(reference) ||
    SKIP.has(reference.split("/")[0] ?? "") ||
    /^\.[^/]*$/.test(reference) ||
    // dates (`DD/MM/YYYY`, `2019/20`) and environment variables (`KPI_DATA_DIR/…`) are no paths
    !/[a-z]/.test(reference.split("/")[0] ?? "") ||
    /(^|\/)dist\//.test(reference) ||
    /[…*<>]/.test(reference) ||
    /^[a-z]\.[a-z]+$/.test(basename(reference))
  );
}

/**
 * The references of a decision record that the repository does not have: file paths (with a `/`, or a
 * backticked file name) that match no file or directory, however much of their start they leave out
 * (`services/roles.ts` is `apps/api/src/services/roles.ts`), and `@kpi/*` package names that are no
 * workspace package. A file the record itself calls gone, written "the former `path`", may be named
 * again in that record.
 *
 * @param text - the record's Markdown
 * @param tree - the repository
 * @returns the problems, in the order the references appear
 */
export function decisionReferenceProblems(text: string, tree: RepositoryTree): ReferenceProblem[] {
  const gone = new Set<string>();
  for (const m of text.matchAll(FORMER_RE)) {
    const path = m[1] ?? "";
    gone.add(path);
    gone.add(basename(path));
  }
  const problems: ReferenceProblem[] = [];
  const exists = (reference: string) => {
    const wanted = reference.replace(/^\.\//, "");
    return tree.paths.some(
      (p) =>
        p === wanted ||
        p === `${wanted}/` ||
        p.endsWith(`/${wanted}`) ||
        p.endsWith(`/${wanted}/`) ||
        (!wanted.includes("/") && basename(p) === wanted),
    );
  };
  for (const m of text.matchAll(PATH_RE)) {
    const reference = m[1] ?? m[2] ?? "";
    if (reference === "" || !/[\w]/.test(reference) || isPlaceholder(reference)) continue;
    if (reference.startsWith("@kpi/")) continue;
    if (/^https?:/.test(reference) || /^[\w-]+\.[a-z]{2,}\//.test(reference)) continue;
    if (gone.has(reference) || gone.has(basename(reference))) continue;
    if (!exists(reference)) problems.push({ reference, why: "no such file or directory" });
  }
  for (const m of text.matchAll(PACKAGE_RE))
    if (!tree.packages.has(m[0])) problems.push({ reference: m[0], why: "no such workspace package" });
  return problems;
}
