import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

/** The CLI's configuration file (`kpi.config.json`): every key optional. */
export const cliConfigFileSchema = z.strictObject({
  /** The API's base URL. */
  url: z.string().min(1).optional(),
  /** A bearer token (prefer the `KPI_TOKEN` environment variable for secrets). */
  token: z.string().min(1).optional(),
});
/** See {@link cliConfigFileSchema}. */
export type CliConfigFile = z.infer<typeof cliConfigFileSchema>;

/** Settings given on the command line. */
export interface ConfigFlags {
  readonly url?: string | undefined;
  readonly token?: string | undefined;
  readonly config?: string | undefined;
}

/** The settings in force, with where each came from (for messages). */
export interface CliConfig {
  readonly url: string | null;
  readonly token: string | null;
  /** The configuration file read, if any. */
  readonly file: string | null;
}

/** Outcome of {@link resolveConfig}. */
export type ResolveConfigResult = { ok: true; config: CliConfig } | { ok: false; error: string };

/**
 * Work out the API URL and token: a flag wins over the environment (`KPI_API_URL`, `KPI_TOKEN`), which
 * wins over the configuration file — the one named by `--config`,
 * else `./kpi.config.json`, else `~/.config/kpi/config.json`. A named file that is missing or invalid
 * is an error; the default files are optional.
 *
 * @param flags - `--url`, `--token`, `--config`
 * @param env - the environment
 * @param cwd - the working directory
 * @param home - the home directory
 * @returns the settings, or why they cannot be read
 * @example
 * ```ts
 * resolveConfig({ url: "http://127.0.0.1:4000" }, { KPI_TOKEN: "t0k3n" }, "/work", "/home/me");
 * // { ok: true, config: { url: "http://127.0.0.1:4000", token: "t0k3n", file: null } }
 * ```
 */
export function resolveConfig(
  flags: ConfigFlags,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  home: string,
): ResolveConfigResult {
  let file: string | null = null;
  if (flags.config !== undefined) {
    file = resolve(cwd, flags.config);
    if (!existsSync(file)) return { ok: false, error: `configuration file ${flags.config} does not exist` };
  } else {
    file =
      [join(cwd, "kpi.config.json"), join(home, ".config", "kpi", "config.json")].find((f) =>
        existsSync(f),
      ) ?? null;
  }
  let fromFile: CliConfigFile = {};
  if (file !== null) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      return { ok: false, error: `configuration file ${file} is not valid JSON` };
    }
    const parsed = cliConfigFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? String(issue.path[0]) : "";
      const keys = issue?.code === "unrecognized_keys" ? issue.keys : [];
      const what = keys.includes("idKey")
        ? "idKey is no longer used (record ids are made on the server, decision 175): remove it"
        : issue?.code === "unrecognized_keys"
          ? `unknown key (allowed: url, token)`
          : (issue?.message ?? "invalid");
      return { ok: false, error: `configuration file ${file}: ${where ? `${where}: ` : ""}${what}` };
    }
    fromFile = parsed.data;
  }
  const pick = (flag: string | undefined, envName: string, fileValue: string | undefined) => {
    const fromEnv = env[envName];
    return flag ?? (fromEnv !== undefined && fromEnv !== "" ? fromEnv : undefined) ?? fileValue ?? null;
  };
  return {
    ok: true,
    config: {
      url: pick(flags.url, "KPI_API_URL", fromFile.url),
      token: pick(flags.token, "KPI_TOKEN", fromFile.token),
      file,
    },
  };
}
