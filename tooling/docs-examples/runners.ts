import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repositoryRoot: string = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Which test runs the runnable blocks of each document (paths from the repository root):
 * - `libraries`: `packages/catalogue/test/docs.test.ts`, from the catalogue package, so `@kpi/core` and
 *   `@kpi/catalogue` resolve to the built workspace packages; no API.
 * - `api`: `packages/client/test/docs.test.ts`, in a scratch directory against a real API on the
 *   embedded store, with `KPI_API_URL`, `KPI_TOKEN` (an `ingest` token of a fresh organisation per
 *   document) and `KPI_ADMIN_TOKEN` set, `kpi` on `PATH`, `@kpi/client` and `@kpi/contract` importable,
 *   and the sample files `exampleFiles` lists.
 *
 * The coverage test (`docs-coverage.test.ts`) fails when a document with runnable blocks is in no list.
 */
export const exampleRunners = {
  libraries: ["docs/core-library.md", "docs/methods/periods-and-working-days.md"],
  api: [
    "docs/api.md",
    "docs/ingestion.md",
    "docs/cli.md",
    "packages/client/README.md",
    "packages/contract/README.md",
  ],
} as const satisfies Record<string, readonly string[]>;

/** A test that runs documents' examples. */
export type ExampleRunner = keyof typeof exampleRunners;

const SKIP = new Set(["node_modules", ".git", ".tools", ".turbo", ".next", "dist", ".data", "coverage"]);

/**
 * Every Markdown file of the repository (paths from the root), outside dependencies and build output.
 *
 * @param root - the repository root
 * @returns the paths, sorted
 * @example
 * markdownFiles(repositoryRoot).includes("README.md"); // true
 */
export function markdownFiles(root: string = repositoryRoot): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (SKIP.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".md")) found.push(relative(root, path));
    }
  };
  if (existsSync(root)) walk(root);
  return found.sort();
}
