import { createHmac } from "node:crypto";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.js";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

const limit = 256 * 1024;
let api: TestApi;
let a: Awaited<ReturnType<typeof tokensFor>>;
let b: Awaited<ReturnType<typeof tokensFor>>;

beforeAll(async () => {
  api = await startTestApi({ maxBodyBytes: limit });
  a = await tokensFor(api.app, "org-a");
  b = await tokensFor(api.app, "org-b");
});
afterAll(async () => {
  await api.close();
});

function contact(id: string, child: string, extra: Record<string, unknown> = {}) {
  return { contact_id: id, child_id: child, contact_date: "2019-07-01", source: "2A", ...extra };
}

function post(
  dataset: string,
  token: string,
  body: string | Readable,
  contentType = "application/json",
  extra: { query?: string; headers?: Record<string, string> } = {},
) {
  return api.app.inject({
    method: "POST",
    url: `/v1/datasets/${dataset}/records${extra.query ?? ""}`,
    headers: { ...bearer(token), "content-type": contentType, ...extra.headers },
    payload: body,
  });
}

const json = (records: unknown[]) => JSON.stringify({ records });

/** HMAC-SHA256(key, organisation + ":" + id), first 32 hex characters, worked out here independently. */
function expectedPseudonym(organisation: string, id: string): string {
  return createHmac("sha256", api.app.pseudonymKey)
    .update(`${organisation}:${id}`)
    .digest("hex")
    .slice(0, 32);
}

