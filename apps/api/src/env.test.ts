import { describe, expect, it } from "vitest";
import { readConfig } from "./env.js";

describe("readConfig", () => {
  it("applies the documented defaults", () => {
    const r = readConfig({}, "/srv/kpi");
    expect(r).toEqual({
      ok: true,
      config: {
        port: 4000,
        host: "127.0.0.1",
        dataDir: "/srv/kpi/.data",
        maxBodyBytes: 100 * 1024 * 1024,
        logLevel: "info",
        rateLimitPerMinute: 600,
        sessionTtlMinutes: 480,
        tokenCacheSeconds: 1,
        reportWarmupMs: 1000,
        requestTimeoutMs: 600_000,
        bodyIdleMs: 30_000,
        dbPoolSize: 10,
        dbAcquireTimeoutMs: 5_000,
        dbStatementTimeoutMs: 300_000,
        dbIdleInTransactionMs: 60_000,
        maxBatchesPerOrganisation: 2,
        trustedProxies: [],
      },
    });
  });

  it("reads every variable", () => {
    const r = readConfig(
      {
        PORT: "8080",
        HOST: "0.0.0.0",
        DATABASE_URL: "postgres://kpi@db/kpi",
        KPI_DATA_DIR: "/var/lib/kpi",
        KPI_ADMIN_TOKEN: "a-long-admin-token-value",
        KPI_MAX_BODY_MB: "5",
        KPI_PSEUDONYM_KEY: "a-long-pseudonym-key",
        LOG_LEVEL: "warn",
        KPI_RATE_LIMIT_PER_MINUTE: "60",
        KPI_TOKEN_CACHE_SECONDS: "0",
        KPI_REPORT_WARMUP_MS: "0",
        KPI_REQUEST_TIMEOUT_SECONDS: "120",
        KPI_BODY_IDLE_SECONDS: "10",
        KPI_DB_POOL_SIZE: "20",
        KPI_DB_ACQUIRE_TIMEOUT_SECONDS: "3",
        KPI_DB_STATEMENT_TIMEOUT_SECONDS: "60",
        KPI_DB_IDLE_IN_TRANSACTION_SECONDS: "30",
        KPI_MAX_BATCHES_PER_ORGANISATION: "4",
        KPI_TRUSTED_PROXIES: " 10.0.0.5, 10.1.0.0/16 ,::1",
      },
      "/srv/kpi",
    );
    expect(r).toEqual({
      ok: true,
      config: expect.objectContaining({
        port: 8080,
        host: "0.0.0.0",
        databaseUrl: "postgres://kpi@db/kpi",
        dataDir: "/var/lib/kpi",
        adminToken: "a-long-admin-token-value",
        maxBodyBytes: 5 * 1024 * 1024,
        pseudonymKey: "a-long-pseudonym-key",
        logLevel: "warn",
        rateLimitPerMinute: 60,
        tokenCacheSeconds: 0,
        reportWarmupMs: 0,
        requestTimeoutMs: 120_000,
        bodyIdleMs: 10_000,
        dbPoolSize: 20,
        dbAcquireTimeoutMs: 3_000,
        dbStatementTimeoutMs: 60_000,
        dbIdleInTransactionMs: 30_000,
        maxBatchesPerOrganisation: 4,
        trustedProxies: ["10.0.0.5", "10.1.0.0/16", "::1"],
      }),
    });
  });

  it("explains a bad value in one line naming the variable", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: "http" }, /^Invalid configuration: PORT must be a whole number$/],
      [{ PORT: "70000" }, /PORT must be at most 65535/],
      [{ KPI_MAX_BODY_MB: "0" }, /KPI_MAX_BODY_MB must be at least 1/],
      [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must start with postgres/],
      [{ KPI_ADMIN_TOKEN: "short" }, /KPI_ADMIN_TOKEN must be at least 16 characters/],
      [{ LOG_LEVEL: "loud" }, /LOG_LEVEL/],
      [{ KPI_TOKEN_CACHE_SECONDS: "5" }, /KPI_TOKEN_CACHE_SECONDS must be 0 or 1/],
      [{ KPI_TRUSTED_PROXIES: "10.0.0.5,portal.internal" }, /KPI_TRUSTED_PROXIES must be addresses or CIDR/],
      [{ KPI_TRUSTED_PROXIES: "10.0.0.0/33" }, /KPI_TRUSTED_PROXIES/],
      [{ KPI_DB_POOL_SIZE: "1" }, /KPI_DB_POOL_SIZE must be at least 2/],
      [{ KPI_MAX_BATCHES_PER_ORGANISATION: "0" }, /KPI_MAX_BATCHES_PER_ORGANISATION must be at least 1/],
      [
        { KPI_BODY_IDLE_SECONDS: "90", KPI_DB_IDLE_IN_TRANSACTION_SECONDS: "60" },
        /KPI_DB_IDLE_IN_TRANSACTION_SECONDS must be longer than KPI_BODY_IDLE_SECONDS/,
      ],
      [{ DATABASE_URL: "postgres://db/kpi" }, /KPI_PSEUDONYM_KEY is required with DATABASE_URL/],
    ];
    for (const [env, message] of cases) {
      const r = readConfig(env, "/srv/kpi");
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toMatch(message);
        expect(r.message).not.toContain("\n");
      }
    }
  });

  it("treats empty variables as unset", () => {
    const r = readConfig({ PORT: "", DATABASE_URL: "", KPI_ADMIN_TOKEN: "" }, "/srv/kpi");
    expect(r.ok && r.config.port).toBe(4000);
    expect(r.ok && r.config.databaseUrl).toBeUndefined();
  });
});
