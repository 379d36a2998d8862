import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Checks a `<!-- commands -->` block: commands a document lists but no test runs (they start the
 * product, run for minutes, or install from the registry). Each line's command must name something that
 * exists in the repository: `npm start|test|run S` and `pnpm S` a root script S, `node F` a file F,
 * `npm install P…` published workspace packages; each `--flag` must appear in the source of the script
 * the command runs, so a renamed or removed option fails the check. `#` starts a comment.
 */

interface PackageJson {
  readonly name?: string;
  readonly private?: boolean;
  readonly scripts?: Record<string, string>;
  readonly publishConfig?: { readonly access?: string };
}

function readJson(path: string): PackageJson {
  return JSON.parse(readFileSync(path, "utf8")) as PackageJson;
}

function workspacePackages(root: string): PackageJson[] {
  return ["packages", "apps", "tooling"].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group))
          .map((name) => join(root, group, name, "package.json"))
          .filter((path) => existsSync(path))
          .map(readJson)
      : [],
  );
}

/** The file a root script runs with node, if it is `node <file> …` (after any `&&`). */
function scriptFile(script: string): string | null {
  const m = /(?:^|&&\s*)node\s+(\S+\.m?[jt]s)\b/.exec(script);
  return m?.[1] ?? null;
}

function flagProblems(root: string, file: string, flags: readonly string[], command: string): string[] {
  const source = readFileSync(join(root, file), "utf8");
  return flags
    .filter((flag) => !source.includes(flag.replace(/^--/, "")))
    .map((flag) => `${command}: ${file} does not know ${flag}`);
}

/**
 * What is wrong with the commands of a `<!-- commands -->` block.
 *
 * @param block - the block's text
 * @param root - the repository root
 * @returns one message per command that names no script, file, option or package of the repository
 * @example
 * commandProblems("pnpm nonsense", process.cwd()); // ["pnpm nonsense: no root script 'nonsense'"]
 */
export function commandProblems(block: string, root: string): string[] {
  const scripts = readJson(join(root, "package.json")).scripts ?? {};
  const problems: string[] = [];
  for (const raw of block.split("\n")) {
    const command = raw.replace(/\s+#.*$/, "").trim();
    if (command === "" || command.startsWith("#")) continue;
    const [tool, first, ...rest] = command.split(/\s+/);
    const flags = [first, ...rest].filter((w): w is string => w?.startsWith("--") === true);
    if (
      (tool === "npm" && (first === "start" || first === "test")) ||
      tool === "pnpm" ||
      (tool === "npm" && first === "run")
    ) {
      const name = tool === "npm" && first === "run" ? rest[0] : first;
      const script = name === undefined ? undefined : scripts[name];
      if (script === undefined) {
        problems.push(`${command}: no root script '${name ?? ""}'`);
        continue;
      }
      const file = scriptFile(script);
      if (flags.length > 0) {
        if (file === null) problems.push(`${command}: cannot check options of '${script}'`);
        else problems.push(...flagProblems(root, file, flags, command));
      }
    } else if (tool === "node") {
      if (first === undefined || !existsSync(join(root, first)))
        problems.push(`${command}: no file '${first ?? ""}'`);
      else problems.push(...flagProblems(root, first, flags, command));
    } else if (tool === "npm" && (first === "install" || first === "i")) {
      const published = new Set(
        workspacePackages(root)
          .filter((p) => p.private !== true && p.publishConfig?.access === "public")
          .map((p) => p.name),
      );
      for (const name of rest.filter((w) => !w.startsWith("-"))) {
        if (!published.has(name)) problems.push(`${command}: '${name}' is not a published workspace package`);
      }
    } else {
      problems.push(`${command}: don't know how to check '${tool ?? ""}' commands; make the block runnable`);
    }
  }
  return problems;
}
