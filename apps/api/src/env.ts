import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** The API's configuration: everything it reads from its environment, validated once at start. */
export const apiConfigSchema = z
  .object({
    /** TCP port to listen on. */
    port: z.number().int().min(0).max(65535),
    /** Interface to listen on. */
    host: z.string().min(1),
    /** `postgres://…` to use a PostgreSQL server; absent for the embedded store. */
    databaseUrl: z.string().min(1).optional(),
    /** Directory of the embedded store and the generated pseudonym key. */
    dataDir: z.string().min(1),
    /** Bearer token acting as admin of the default organisation; absent to disable. */
    adminToken: z.string().min(16).optional(),
    /** Largest accepted request body, in bytes. */
    maxBodyBytes: z.number().int().positive(),
    /** Secret for child and worker pseudonyms; absent to generate one in `dataDir`. */
    pseudonymKey: z.string().min(16).optional(),
    /** pino log level. */
    logLevel: z.enum(logLevels),
    /** Requests per minute allowed per token (or per address without one). */
    rateLimitPerMinute: z.number().int().positive(),
    /** How long a portal session lasts, in minutes. */
    sessionTtlMinutes: z.number().int().positive(),
    /**
     * How long a token look-up is trusted without the database, in seconds (default 1, at most 1: the
     * bound on revocation reaching every instance when a notification is missed; 0 disables;
     * decision 145).
     */
    tokenCacheSeconds: z.number().int().min(0).max(1).default(1),
    /**
     * Quiet time after an organisation's last batch before its latest report is built in the
     * background, in milliseconds (default 1,000; 0 disables; decision 118).
     */
    reportWarmupMs: z.number().int().min(0).max(600_000).optional(),
    /** Longest time to receive a whole request, headers and body, in ms (Node's `requestTimeout`). */
    requestTimeoutMs: z.number().int().positive().default(600_000),
    /** Longest pause between two pieces of an upload's body, in ms; then `408 request_timeout`. */
    bodyIdleMs: z.number().int().positive().default(30_000),
    /** PostgreSQL connections per instance. */
    dbPoolSize: z.number().int().min(2).max(1000).default(10),
    /** Longest wait for a free PostgreSQL connection, in ms; then `503 unavailable` with `Retry-After`. */
    dbAcquireTimeoutMs: z.number().int().positive().default(5_000),
    /** PostgreSQL `statement_timeout`, in ms. */
    dbStatementTimeoutMs: z.number().int().positive().default(300_000),
    /** PostgreSQL `idle_in_transaction_session_timeout`, in ms (a backstop behind `bodyIdleMs`). */
    dbIdleInTransactionMs: z.number().int().positive().default(60_000),
    /** Record batches one organisation may have in progress at once on one instance; then `429`. */
    maxBatchesPerOrganisation: z.number().int().positive().default(2),
    /**
     * Addresses or CIDR ranges of proxies (the portal, a load balancer) whose `X-Forwarded-For` is
     * believed for the client's address; none by default.
     */
    trustedProxies: z.array(z.string().min(1)).default([]),
  })
  .strict();
/** The API's configuration as passed to `buildApp` (settings with defaults may be left out). */
export type ApiConfig = z.input<typeof apiConfigSchema>;
/** The configuration with every default applied: what the app reads as `app.config`. */
export type ResolvedConfig = z.infer<typeof apiConfigSchema>;

/**
 * Whether a `KPI_TRUSTED_PROXIES` entry is an address or a CIDR range (IPv4 or IPv6).
 *
 * @param entry - one comma-separated entry, trimmed
 * @returns true for `10.0.0.5`, `10.0.0.0/8`, `::1`, `fd00::/8`
 * @example
 * ```ts
 * isProxyAddress("10.0.0.0/8"); // true
 * isProxyAddress("portal.internal"); // false
 * ```
 */
export function isProxyAddress(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  if (rest.length > 0) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const intFromEnv = (fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+$/, "must be a whole number")
      .transform(Number)
      .optional()
      .transform((v) => v ?? fallback),
  );

