/**
 * The `kpi` executable: runs the command line with the process's streams and environment and exits
 * with its status.
 *
 * @module
 */
import { homedir } from "node:os";
import { runCli } from "./run-cli.js";

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  home: homedir(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `kpi: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