describe("POST /v1/datasets/:dataset/records", () => {
  it("inserts, then reports unchanged and updated records on re-posting", async () => {
    const first = await post(
      "contacts",
      a.ingest,
      json([contact("K1", "C1"), contact("K2", "C2"), contact("K3", "C1")]),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      dataset: "contacts",
      received: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
    });
    expect(await api.count("records", "org-a")).toBe(3);

    const again = await post(
      "contacts",
      a.ingest,
      json([contact("K1", "C1"), contact("K2", "C2", { team: "North" }), contact("K3", "C1")]),
    );
    expect(again.json()).toMatchObject({ received: 3, inserted: 0, updated: 1, unchanged: 2, deleted: 0 });
    expect(await api.count("records", "org-a")).toBe(3);
  });

  it("accepts NDJSON with CRLF line ends and blank lines", async () => {
    const body = `${JSON.stringify({ child_id: "N1", sex: "F", date_of_birth: "2012-03-04" })}\r\n\r\n${JSON.stringify({ child_id: "N2", sex: "M" })}\n`;
    const res = await post("children", a.ingest, body, "application/x-ndjson");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dataset: "children", received: 2, inserted: 2 });
  });

  it("accepts CSV with DD/MM/YYYY dates and Y/N booleans, converting them", async () => {
    const body = "child_id,date_of_birth,sex,disabled\r\nV1,04/03/2012,F,Y\r\nV2,,M,n\r\n";
    const res = await post("children", a.ingest, body, "text/csv; charset=utf-8");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ received: 2, inserted: 2 });
    const rows = await queryRows<{ data: { date_of_birth: string | null; disabled: boolean | null } }>(
      api.app.database.db,
      sql`SELECT data FROM records WHERE organisation_id = 'org-a' AND key = ${expectedPseudonym("org-a", "V1")}`,
    );
    expect(rows[0]?.data).toMatchObject({ date_of_birth: "2012-03-04", disabled: true });
  });

  it("rejects a batch with invalid rows with every issue, and writes nothing", async () => {
    const recordsBefore = await api.count("records");
    const batchesBefore = await api.count("batches");
    const res = await post(
      "contacts",
      a.ingest,
      json([
        contact("R1", "C1"),
        contact("R2", "C1", { contact_date: "2019-02-30" }),
        contact("R3", "C1", { colour: "blue" }),
        contact("R1", "C9"),
      ]),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.issue_count).toBe(3);
    expect(body.error.issues.map((i: { row: number }) => i.row)).toEqual([1, 2, 3]);
    expect(body.error.issues[0].field).toBe("contact_date");
    expect(body.error.issues[1].message).toMatch(/colour/);
    expect(await api.count("records")).toBe(recordsBefore);
    expect(await api.count("batches")).toBe(batchesBefore);
  });

  it("lists at most 1,000 issues and gives the total in issue_count", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => contact(`B${i}`, "C1", { source: "XX" }));
    const res = await post("contacts", a.ingest, json(rows));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues).toHaveLength(1000);
    expect(res.json().error.issue_count).toBe(1200);
  });

  it("rejects a valid batch streamed after an invalid row without writing any of it", async () => {
    const before = await api.count("records", "org-a");
    const rows = Array.from({ length: 2500 }, (_, i) => contact(`S${i}`, `C${i}`));
    rows[2400] = contact("S2400", "C1", { level_of_need: 9, decision_date: "2019-07-02" });
    const res = await post("contacts", a.ingest, json(rows), "application/json");
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ row: 2400, field: "level_of_need" })]);
    expect(await api.count("records", "org-a")).toBe(before);
  });

  it("answers 400 for malformed JSON, NDJSON and broken CSV quoting", async () => {
    const before = await api.count("records");
    const cases: [string, string][] = [
      ['{"records":[{"contact_id":"X1",}]}', "application/json"],
      ['{"records":[{"contact_id":"X1"}', "application/json"],
      ["{records:[]}", "application/json"],
      ['{"records":[]} trailing', "application/json"],
      ["", "application/json"],
      ['{"child_id":"N1","sex":"F"}\n{"child_id":', "application/x-ndjson"],
      ['child_id,sex\n"N1,F\nN2,M\n', "text/csv"],
      ['child_id,sex\nN"1,F\n', "text/csv"],
      ["child_id,sex\nN1,F,extra\n", "text/csv"],
    ];
    for (const [body, type] of cases) {
      const res = await post("children", a.ingest, body, type);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      expect(res.json().error.code).toBe("malformed_body");
    }
    expect(await api.count("records")).toBe(before);
  });

  it("answers 422 for JSON of the wrong shape", async () => {
    for (const body of ['[{"child_id":"N1"}]', '{"rows":[]}', '{"records":{}}', '{"records":[1,"x",null]}']) {
      const res = await post("children", a.ingest, body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 422 });
    }
  });

  it("answers 413 for a body over the limit, declared or streamed, and writes nothing", async () => {
    const before = await api.count("records");
    const rows = Array.from({ length: 4000 }, (_, i) => contact(`L${i}`, `C${i}`));
    const big = json(rows);
    expect(Buffer.byteLength(big)).toBeGreaterThan(limit);
    const declared = await post("contacts", a.ingest, big);
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe("payload_too_large");
    const streamed = await post(
      "contacts",
      a.ingest,
      Readable.from([big.slice(0, 100_000), big.slice(100_000)]),
    );
    expect(streamed.statusCode).toBe(413);
    const lines = Array.from({ length: 12_000 }, (_, i) => `L${i},C${i},2019-07-01,2A`);
    const csv = `contact_id,child_id,contact_date,source\n${lines.join("\n")}\n`;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(limit);
    const streamedCsv = await post(
      "contacts",
      a.ingest,
      Readable.from([csv.slice(0, 100_000), csv.slice(100_000)]),
      "text/csv",
    );
    expect(streamedCsv.statusCode).toBe(413);
    expect(await api.count("records")).toBe(before);
  });

  it("answers 404 for an unknown dataset before reading the body", async () => {
    const res = await post("contact", a.ingest, "this is not JSON");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });

  it("answers 415 for a content type it does not read", async () => {
    for (const type of [
      "text/plain",
      "application/xml",
      "application/json; charset=latin1",
      "multipart/form-data",
    ]) {
      const res = await post("children", a.ingest, "x", type);
      expect({ type, status: res.statusCode }).toEqual({ type, status: 415 });
    }
  });

  it("answers 401 without a token and 403 for a read or analyst token", async () => {
    const body = json([contact("Z1", "C1")]);
    const none = await api.app.inject({
      method: "POST",
      url: "/v1/datasets/contacts/records",
      headers: { "content-type": "application/json" },
      payload: body,
    });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe("unauthorized");
    expect((await post("contacts", "kpi_not-a-real-token", body)).statusCode).toBe(401);
    expect((await post("contacts", a.read, body)).statusCode).toBe(403);
    expect((await post("contacts", a.analyst, body)).statusCode).toBe(403);
    expect((await post("contacts", a.admin, body)).statusCode).toBe(200);
  });

  it("replays an idempotent retry without writing, and refuses the key with another body", async () => {
    const body = json([contact("I1", "C1"), contact("I2", "C2")]);
    const headers = { "idempotency-key": "load-2019-07-01" };
    const first = await post("contacts", a.ingest, body, "application/json", { headers });
    expect(first.statusCode).toBe(200);
    const records = await api.count("records");
    const batches = await api.count("batches");
    const retry = await post("contacts", a.ingest, body, "application/json", { headers });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(await api.count("records")).toBe(records);
    expect(await api.count("batches")).toBe(batches);

    const other = await post("contacts", a.ingest, json([contact("I3", "C3")]), "application/json", {
      headers,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe("idempotency_key_reused");
    expect(await api.count("records")).toBe(records);

    // The same key in another organisation is another key.
    const elsewhere = await post("contacts", b.ingest, body, "application/json", { headers });
    expect(elsewhere.json()).toMatchObject({ inserted: 2 });
    expect(elsewhere.json().batch_id).not.toBe(first.json().batch_id);
  });

  it("in replace mode deletes the organisation's records of the dataset that are not in the batch", async () => {
    await post(
      "referrals",
      a.ingest,
      json([
        { referral_id: "F1", child_id: "C1", referral_date: "2019-07-01", source: "6", nfa: false },
        { referral_id: "F2", child_id: "C2", referral_date: "2019-07-02", source: "6", nfa: false },
        { referral_id: "F3", child_id: "C3", referral_date: "2019-07-03", source: "6", nfa: true },
      ]),
    );
    await post(
      "referrals",
      b.ingest,
      json([{ referral_id: "F9", child_id: "C9", referral_date: "2019-07-01", source: "6", nfa: false }]),
    );
    const contactsBefore = await api.count("records", "org-a");
    const res = await post(
      "referrals",
      a.ingest,
      json([
        { referral_id: "F1", child_id: "C1", referral_date: "2019-07-01", source: "6", nfa: false },
        { referral_id: "F2", child_id: "C2", referral_date: "2019-07-02", source: "6", nfa: true },
      ]),
      "application/json",
      { query: "?mode=replace" },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      mode: "replace",
      received: 2,
      inserted: 0,
      updated: 1,
      unchanged: 1,
      deleted: 1,
    });
    expect(await api.count("records", "org-a")).toBe(contactsBefore - 1);
    expect(await api.count("records", "org-b")).toBeGreaterThanOrEqual(1);
    const bad = await post("referrals", a.ingest, json([]), "application/json", { query: "?mode=wipe" });
    expect(bad.statusCode).toBe(422);
  });

  it("never stores raw child ids: keys and person fields hold the keyed pseudonym", async () => {
    const raw = "RAWCHILD-7731";
    await post("children", a.ingest, json([{ child_id: raw, sex: "F", date_of_birth: "2010-01-01" }]));
    await post("contacts", a.ingest, json([contact("P1", raw)]), "application/json", {
      headers: { "idempotency-key": "pseudonym-check" },
    });
    await post("care_leavers", a.ingest, `child_id,as_at_date,in_touch\n${raw},2019-09-30,YES\n`, "text/csv");
    for (const table of ["records", "batches", "idempotency", "tokens"]) {
      const hits = await queryRows<{ n: number }>(
        api.app.database.db,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} t WHERE t::text LIKE ${`%${raw}%`}`,
      );
      expect({ table, hits: hits[0]?.n }).toEqual({ table, hits: 0 });
    }
    const pseudonym = expectedPseudonym("org-a", raw);
    const stored = await queryRows<{ dataset: string; key: string; child: string }>(
      api.app.database.db,
      sql`SELECT dataset, key, data->>'child_id' AS child FROM records
          WHERE organisation_id = 'org-a' AND data->>'child_id' = ${pseudonym} ORDER BY dataset`,
    );
    expect(stored).toEqual([
      { dataset: "care_leavers", key: `${pseudonym}|2019-09-30`, child: pseudonym },
      { dataset: "children", key: pseudonym, child: pseudonym },
      { dataset: "contacts", key: "P1", child: pseudonym },
    ]);
  });
});

describe("DELETE /v1/datasets/:dataset/records/:key", () => {
  it("deletes by the key as posted (raw child id, | between parts) and records the deletion", async () => {
    await post("children", a.ingest, json([{ child_id: "D1", sex: "M" }]));
    await post(
      "care_leavers",
      a.ingest,
      json([{ child_id: "D1", as_at_date: "2019-09-30", in_touch: "YES" }]),
    );
    const before = await api.count("records", "org-a");
    const child = await api.app.inject({
      method: "DELETE",
      url: "/v1/datasets/children/records/D1",
      headers: bearer(a.ingest),
    });
    expect(child.statusCode).toBe(200);
    expect(child.json()).toMatchObject({ mode: "delete", deleted: 1 });
    const leaver = await api.app.inject({
      method: "DELETE",
      url: `/v1/datasets/care_leavers/records/${encodeURIComponent("D1|2019-09-30")}`,
      headers: bearer(a.ingest),
    });
    expect(leaver.statusCode).toBe(200);
    expect(await api.count("records", "org-a")).toBe(before - 2);
    const again = await api.app.inject({
      method: "DELETE",
      url: "/v1/datasets/children/records/D1",
      headers: bearer(a.ingest),
    });
    expect(again.statusCode).toBe(404);
  });

  it("answers 401, 403 and 404 for no token, a read token and an unknown dataset", async () => {
    expect(
      (await api.app.inject({ method: "DELETE", url: "/v1/datasets/contacts/records/K1" })).statusCode,
    ).toBe(401);
    const read = await api.app.inject({
      method: "DELETE",
      url: "/v1/datasets/contacts/records/K1",
      headers: bearer(a.read),
    });
    expect(read.statusCode).toBe(403);
    const unknown = await api.app.inject({
      method: "DELETE",
      url: "/v1/datasets/nope/records/K1",
      headers: bearer(a.ingest),
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("cannot delete another organisation's record", async () => {
    await post("contacts", b.ingest, json([contact("ONLY-B", "C1")]));
    const res = await api.app.inject({
      method: "DELETE",
      url: "/v1/datasets/contacts/records/ONLY-B",
      headers: bearer(a.ingest),
    });
    expect(res.statusCode).toBe(404);
    const own = await api.app.inject({
      method: "DELETE",
      url: "/v1/datasets/contacts/records/ONLY-B",
      headers: bearer(b.ingest),
    });
    expect(own.statusCode).toBe(200);
  });
});

describe("GET /v1/batches and GET /v1/data-quality per organisation", () => {
  it("lists only the caller's batches, newest first, with the token that sent them", async () => {
    const res = await api.app.inject({
      method: "GET",
      url: "/v1/batches?dataset=referrals",
      headers: bearer(b.read),
    });
    expect(res.statusCode).toBe(200);
    const list = res.json().batches;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ dataset: "referrals", actor: "org-b-ingest", inserted: 1 });
    const mine = await api.app.inject({ method: "GET", url: "/v1/batches?limit=2", headers: bearer(a.read) });
    expect(mine.json().batches).toHaveLength(2);
    expect(mine.json().batches[0].created_at >= mine.json().batches[1].created_at).toBe(true);
    expect((await api.app.inject({ method: "GET", url: "/v1/batches" })).statusCode).toBe(401);
    expect(
      (await api.app.inject({ method: "GET", url: "/v1/batches?dataset=x", headers: bearer(a.read) }))
        .statusCode,
    ).toBe(404);
  });

  it("reports findings with stored (pseudonymised) keys, and never another organisation's", async () => {
    await post("children", a.ingest, json([{ child_id: "Q1", sex: "F" }]));
    await post(
      "care_leavers",
      a.ingest,
      json([{ child_id: "Q1", as_at_date: "2019-09-30", in_touch: "YES" }]),
    );
    const res = await api.app.inject({
      method: "GET",
      url: "/v1/data-quality?as_at=2019-09-30",
      headers: bearer(a.read),
    });
    expect(res.statusCode).toBe(200);
    const missingDob = res
      .json()
      .findings.filter((f: { check: string }) => f.check === "missing_date_of_birth");
    expect(missingDob).toEqual([
      expect.objectContaining({ dataset: "children", keys: [expectedPseudonym("org-a", "Q1")] }),
    ]);
    const other = await api.app.inject({
      method: "GET",
      url: "/v1/data-quality?as_at=2019-09-30",
      headers: bearer(b.read),
    });
    const otherKeys = other.json().findings.flatMap((f: { keys: string[] }) => f.keys);
    expect(otherKeys).not.toContain(expectedPseudonym("org-a", "Q1"));
    expect(otherKeys).not.toContain("K1");
    expect((await api.app.inject({ method: "GET", url: "/v1/data-quality" })).statusCode).toBe(401);
    const bad = await api.app.inject({
      method: "GET",
      url: "/v1/data-quality?as_at=30/09/2019",
      headers: bearer(a.read),
    });
    expect(bad.statusCode).toBe(422);
  });
});
