import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.js";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// Issue 12, defect 2: `?mode=replace` makes a batch the dataset's whole content, also when several
// replaces of the same dataset arrive at once. Before replaces were serialised, two concurrent replace
// batches of 100 different keys on PostgreSQL left 200 records. Each batch here holds 100 keys of its
// own; afterwards the dataset holds exactly one batch's keys (the last to commit). The embedded store
// runs transactions one at a time, so it passes there too.

const batches = 8;
const keysPerBatch = 100;
let api: TestApi;
let tokens: Awaited<ReturnType<typeof tokensFor>>;

beforeAll(async () => {
  api = await startTestApi({ maxBatchesPerOrganisation: batches });
  tokens = await tokensFor(api.app, "replacer");
});

afterAll(async () => {
  await api?.close();
});

function replaceBatch(n: number) {
  const records = Array.from({ length: keysPerBatch }, (_, i) => ({
    contact_id: `B${n}-${i}`,
    child_id: `B${n}C${i}`,
    contact_date: "2019-08-01",
    source: "2A",
  }));
  return api.app.inject({
    method: "POST",
    url: "/v1/datasets/contacts/records?mode=replace",
    headers: { ...bearer(tokens.ingest), "content-type": "application/json" },
    payload: JSON.stringify({ records }),
  });
}

describe("concurrent replace batches", () => {
  it("end with exactly one batch's records, however many run at once", async () => {
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        Array.from({ length: batches }, (_, n) => replaceBatch(round * 100 + n)),
      );
      for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
      const keys = await queryRows<{ key: string }>(
        api.app.database.db,
        sql`SELECT key FROM records WHERE organisation_id = 'replacer' AND dataset = 'contacts'`,
      );
      expect(keys).toHaveLength(keysPerBatch);
      const owners = new Set(keys.map((k) => k.key.split("-")[0]));
      expect(owners.size).toBe(1);
      // One after the other, each batch deleted the 100 records the one before it left (the very first
      // found none), so the deletions of a round add up to 100 per batch.
      const deleted = answers.reduce((sum, a) => sum + a.json().deleted, 0);
      expect(deleted).toBe((round === 0 ? batches - 1 : batches) * keysPerBatch);
    }
  }, 180_000);
});
