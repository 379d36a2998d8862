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
        tokenCacheSeconds: 5,
        reportWarmupMs: 1000,
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
      [{ KPI_TOKEN_CACHE_SECONDS: "120" }, /KPI_TOKEN_CACHE_SECONDS must be at most 60/],
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
