import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.js";

/** The typed drizzle database, the same type for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction on {@link Db}. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either a database or a transaction: anything that runs queries. */
export type Queryable = Db | Tx;

/** An open store: the drizzle database plus what the app needs to check and close it. */
export interface Database {
  /** The drizzle database. */
  readonly db: Db;
  /** Which engine is behind it. */
  readonly kind: "pglite" | "postgres";
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes connections (idempotent). */
  close(): Promise<void>;
}

/** Where to open the store: a PostgreSQL URL, or a directory for the embedded store. */
export type DatabaseLocation = { databaseUrl: string } | { dataDir: string };

const migrationLockId = 4_207_310_001;

/**
 * Finds the committed SQL migrations (`apps/api/drizzle/`) from wherever this code runs
 * (`src/db/` under tsx and vitest, `dist/` when bundled).
 *
 * @returns the absolute path of the migrations folder
 * @example
 * ```ts
 * migrationsFolder(); // "/srv/kpi/apps/api/drizzle"
 * ```
 */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "drizzle");
    if (existsSync(join(candidate, "meta", "_journal.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("The API's SQL migrations (apps/api/drizzle) were not found");
    dir = parent;
  }
}

/**
 * Opens the store and applies the SQL migrations: PostgreSQL when `databaseUrl` is given (migrations
 * under an advisory lock, so several instances may start at once), otherwise the embedded PGlite store
 * in `dataDir/pglite`.
 *
 * @param location - a PostgreSQL URL or a data directory
 * @returns the open, migrated database
 * @example
 * ```ts
 * const database = await openDatabase({ dataDir: "/tmp/kpi" });
 * await database.ping();
 * await database.close();
 * ```
 */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const migrationsConfig = { migrationsFolder: migrationsFolder() };
  if ("databaseUrl" in location) {
    const pool = new pg.Pool({ connectionString: location.databaseUrl, max: 10 });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on("error", () => undefined);
    // Nor a checked-out one (a transaction waiting for the rest of an upload when PostgreSQL restarts):
    // without a listener its 'error' event would be unhandled. Its next query fails (503 unavailable)
    // and the pool discards it on release, since it is no longer queryable.
    pool.on("connect", (client) => {
      client.on("error", () => undefined);
    });
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [migrationLockId]);
      try {
        await migrateNodePg(drizzleNodePg(client, { schema }), migrationsConfig);
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [migrationLockId]);
      }
    } finally {
      client.release();
    }
    const db = drizzleNodePg(pool, { schema });
    let closed = false;
    return {
      db: db as unknown as Db,
      kind: "postgres",
      ping: async () => {
        await pool.query("SELECT 1");
      },
      close: async () => {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  }
  const dir = join(location.dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, migrationsConfig);
  return {
    db: db as unknown as Db,
    kind: "pglite",
    ping: async () => {
      if (client.closed) throw new Error("The embedded database is closed");
      await client.query("SELECT 1");
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/**
 * Runs a raw SQL query and returns its rows, whichever driver is behind `q`.
 *
 * @param q - a database or transaction
 * @param query - the SQL (built with drizzle's `sql` template, so values are parameters)
 * @returns the rows
 * @example
 * ```ts
 * const rows = await queryRows<{ n: number }>(db, sql`SELECT 1 AS n`);
 * ```
 */
export async function queryRows<T extends Record<string, unknown>>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
