import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "../src/db/database.js";

// Deployments have data: each migration must bring the rows already stored forward. Applies the
// migrations before one, stores rows as that schema had them, then applies the rest.

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the migrations folder holding only the first `n` migrations. */
function firstMigrations(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "kpi-migrations-"));
  dirs.push(dir);
  const source = migrationsFolder();
  const journal = JSON.parse(readFileSync(join(source, "meta", "_journal.json"), "utf8"));
  mkdirSync(join(dir, "meta"));
  const entries = journal.entries.slice(0, n);
  for (const e of entries) cpSync(join(source, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  writeFileSync(join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  return dir;
}

describe("migration 0001 (analysis approvals, authors' display names)", () => {
  it("gives existing analysis versions their author's display name, or the recorded author", async () => {
    const client = await PGlite.create();
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: firstMigrations(1) });
    await client.exec(`
      INSERT INTO organisations (id, name) VALUES ('default', 'Default'), ('other', 'Other');
      INSERT INTO users (id, username, password_hash, display_name, role, organisation_id, created_by)
        VALUES ('u1', 'jsmith', 'x', 'Jo Smith', 'analyst', 'default', 'admin-token'),
               ('u2', 'nightly', 'x', 'Not this one', 'analyst', 'other', 'admin-token');
      INSERT INTO analyses (organisation_id, period, section, text, author)
        VALUES ('default', 'FY2019-20-Q2', 'ffd', 'By a user', 'jsmith'),
               ('default', 'FY2019-20-Q2', 'ffd', 'By a token', 'nightly');
    `);
    await migrate(db, { migrationsFolder: migrationsFolder() });
    const rows = await client.query<{ text: string; author_name: string; reverted_from: number | null }>(
      "SELECT text, author_name, reverted_from FROM analyses ORDER BY id",
    );
    expect(rows.rows).toEqual([
      { text: "By a user", author_name: "Jo Smith", reverted_from: null },
      { text: "By a token", author_name: "nightly", reverted_from: null },
    ]);
    const approvals = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM analysis_approvals");
    expect(approvals.rows[0]?.n).toBe(0);
    await client.close();
  }, 60_000);
});

describe("migration 0004 (the local authority an organisation is)", () => {
  it("keeps existing organisations, without an authority, and stores both codes or neither", async () => {
    const client = await PGlite.create();
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: firstMigrations(4) });
    await client.exec(
      `INSERT INTO organisations (id, name) VALUES ('default', 'Default'), ('worcs', 'Worcs')`,
    );
    await migrate(db, { migrationsFolder: migrationsFolder() });
    const rows = await client.query<{ id: string; old_la_code: string | null; new_la_code: string | null }>(
      "SELECT id, old_la_code, new_la_code FROM organisations ORDER BY id",
    );
    expect(rows.rows).toEqual([
      { id: "default", old_la_code: null, new_la_code: null },
      { id: "worcs", old_la_code: null, new_la_code: null },
    ]);
    await client.exec(
      `UPDATE organisations SET old_la_code = '885', new_la_code = 'E10000034' WHERE id = 'worcs'`,
    );
    await expect(
      client.exec(`UPDATE organisations SET new_la_code = NULL WHERE id = 'worcs'`),
    ).rejects.toThrow(/organisations_la_codes_together/);
    await client.close();
  }, 60_000);
});
