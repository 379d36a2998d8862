import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { type BuildOptions, buildApp } from "../../src/app.js";
import { queryRows } from "../../src/db/database.js";
import type { ApiConfig } from "../../src/env.js";

/** The admin token every test app accepts. */
export const adminToken = "test-admin-token-0123456789abcdef";

/** A running app for one test file: PGlite in a temp dir, or a fresh PostgreSQL database. */
export interface TestApi {
  readonly app: FastifyInstance;
  readonly config: ApiConfig;
  /** Counts rows of a table (optionally one organisation's). */
  count(table: "records" | "batches" | "idempotency" | "tokens", organisationId?: string): Promise<number>;
  /** Closes the app and removes its store. */
  close(): Promise<void>;
}

async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kpi_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Starts the API for a test file: on PGlite in a temporary directory, or, when `TEST_DATABASE_URL` is
 * set, on a new PostgreSQL database created for this file and dropped afterwards.
 *
 * @param overrides - config to change (e.g. a small body limit)
 * @param options - build options (e.g. a log stream to inspect)
 * @returns the running app and a way to close it
 */
export async function startTestApi(
  overrides: Partial<ApiConfig> = {},
  options: BuildOptions = {},
): Promise<TestApi> {
  const dataDir = mkdtempSync(join(tmpdir(), "kpi-api-test-"));
  const base = process.env.TEST_DATABASE_URL;
  const postgres = base === undefined || base === "" ? null : await createPostgresDatabase(base);
  const config: ApiConfig = {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    adminToken,
    maxBodyBytes: 1024 * 1024,
    logLevel: "silent",
    rateLimitPerMinute: 1_000_000,
    sessionTtlMinutes: 60,
    // No background report warm-up unless a test asks for it: reports are built when requested.
    reportWarmupMs: 0,
    ...(postgres === null
      ? {}
      : { databaseUrl: postgres.url, pseudonymKey: "test-pseudonym-key-0123456789" }),
    ...overrides,
  };
  const app = await buildApp(config, options);
  return {
    app,
    config,
    count: async (table, organisationId) => {
      const where = organisationId === undefined ? sql`` : sql` WHERE organisation_id = ${organisationId}`;
      const [row] = await queryRows<{ n: number }>(
        app.database.db,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}${where}`,
      );
      return row?.n ?? 0;
    },
    close: async () => {
      await app.close();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Authorization header for a token. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/**
 * Creates an organisation (unless it is `default`) and one API token per role in it.
 *
 * @param app - the app
 * @param organisationId - the organisation
 * @returns a token per role
 */
export async function tokensFor(
  app: FastifyInstance,
  organisationId: string,
): Promise<Record<"read" | "ingest" | "analyst" | "admin", string>> {
  if (organisationId !== "default") {
    const created = await app.inject({
      method: "POST",
      url: "/v1/organisations",
      headers: bearer(adminToken),
      payload: { id: organisationId, name: `Organisation ${organisationId}` },
    });
    if (created.statusCode !== 201) throw new Error(`organisation: ${created.statusCode} ${created.body}`);
  }
  const out: Partial<Record<"read" | "ingest" | "analyst" | "admin", string>> = {};
  for (const role of ["read", "ingest", "analyst", "admin"] as const) {
    const res = await app.inject({
      method: "POST",
      url: "/v1/tokens",
      headers: bearer(adminToken),
      payload: { name: `${organisationId}-${role}`, role, organisation: organisationId },
    });
    if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
    out[role] = res.json().token;
  }
  return out as Record<"read" | "ingest" | "analyst" | "admin", string>;
}
