import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.js";
import { type IngestRequest, ingestBatch } from "../src/services/ingest.js";
import type { Caller } from "../src/services/roles.js";
import { startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// Batches written in many small chunks (3 rows each) while the rest of the body is still being read:
// the counts add up across chunks, `replace` sees every chunk's keys, and a batch rejected or broken
// off after several chunks were written leaves the store exactly as it was.

const organisationId = "org-chunks";
const chunkSize = 3;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await tokensFor(api.app, organisationId);
});
afterAll(async () => {
  await api.close();
});

const caller: Caller = { organisationId, role: "ingest", actor: "chunk-test", tokenId: null, kind: "api" };

function referral(id: string, nfa: boolean) {
  return { referral_id: id, child_id: `C-${id}`, referral_date: "2019-07-01", source: "6", nfa };
}

async function* bodyOf(text: string, pieces = 7): AsyncGenerator<Buffer> {
  const size = Math.ceil(text.length / pieces);
  for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
}

function ingest(
  records: unknown[],
  mode: IngestRequest["mode"] = "upsert",
  body = bodyOf(JSON.stringify({ records })),
) {
  return ingestBatch(
    { db: api.app.database.db, pseudonymKey: api.app.pseudonymKey, maxBodyBytes: 1 << 20, chunkSize },
    { caller, dataset: "referrals", mode, format: "json", body },
  );
}

/** Every stored referral of the organisation: key → nfa. */
async function stored(): Promise<Record<string, boolean>> {
  const rows = await queryRows<{ id: string; nfa: boolean }>(
    api.app.database.db,
    sql`SELECT data->>'referral_id' AS id, (data->>'nfa')::boolean AS nfa FROM records
        WHERE organisation_id = ${organisationId} AND dataset = 'referrals' ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.nfa]));
}

const ids = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `F${String(from + i).padStart(3, "0")}`);

describe("ingestBatch in chunks", () => {
  it("counts inserted, updated and unchanged rows across chunks, and replace deletes only what is absent", async () => {
    const first = await ingest(ids(20).map((id) => referral(id, false)));
    expect(first.result).toMatchObject({ received: 20, inserted: 20, updated: 0, unchanged: 0, deleted: 0 });

    // 5 of the 20 changed, 10 kept as they were, 5 left out, 4 new: spread over 7 chunks.
    const second = [
      ...ids(5).map((id) => referral(id, true)),
      ...ids(10, 5).map((id) => referral(id, false)),
      ...ids(4, 20).map((id) => referral(id, false)),
    ];
    const replaced = await ingest(second, "replace");
    expect(replaced.result).toMatchObject({
      mode: "replace",
      received: 19,
      inserted: 4,
      updated: 5,
      unchanged: 10,
      deleted: 5,
    });
    const after = await stored();
    expect(Object.keys(after)).toEqual([...ids(15), ...ids(4, 20)]);
    expect(ids(5).every((id) => after[id] === true)).toBe(true);
    expect(ids(10, 5).every((id) => after[id] === false)).toBe(true);
  });

  it("writes nothing when a row after several written chunks is invalid", async () => {
    const before = await stored();
    const batchesBefore = await api.count("batches", organisationId);
    const rows: unknown[] = [
      ...ids(12).map((id) => referral(id, false)),
      ...ids(6, 30).map((id) => referral(id, true)),
    ];
    rows.push({ ...referral("F099", true), source: "nope" });
    await expect(ingest(rows)).rejects.toMatchObject({ code: "validation_failed" });
    // The first 18 rows went out in 6 chunks (5 of them updates) before the bad row arrived.
    expect(await stored()).toEqual(before);
    expect(await api.count("batches", organisationId)).toBe(batchesBefore);
  });

  it("writes nothing when the body breaks off after several written chunks", async () => {
    const before = await stored();
    const text = JSON.stringify({ records: ids(15, 40).map((id) => referral(id, false)) });
    async function* brokenOff(): AsyncGenerator<Buffer> {
      yield Buffer.from(text.slice(0, Math.floor(text.length * 0.8)));
      throw new Error("client went away");
    }
    await expect(ingest([], "upsert", brokenOff())).rejects.toMatchObject({ code: "malformed_body" });
    expect(await stored()).toEqual(before);
  });
});
