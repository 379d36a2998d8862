import "server-only";
import { z } from "zod";

const envSchema = z.object({
  KPI_API_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().default("http://127.0.0.1:4000")),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid configuration: KPI_API_URL ${parsed.error.issues[0]?.message ?? "is invalid"}`);
}

/**
 * The portal's configuration, read once from the environment on the server: `KPI_API_URL` (default
 * `http://127.0.0.1:4000`), the API every page reads through. Never sent to the browser.
 *
 * @example
 * ```ts
 * const kpi = createClient({ baseUrl: webConfig.apiUrl, token: session.token });
 * ```
 */
export const webConfig = { apiUrl: parsed.data.KPI_API_URL.replace(/\/+$/, "") } as const;
