import { spawn } from "node:child_process";
import ts from "typescript";

/** How an example ran. */
export interface ExampleRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The JavaScript a `js` or `ts` example runs as: `ts` examples have their types removed (they are
 * type-checked by `typeErrors` separately).
 *
 * @param lang - the block's language
 * @param code - the block's text
 * @returns an ES module's source
 * @example
 * moduleSource("ts", "const n: number = 1;\nconsole.log(n);").includes(": number"); // false
 */
export function moduleSource(lang: "js" | "ts", code: string): string {
  if (lang === "js") return code;
  return ts.transpileModule(code, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
    },
  }).outputText;
}

/**
 * Runs a documented example to completion: `js` and `ts` blocks as ES modules with this Node.js
 * (bare imports resolve from `cwd`), `sh` blocks with `bash -eo pipefail`.
 *
 * @param example - the block's language and text
 * @param options - working directory, environment (replaces the process's) and a time limit
 * @returns exit status and output
 * @example
 * const run = await runExample({ lang: "sh", code: "echo hi" }, { cwd: "/tmp", env: { PATH: process.env.PATH ?? "" } });
 * run.stdout; // "hi\n"
 */
export function runExample(
  example: { readonly lang: "js" | "ts" | "sh"; readonly code: string },
  options: { readonly cwd: string; readonly env: Record<string, string>; readonly timeoutMs?: number },
): Promise<ExampleRun> {
  const [command, args] =
    example.lang === "sh"
      ? ["bash", ["-eo", "pipefail", "-c", example.code]]
      : [process.execPath, ["--input-type=module", "--eval", moduleSource(example.lang, example.code)]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Type-checks a `ts` example as a module in `directory` (so its imports resolve as a script there
 * would), with the workspace's strict settings.
 *
 * @param code - the block's text
 * @param directory - where the example's imports are resolved from
 * @returns the compiler's messages; empty when the example type-checks
 * @example
 * typeErrors("const n: number = 'x';", process.cwd()).length; // 1
 */
export function typeErrors(code: string, directory: string): string[] {
  const fileName = `${directory.replace(/\/$/, "")}/docs-example.ts`;
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts"],
    types: ["node"],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    moduleDetection: ts.ModuleDetectionKind.Force,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === fileName ? code : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) =>
    name === fileName
      ? ts.createSourceFile(name, code, language, true, ts.ScriptKind.TS)
      : getSourceFile(name, language, onError, create);
  const program = ts.createProgram([fileName], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))
    .map((m) => m.replaceAll(directory, "."));
}
