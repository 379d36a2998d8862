import fp from "fastify-plugin";
import { type Database, openDatabase } from "../db/database.js";
import type { ResolvedConfig } from "../env.js";
import { ensureDefaultOrganisation } from "../services/organisations.js";
import { loadOrCreatePseudonymKey } from "../services/pseudonym.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The API's configuration, as validated at start (defaults applied). */
    config: ResolvedConfig;
    /** The open, migrated store. */
    database: Database;
    /** The secret used for child and worker pseudonyms. */
    pseudonymKey: string;
  }
}

/**
 * Infrastructure plugin: opens the store (PostgreSQL with `databaseUrl`, its pool bounded by the
 * `db…` settings, else the embedded store in `dataDir`), applies migrations, makes sure the default organisation exists, loads or creates the
 * pseudonym key, and closes the store when the app closes.
 *
 * @example
 * ```ts
 * await app.register(storePlugin, { config });
 * app.database.kind; // "pglite"
 * ```
 */
export const storePlugin = fp<{ config: ResolvedConfig }>(
  async (app, { config }) => {
    const pseudonymKey = loadOrCreatePseudonymKey(config.pseudonymKey, config.dataDir);
    const database = await openDatabase(
      config.databaseUrl === undefined ? { dataDir: config.dataDir } : { databaseUrl: config.databaseUrl },
      {
        size: config.dbPoolSize,
        acquireTimeoutMs: config.dbAcquireTimeoutMs,
        statementTimeoutMs: config.dbStatementTimeoutMs,
        idleInTransactionMs: config.dbIdleInTransactionMs,
      },
    );
    try {
      await ensureDefaultOrganisation(database.db);
    } catch (error) {
      await database.close();
      throw error;
    }
    app.decorate("config", config);
    app.decorate("database", database);
    app.decorate("pseudonymKey", pseudonymKey);
    app.addHook("onClose", async () => {
      await database.close();
    });
  },
  { name: "kpi-store" },
);
