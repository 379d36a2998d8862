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
  /** How many queries can run at once: the pool's size on PostgreSQL, 1 for the embedded store. */
  readonly connections: number;
  /**
   * Resolves when the database answers a trivial query within `withinMs`; otherwise rejects with a
   * {@link DatabaseNotReady} saying why (all connections busy, no answer, closed).
   */
  ping(withinMs: number): Promise<void>;
  /**
   * Calls `onMessage` with the payload of every `NOTIFY` on `channel` (from any process using the
   * same database), and `onResumed` each time listening starts again after the connection was lost
   * (notifications sent meanwhile are not delivered). Resolves once listening; rejects if the first
   * attempt fails, and keeps trying every second either way.
   */
  listen(channel: string, onMessage: (payload: string) => void, onResumed?: () => void): Promise<void>;
  /** Closes connections (idempotent). */
  close(): Promise<void>;
}

/** Where to open the store: a PostgreSQL URL, or a directory for the embedded store. */
export type DatabaseLocation = { databaseUrl: string } | { dataDir: string };

/** Bounds on PostgreSQL connections (ignored by the embedded store); see `env.ts`. */
export interface PoolLimits {
  /** Connections in the pool. */
  readonly size: number;
  /** Longest wait for a free connection, in ms. */
  readonly acquireTimeoutMs: number;
  /** `statement_timeout`, in ms. */
  readonly statementTimeoutMs: number;
  /** `idle_in_transaction_session_timeout`, in ms. */
  readonly idleInTransactionMs: number;
}

const defaultPoolLimits: PoolLimits = {
  size: 10,
  acquireTimeoutMs: 5_000,
  statementTimeoutMs: 300_000,
  idleInTransactionMs: 60_000,
};

/**
 * Why {@link Database.ping} failed, in the operator's terms (never the driver's message, which can
 * name hosts or quote SQL).
 */
export class DatabaseNotReady extends Error {
  /** @param message - a sentence saying why the database is not ready */
  constructor(message: string) {
    super(message);
    this.name = "DatabaseNotReady";
  }
}

/** Resolves when `query` does within `ms`; otherwise rejects with a {@link DatabaseNotReady}. */
async function answersWithin(query: Promise<unknown>, ms: number, late: () => string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseNotReady(late())), ms);
  });
  // A late answer after the timer won must not become an unhandled rejection.
  query.catch(() => undefined);
  try {
    await Promise.race([query, timeout]);
  } catch (error) {
    if (error instanceof DatabaseNotReady) throw error;
    throw new DatabaseNotReady("The database cannot be reached");
  } finally {
    clearTimeout(timer);
  }
}

/** LISTENs on its own connection (not the pool's), and starts again a second after losing it. */
function listenWithReconnect(
  connectionString: string,
  channel: string,
  onMessage: (payload: string) => void,
  onResumed: () => void,
): { ready: Promise<void>; close: () => Promise<void> } {
  let closed = false;
  let current: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let first = true;
  let readyResolve: () => void = () => undefined;
  let readyReject: (e: unknown) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  const retry = () => {
    if (closed || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, 1_000);
    timer.unref();
  };
  const connect = async () => {
    const client = new pg.Client({ connectionString, keepAlive: true });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (current === client) current = undefined;
      retry();
    };
    client.on("error", onLost);
    client.on("end", onLost);
    client.on("notification", (n) => {
      if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (closed) {
        await client.end();
        return;
      }
      current = client;
      if (first) {
        first = false;
        readyResolve();
      } else onResumed();
    } catch (error) {
      client.end().catch(() => undefined);
      if (first) {
        first = false;
        readyReject(error);
      }
      onLost();
    }
  };
  void connect();
  return {
    ready,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await current?.end().catch(() => undefined);
    },
  };
}

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
 * under an advisory lock, so several instances may start at once; a pool bounded by `limits`),
 * otherwise the embedded PGlite store in `dataDir/pglite`.
 *
 * @param location - a PostgreSQL URL or a data directory
 * @param limits - PostgreSQL pool size and timeouts (defaults: 10 connections, 5 s to get one)
 * @returns the open, migrated database
 * @example
 * ```ts
 * const database = await openDatabase({ dataDir: "/tmp/kpi" });
 * await database.ping();
 * await database.close();
 * ```
 */
export async function openDatabase(
  location: DatabaseLocation,
  limits: PoolLimits = defaultPoolLimits,
): Promise<Database> {
  const migrationsConfig = { migrationsFolder: migrationsFolder() };
  if ("databaseUrl" in location) {
    const { databaseUrl } = location;
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: limits.size,
      // Waiting for a free connection (or a new one) fails after this, answered 503 with Retry-After.
      connectionTimeoutMillis: limits.acquireTimeoutMs,
      statement_timeout: limits.statementTimeoutMs,
      // A transaction left waiting (an upload that stalled after its first chunk) is ended by the
      // server even if the API's own body timeout failed to fire.
      idle_in_transaction_session_timeout: limits.idleInTransactionMs,
      keepAlive: true,
    });
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
    const listeners: { close: () => Promise<void> }[] = [];
    let closed = false;
    return {
      db: db as unknown as Db,
      kind: "postgres",
      connections: limits.size,
      ping: async (withinMs) => {
        if (closed) throw new DatabaseNotReady("The database connections are closed");
        await answersWithin(pool.query("SELECT 1"), withinMs, () =>
          pool.idleCount === 0 && pool.totalCount >= limits.size
            ? `All ${limits.size} database connections are in use (${pool.waitingCount} waiting)`
            : `The database did not answer within ${withinMs} ms`,
        );
      },
      listen: async (channel, onMessage, onResumed = () => undefined) => {
        const listener = listenWithReconnect(databaseUrl, channel, onMessage, onResumed);
        listeners.push(listener);
        await listener.ready;
      },
      close: async () => {
        if (closed) return;
        closed = true;
        await Promise.all(listeners.map((l) => l.close()));
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
    connections: 1,
    ping: async (withinMs) => {
      if (client.closed) throw new DatabaseNotReady("The embedded store is closed");
      await answersWithin(
        client.query("SELECT 1"),
        withinMs,
        () => `The embedded store did not answer within ${withinMs} ms (its one connection is busy)`,
      );
    },
    // One process holds the embedded store, so every NOTIFY comes from this process; it is delivered
    // all the same, so the app needs no separate path for it.
    listen: async (channel, onMessage) => {
      await client.listen(channel, onMessage);
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
