import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/database.js";
import { bearer, startTestApi, type TestApi, tokensFor } from "../support/test-api.js";
import { routesOf } from "./support/route-tree.js";

// Organisation A holds records, a target, an analysis text, tokens and batches; organisation B holds
// nothing of its own. Every read route the app registers, called by B's admin with the very URLs that
// show A's data to A, must show B none of it.

type Tokens = Awaited<ReturnType<typeof tokensFor>>;
let api: TestApi;
let a: Tokens;
let b: Tokens;
const markers: string[] = [];
const analysisText = "Isolation marker: organisation A's own analysis of contacts";

const params: Record<string, string> = { period: "FY2019-20-Q2", section: "ffd", dataset: "contacts" };
const queries: Record<string, string> = {
  "/v1/data-quality": "?as_at=2019-09-30",
  "/v1/batches": "?limit=100",
};

function urlOf(path: string, indicatorId: string): string {
  // `:id` is an indicator's, except under /v1/organisations, where it is A's own id.
  const id = path.startsWith("/v1/organisations/") ? "iso-a" : indicatorId;
  const url = path.replace(/:([a-z_]+)/g, (_, name: string) => (name === "id" ? id : (params[name] ?? name)));
  return `${url}${queries[path] ?? ""}`;
}

beforeAll(async () => {
  api = await startTestApi();
  a = await tokensFor(api.app, "iso-a");
  b = await tokensFor(api.app, "iso-b");
  const contacts = Array.from({ length: 60 }, (_, i) => ({
    contact_id: `ISOACT${i}`,
    child_id: `ISOACH${i}`,
    contact_date: i % 2 === 0 ? "2019-08-01" : "2018-08-01",
    source: "8",
    decision_date: i % 2 === 0 ? "2019-08-01" : "2018-08-01",
    level_of_need: i % 3 === 0 ? 4 : 2,
  }));
  const children = Array.from({ length: 60 }, (_, i) => ({
    child_id: `ISOACH${i}`,
    date_of_birth: "2012-01-01",
    sex: "F",
  }));
  for (const [dataset, records] of [
    ["children", children],
    ["contacts", contacts],
  ] as const) {
    const res = await api.app.inject({
      method: "POST",
      url: `/v1/datasets/${dataset}/records`,
      headers: bearer(a.ingest),
      payload: { records },
    });
    expect(res.statusCode, res.body).toBe(200);
    markers.push(res.json().batch_id);
  }
  const analysis = await api.app.inject({
    method: "PUT",
    url: "/v1/reports/FY2019-20-Q2/sections/ffd/analysis",
    headers: bearer(a.analyst),
    payload: { text: analysisText },
  });
  expect(analysis.statusCode).toBe(200);
  // A is Worcestershire (885): its organisation's name and authority are A's too.
  const authority = await api.app.inject({
    method: "PATCH",
    url: "/v1/organisations/iso-a",
    headers: bearer(a.admin),
    payload: { la_code: "885" },
  });
  expect(authority.statusCode, authority.body).toBe(200);
  markers.push(
    analysisText,
    "Organisation iso-a",
    "Worcestershire",
    "iso-a-read",
    "iso-a-ingest",
    "iso-a-analyst",
    "iso-a-admin",
    "ISOACT",
    "ISOACH",
  );
  const stored = await queryRows<{ child: string }>(
    api.app.database.db,
    sql`SELECT DISTINCT data->>'child_id' AS child FROM records WHERE organisation_id = 'iso-a'`,
  );
  expect(stored.length).toBe(60);
  markers.push(...stored.map((r) => r.child));
});
afterAll(async () => {
  await api.close();
});

describe("organisation isolation", () => {
  it("shows organisation B nothing of A's on any read route", async () => {
    const list = await api.app.inject({ method: "GET", url: "/v1/indicators", headers: bearer(a.read) });
    const indicatorId: string = list.json().indicators?.[0]?.id ?? list.json()[0]?.id;
    expect(typeof indicatorId).toBe("string");
    const reads = routesOf(api.app.printRoutes({ commonPrefix: false })).filter(
      (r) => r.method === "GET" && r.path.startsWith("/v1/"),
    );
    expect(reads.length).toBeGreaterThanOrEqual(8);
    const leaks: string[] = [];
    const seenByA = new Set<string>();
    for (const { path } of reads) {
      const url = urlOf(path, indicatorId);
      const own = await api.app.inject({ method: "GET", url, headers: bearer(a.admin) });
      expect(own.statusCode, `${url} as A`).toBe(200);
      for (const m of markers) if (own.body.includes(m)) seenByA.add(m);
      const other = await api.app.inject({ method: "GET", url, headers: bearer(b.admin) });
      expect([200, 404]).toContain(other.statusCode);
      for (const m of markers) if (other.body.includes(m)) leaks.push(`${url}: ${m.slice(0, 24)}`);
    }
    expect(leaks).toEqual([]);
    // The probe can see leaks: A's own routes show A's batches, analysis and token names.
    expect(seenByA).toContain(analysisText);
    expect(seenByA).toContain("iso-a-read");
    expect(seenByA).toContain("Worcestershire");
    expect(seenByA).toContain(markers[0]);
  });

  it("does not let B change or delete A's records through B's routes", async () => {
    const del = await api.app.inject({
      method: "DELETE",
      url: "/v1/datasets/contacts/records/ISOACT0",
      headers: bearer(b.ingest),
    });
    expect(del.statusCode).toBe(404);
    expect(await api.count("records", "iso-a")).toBe(120);
  });
});
