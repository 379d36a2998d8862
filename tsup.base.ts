// The one tsup configuration of the workspace; each package's tsup.config.ts only names its entries.
import type { Options } from "tsup";

/**
 * A published library (`@kpi/core`, `@kpi/catalogue`, `@kpi/contract`, `@kpi/imports`, `@kpi/client`): ESM and CJS
 * with type declarations, for ES2022, tree-shaken.
 *
 * @param entry - the entry points, e.g. `["src/index.ts"]`
 * @returns the build options
 */
export function libraryBuild(entry: NonNullable<Options["entry"]>): Options {
  return {
    entry,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    treeshake: true,
  };
}

/**
 * A Node.js program (the API server, the `kpi` command): ESM for Node 20, dependencies left external.
 *
 * @param entry - the entry points
 * @param options - anything the program adds (a shebang banner, `clean: false` beside a library build)
 * @returns the build options
 */
export function nodeProgramBuild(entry: NonNullable<Options["entry"]>, options: Options = {}): Options {
  return { entry, format: ["esm"], sourcemap: true, clean: true, target: "node20", ...options };
}
