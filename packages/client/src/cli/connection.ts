import { createClient, type KpiClient } from "../client/create-client.js";
import type { CliIo } from "./cli-io.js";
import type { CliConfig } from "./config.js";

/** Outcome of {@link connect}. */
export type ConnectResult = { ok: true; client: KpiClient } | { ok: false; error: string };

/**
 * A client from the CLI's settings, or a message saying which setting is missing.
 *
 * @param config - the resolved settings
 * @param io - the CLI's surroundings (its fetch, if any)
 * @returns the client, or what to set
 * @example
 * ```ts
 * const c = connect({ url: "http://127.0.0.1:4000", token: "t", file: null }, io);
 * ```
 */
export function connect(config: CliConfig, io: CliIo): ConnectResult {
  if (config.url === null)
    return { ok: false, error: 'no API URL: pass --url, set KPI_API_URL, or put "url" in kpi.config.json' };
  if (config.token === null)
    return { ok: false, error: 'no token: pass --token, set KPI_TOKEN, or put "token" in kpi.config.json' };
  try {
    return {
      ok: true,
      client: createClient({
        baseUrl: config.url,
        token: config.token,
        ...(io.fetch ? { fetch: io.fetch } : {}),
      }),
    };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
