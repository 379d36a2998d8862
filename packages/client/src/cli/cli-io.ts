/** A stream the CLI writes to. */
export interface OutputStream {
  write(text: string): unknown;
  /** True when a person is watching (progress bars are drawn only then). */
  readonly isTTY?: boolean;
}

/**
 * Everything the CLI touches outside itself, so it can run in-process in tests or as `kpi`.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), home: homedir() };
 * ```
 */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are read from. */
  readonly cwd: string;
  /** The user's home directory (for `~/.config/kpi/config.json`). */
  readonly home: string;
  /** A fetch implementation (default: the global one). */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * What a command returns: the process exit status. 0 success, 1 failure (for an import: nothing was
 * written), 2 usage error, 3 an import that wrote its records but dropped rows (partial).
 */
export type ExitCode = 0 | 1 | 2 | 3;
