import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ImportReport } from "@kpi/contract";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.js";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// The public Annex A workbook, in the import package's fixtures (see its README).
const workbook = readFileSync(
  join(import.meta.dirname, "../../../packages/imports/test/fixtures/annex-a/liia-Annex_A.xlsx"),
);

let api: TestApi;
let tokens: Awaited<ReturnType<typeof tokensFor>>;
beforeAll(async () => {
  api = await startTestApi({ maxBodyBytes: 8 * 1024 * 1024 });
  tokens = await tokensFor(api.app, "la-annex");
}, 120_000);
afterAll(async () => {
  await api.close();
});

async function upload(query: string): Promise<{ status: number; report: ImportReport }> {
  const form = new FormData();
  form.append("file", new Blob([workbook]), "Annex A.xlsx");
  const request = new Request("http://x/", { method: "POST", body: form });
  const response = await api.app.inject({
    method: "POST",
    url: `/v1/imports/annex-a${query}`,
    headers: { ...bearer(tokens.ingest), "content-type": request.headers.get("content-type") ?? "" },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  return { status: response.statusCode, report: response.json() as ImportReport };
}

async function stored(dataset: string): Promise<Record<string, unknown>[]> {
  const rows = await queryRows<{ data: Record<string, unknown> }>(
    api.app.database.db,
    sql`SELECT data FROM records WHERE organisation_id = 'la-annex' AND dataset = ${dataset}`,
  );
  return rows.map((r) => r.data);
}

async function value(id: string, period: string) {
  const res = await api.app.inject({
    method: "GET",
    url: `/v1/indicators/${id}/values?to=${period}&window=quarter`,
    headers: bearer(tokens.read),
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as {
    values: { value: number | null; note: string | null }[];
    sources: { name: string }[];
  };
  return { ...body.values.at(-1), sources: body.sources.map((s) => s.name) };
}

describe("POST /v1/imports/annex-a", () => {
  it("refuses a workbook that states no span when none is given, writing nothing", async () => {
    const { status, report } = await upload("");
    expect(status).toBe(200);
    expect(report.outcome).toBe("failed");
    expect(report.written).toEqual([]);
    expect(await stored("contacts")).toEqual([]);
  });

  it("writes every list within the span given, and replaces only that span", async () => {
    // Two contacts stored before: one inside the span (the workbook no longer lists it), one before it.
    const contact = (id: string, date: string) => ({
      contact_id: id,
      child_id: "X1",
      contact_date: date,
      source: "6",
    });
    const posted = await api.app.inject({
      method: "POST",
      url: "/v1/datasets/contacts/records",
      headers: { ...bearer(tokens.ingest), "content-type": "application/json" },
      payload: JSON.stringify({
        records: [contact("OLD-IN", "2020-10-01"), contact("OLD-BEFORE", "2020-06-01")],
      }),
    });
    expect(posted.statusCode, posted.body).toBeLessThan(300);

    const { report } = await upload("?from=2020-09-01&to=2021-03-31");
    expect(report.outcome).toBe("clean");
    const written = Object.fromEntries(report.written.map((w) => [w.dataset, w]));
    // List 1 holds 5 contacts; the one stored inside the span is deleted, the one before it kept.
    expect(written.contacts).toMatchObject({ received: 5, inserted: 5, deleted: 1 });
    const contacts = await stored("contacts");
    expect(contacts.map((c) => c.contact_id).filter((id) => String(id).startsWith("OLD"))).toEqual([
      "OLD-BEFORE",
    ]);
    expect(contacts).toHaveLength(6);
    // 48 distinct children across lists 1–10 (the import package's test counts them from the workbook).
    expect(written.children?.received).toBe(48);
    // Child ids are pseudonymised on receipt: no stored child id is the workbook's.
    expect((await stored("children")).some((c) => c.child_id === "9212044")).toBe(false);

    // List 2's completion dates: 30 Sep, 21 Oct, 23 Sep, 20 Oct, 23 Oct 2020 → 3 in Q3 2020-21.
    const completed = await value("ffd.early_help_assessments_completed", "FY2020-21-Q3");
    expect(completed.value).toBe(3);
    expect(completed.sources).toContain("Ofsted Annex A 2020-09-01 to 2021-03-31");
    // Every contact of list 1 is dated 16 Sep 2020: Q3 is covered and has none.
    expect((await value("ffd.contacts", "FY2020-21-Q3")).value).toBe(0);
  });
});
