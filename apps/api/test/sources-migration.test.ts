import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type DatasetName, datasetNames, datasets, inferCoverage, recordKey } from "@kpi/catalogue";
import { generateDemoAuthority } from "@kpi/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "../src/db/database.js";

// The migration that adds `sources` must bring existing deployments forward: one inferred source per
// organisation and dated dataset with records, spanning what the catalogue's inferCoverage gives them.

const statements = (file: string) =>
  readFileSync(join(migrationsFolder(), file), "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

let db: PGlite;
const demo = generateDemoAuthority({ scale: 0.03 });

beforeAll(async () => {
  db = await PGlite.create();
  for (const s of statements("0000_init.sql")) await db.exec(s);
  await db.query("INSERT INTO organisations (id, name) VALUES ('la1', 'One'), ('la2', 'Two')");
  for (const name of datasetNames) {
    const rows = (demo[name] as readonly object[]).map((r) => ({
      key: recordKey(name, r as never),
      data: r,
    }));
    if (rows.length === 0) continue;
    await db.query(
      `INSERT INTO records (organisation_id, dataset, key, data, batch_id)
       SELECT 'la1', $1, x.key, x.data, 'old' FROM jsonb_to_recordset($2::jsonb) AS x(key text, data jsonb)`,
      [name, JSON.stringify(rows)],
    );
  }
  // The second organisation has two contacts, and activities scheduled beyond their latest completion.
  await db.query(
    `INSERT INTO records (organisation_id, dataset, key, data, batch_id) VALUES
     ('la2', 'contacts', 'k1', '{"contact_id":"k1","contact_date":"2019-05-02"}', 'old'),
     ('la2', 'contacts', 'k2', '{"contact_id":"k2","contact_date":"2019-04-03"}', 'old'),
     ('la2', 'due_activities', 'a1', '{"due_date":"2019-07-10","completed_date":"2019-07-09"}', 'old'),
     ('la2', 'due_activities', 'a2', '{"due_date":"2019-08-20","completed_date":"2019-09-30"}', 'old'),
     ('la2', 'due_activities', 'a3', '{"due_date":"2019-11-15","completed_date":null}', 'old')`,
  );
  for (const s of statements("0001_sources.sql")) await db.exec(s);
}, 120_000);

afterAll(async () => {
  await db.close();
});

describe("migration 0001 (sources)", () => {
  it("infers one source per organisation and dated dataset, as inferCoverage does", async () => {
    const { rows } = await db.query<{
      organisation_id: string;
      dataset: string;
      kind: string;
      from: string;
      to: string;
    }>(
      `SELECT organisation_id, dataset, kind, covers_from::text AS from, covers_to::text AS to FROM sources
       ORDER BY organisation_id, dataset`,
    );
    const expected = datasetNames
      .filter((n) => datasets[n].dating.kind !== "undated")
      .flatMap((n: DatasetName) => {
        const span = inferCoverage(n, demo[n] as readonly object[]);
        return span === null ? [] : [{ organisation_id: "la1", dataset: n, kind: "inferred", ...span }];
      })
      .sort((x, y) => (x.dataset < y.dataset ? -1 : 1));
    expect(expected.length).toBe(12);
    expect(rows).toEqual([
      ...expected,
      { organisation_id: "la2", dataset: "contacts", kind: "inferred", from: "2019-04-03", to: "2019-05-02" },
      // Due 10 Jul to 15 Nov, but nothing is known done after 30 Sep.
      {
        organisation_id: "la2",
        dataset: "due_activities",
        kind: "inferred",
        from: "2019-07-10",
        to: "2019-09-30",
      },
    ]);
  });

  it("names the sources as inferred and leaves them current", async () => {
    const { rows } = await db.query<{ name: string; superseded_by: string | null; actor: string }>(
      "SELECT name, superseded_by, actor FROM sources WHERE organisation_id = 'la2' AND dataset = 'contacts'",
    );
    expect(rows).toEqual([
      {
        name: "contacts posted before coverage was recorded (inferred)",
        superseded_by: null,
        actor: "migration",
      },
    ]);
  });
});