const envSchema = z.object({
  PORT: intFromEnv(4000).pipe(z.number().max(65535, "must be at most 65535")),
  HOST: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1")),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  KPI_DATA_DIR: optionalString,
  KPI_ADMIN_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().min(16, "must be at least 16 characters").optional(),
  ),
  KPI_MAX_BODY_MB: intFromEnv(100).pipe(z.number().min(1, "must be at least 1")),
  KPI_PSEUDONYM_KEY: z.preprocess(
    emptyToUndefined,
    z.string().min(16, "must be at least 16 characters").optional(),
  ),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(logLevels).default("info")),
  KPI_RATE_LIMIT_PER_MINUTE: intFromEnv(600).pipe(z.number().min(1, "must be at least 1")),
  KPI_SESSION_TTL_MINUTES: intFromEnv(480).pipe(z.number().min(1, "must be at least 1")),
  KPI_TOKEN_CACHE_SECONDS: intFromEnv(1).pipe(z.number().max(1, "must be 0 or 1 (decision 145)")),
  KPI_REPORT_WARMUP_MS: intFromEnv(1000).pipe(z.number().max(600_000, "must be at most 600000")),
  KPI_REQUEST_TIMEOUT_SECONDS: intFromEnv(600).pipe(z.number().min(1, "must be at least 1")),
  KPI_BODY_IDLE_SECONDS: intFromEnv(30).pipe(z.number().min(1, "must be at least 1")),
  KPI_DB_POOL_SIZE: intFromEnv(10).pipe(
    z.number().min(2, "must be at least 2").max(1000, "must be at most 1000"),
  ),
  KPI_DB_ACQUIRE_TIMEOUT_SECONDS: intFromEnv(5).pipe(z.number().min(1, "must be at least 1")),
  KPI_DB_STATEMENT_TIMEOUT_SECONDS: intFromEnv(300).pipe(z.number().min(1, "must be at least 1")),
  KPI_DB_IDLE_IN_TRANSACTION_SECONDS: intFromEnv(60).pipe(z.number().min(1, "must be at least 1")),
  KPI_MAX_BATCHES_PER_ORGANISATION: intFromEnv(2).pipe(z.number().min(1, "must be at least 1")),
  KPI_TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(",")
          .map((e) => e.trim())
          .filter((e) => e !== ""),
      )
      .refine((list) => list.every(isProxyAddress), "must be addresses or CIDR ranges, separated by commas"),
  ),
});

/** The outcome of reading the environment: a config, or one line saying what is wrong. */
export type ConfigResult = { ok: true; config: ResolvedConfig } | { ok: false; message: string };

/**
 * Finds the repository root (the directory holding `pnpm-workspace.yaml`) above `start`, or `start`
 * itself when there is none.
 *
 * @param start - a directory to search upwards from
 * @returns the repository root
 * @example
 * ```ts
 * findRepositoryRoot(process.cwd()); // "/srv/kpi"
 * ```
 */
export function findRepositoryRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}

/**
 * Reads and validates the API's configuration from environment variables, once, at start-up.
 *
 * @param env - the environment (normally `process.env`)
 * @param repositoryRoot - where `.data/` lives by default; found from this file when omitted
 * @returns the config, or a one-line message naming the bad variable
 * @example
 * ```ts
 * const r = readConfig({ PORT: "4100" });
 * if (r.ok) r.config.port; // 4100
 * ```
 */
export function readConfig(
  env: Record<string, string | undefined>,
  repositoryRoot: string = findRepositoryRoot(dirname(fileURLToPath(import.meta.url))),
): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    return { ok: false, message: `Invalid configuration: ${name} ${issue?.message ?? "is invalid"}` };
  }
  const e = parsed.data;
  if (e.KPI_DB_IDLE_IN_TRANSACTION_SECONDS <= e.KPI_BODY_IDLE_SECONDS) {
    return {
      ok: false,
      message:
        "Invalid configuration: KPI_DB_IDLE_IN_TRANSACTION_SECONDS must be longer than KPI_BODY_IDLE_SECONDS (the database's limit is the backstop behind the API's own)",
    };
  }
  if (e.DATABASE_URL !== undefined && e.KPI_PSEUDONYM_KEY === undefined) {
    return {
      ok: false,
      message:
        "Invalid configuration: KPI_PSEUDONYM_KEY is required with DATABASE_URL (the same key on every instance)",
    };
  }
  const config: ResolvedConfig = {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(repositoryRoot, e.KPI_DATA_DIR ?? ".data"),
    maxBodyBytes: e.KPI_MAX_BODY_MB * 1024 * 1024,
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.KPI_RATE_LIMIT_PER_MINUTE,
    sessionTtlMinutes: e.KPI_SESSION_TTL_MINUTES,
    tokenCacheSeconds: e.KPI_TOKEN_CACHE_SECONDS,
    reportWarmupMs: e.KPI_REPORT_WARMUP_MS,
    requestTimeoutMs: e.KPI_REQUEST_TIMEOUT_SECONDS * 1000,
    bodyIdleMs: e.KPI_BODY_IDLE_SECONDS * 1000,
    dbPoolSize: e.KPI_DB_POOL_SIZE,
    dbAcquireTimeoutMs: e.KPI_DB_ACQUIRE_TIMEOUT_SECONDS * 1000,
    dbStatementTimeoutMs: e.KPI_DB_STATEMENT_TIMEOUT_SECONDS * 1000,
    dbIdleInTransactionMs: e.KPI_DB_IDLE_IN_TRANSACTION_SECONDS * 1000,
    maxBatchesPerOrganisation: e.KPI_MAX_BATCHES_PER_ORGANISATION,
    trustedProxies: e.KPI_TRUSTED_PROXIES,
    ...(e.DATABASE_URL === undefined ? {} : { databaseUrl: e.DATABASE_URL }),
    ...(e.KPI_ADMIN_TOKEN === undefined ? {} : { adminToken: e.KPI_ADMIN_TOKEN }),
    ...(e.KPI_PSEUDONYM_KEY === undefined ? {} : { pseudonymKey: e.KPI_PSEUDONYM_KEY }),
  };
  return { ok: true, config };
}
