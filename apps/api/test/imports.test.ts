import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ImportReport } from "@kpi/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// data-to-insight's fake 903 return for 2017-18 (a copy in packages/imports/test/fixtures/ssda903, see its README).
const d2i = join(import.meta.dirname, "../../../packages/imports/test/fixtures/ssda903/d2i-fake");
const csvFiles = readdirSync(d2i).filter((f) => f.endsWith(".csv"));

let api: TestApi;
let tokens: Awaited<ReturnType<typeof tokensFor>>;

beforeAll(async () => {
  api = await startTestApi({ maxBodyBytes: 8 * 1024 * 1024 });
  tokens = await tokensFor(api.app, "la-903");
}, 120_000);
afterAll(async () => {
  await api.close();
});

async function upload(
  files: { path: string; bytes: Uint8Array | string }[],
  query: string,
  token = tokens.ingest,
): Promise<{ status: number; report: ImportReport; body: string }> {
  const form = new FormData();
  for (const f of files) form.append("file", new Blob([f.bytes]), f.path);
  const request = new Request("http://x/", { method: "POST", body: form });
  const response = await api.app.inject({
    method: "POST",
    url: `/v1/imports/ssda903${query}`,
    headers: { ...bearer(token), "content-type": request.headers.get("content-type") ?? "" },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  return { status: response.statusCode, report: response.json() as ImportReport, body: response.body };
}

async function value(indicator: string, period = "FY2017-18"): Promise<number | null> {
  const r = await api.app.inject({
    method: "GET",
    url: `/v1/indicators/${indicator}/values?from=${period}&to=${period}&window=year`,
    headers: bearer(tokens.read),
  });
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { values: { value: number | null }[] }).values[0]?.value ?? null;
}

async function recordCount(dataset: string): Promise<number> {
  const r = await api.app.inject({ method: "GET", url: "/v1/datasets", headers: bearer(tokens.read) });
  void r;
  return api.count("records", "la-903").then(async () => {
    const { queryRows } = await import("../src/db/database.js");
    const { sql } = await import("drizzle-orm");
    const [row] = await queryRows<{ n: number }>(
      api.app.database.db,
      sql`SELECT count(*)::int AS n FROM records WHERE organisation_id = 'la-903' AND dataset = ${dataset}`,
    );
    return row?.n ?? 0;
  });
}

/** The CSV rows of a d2i table as objects (these files have no quoted cells). */
function rows(table: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(d2i, `${table}.csv`), "utf8")
    .replace(/^\ufeff/, "")
    .trim()
    .split(/\r?\n/);
  const cols = (head ?? "").split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v])));
}
const iso = (dmy: string) => (dmy === "" ? "" : `${dmy.slice(6, 10)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`);

describe("POST /v1/imports/ssda903 on data-to-insight's fake return", () => {
  it("a dry run reports every table and writes nothing", async () => {
    const { status, report } = await upload(
      csvFiles.map((f) => ({ path: f, bytes: readFileSync(join(d2i, f)) })),
      "?year=2017-18&dry_run=true",
    );
    expect(status).toBe(200);
    expect(report.outcome).toBe("clean");
    expect(report.written).toEqual([]);
    expect(await api.count("records", "la-903")).toBe(0);
    const t = (name: string) => report.tables.find((x) => x.table === name);
    expect(t("episodes")).toMatchObject({ read: 5050, mapped: 5050, dropped: 0 });
    expect(t("reviews")).toMatchObject({ read: 12582, mapped: 12582, dropped: 0 });
    // 1,413 open episodes carry a REC (rule 148): kept as open, REC left empty.
    expect(t("episodes")?.by_rule.find((r) => r.rule === "148")).toEqual({
      rule: "148",
      kept: 1413,
      dropped: 0,
    });
  });

  it("imports the return in one go, and the figures match those worked out from the rows", async () => {
    const { status, report } = await upload(
      csvFiles.map((f) => ({ path: f, bytes: readFileSync(join(d2i, f)) })),
      "?year=2017-18",
    );
    expect(status, JSON.stringify(report.problems)).toBe(200);
    expect(report.outcome).toBe("clean");
    expect(report.written.find((w) => w.dataset === "cla_episodes")).toMatchObject({
      received: 5050,
      inserted: 5050,
    });
    expect(report.written.find((w) => w.dataset === "cla_reviews")).toMatchObject({ received: 12582 });

    // Worked out here from the CSV rows, independently of the product (short breaks V3/V4 excluded).
    const episodes = rows("episodes").filter((e) => e.LS !== "V3" && e.LS !== "V4");
    const ye = "2018-03-31";
    const ys = "2017-04-01";
    const open = new Set(
      episodes
        .filter((e) => iso(e.DECOM ?? "") <= ye && (e.DEC === "" || iso(e.DEC ?? "") > ye))
        .map((e) => e.CHILD),
    );
    const starts = new Set(
      episodes
        .filter((e) => e.RNE === "S" && iso(e.DECOM ?? "") >= ys && iso(e.DECOM ?? "") <= ye)
        .map((e) => e.CHILD),
    );
    const missing = new Set(
      rows("missing")
        .filter((m) => m.MISSING === "M" && iso(m.MIS_START ?? "") >= ys && iso(m.MIS_START ?? "") <= ye)
        .map((m) => m.CHILD),
    );
    const leavers = new Set(
      episodes
        .filter((e) => e.REC !== "X1" && iso(e.DEC ?? "") >= ys && iso(e.DEC ?? "") <= ye)
        .map((e) => e.CHILD),
    );
    // A placement in the 12 months to 31 March 2018: the episode open on 31 March 2017, or one starting
    // after it with reason S, P, B, T or U.
    const yearBefore = "2017-03-31";
    const placements = new Map<string, number>();
    for (const e of episodes) {
      const start = iso(e.DECOM ?? "");
      const end = iso(e.DEC ?? "");
      const openAtStart = start <= yearBefore && (end === "" || end > yearBefore);
      const startsIn = start > yearBefore && start <= ye && ["S", "P", "B", "T", "U"].includes(e.RNE ?? "");
      if (openAtStart || startsIn) placements.set(e.CHILD ?? "", (placements.get(e.CHILD ?? "") ?? 0) + 1);
    }
    const threePlus = [...open].filter((c) => (placements.get(c ?? "") ?? 0) >= 3).length;
    expect(open.size).toBe(1201);
    expect(starts.size).toBe(101);
    expect(await value("cla.count")).toBe(open.size);
    expect(await value("cla.starts")).toBe(starts.size);
    expect(await value("missing.care_children")).toBe(missing.size);
    expect(await value("cla.leavers")).toBe(leavers.size);
    expect(await value("cla.placements_3plus_pct")).toBeCloseTo((100 * threePlus) / open.size, 6);
  });

  it("imports the XML form of the return", async () => {
    const { report } = await upload(
      [{ path: "fake_903.xml", bytes: readFileSync(join(d2i, "fake_903.xml")) }],
      "?year=2018&dry_run=true",
    );
    expect(report.outcome, JSON.stringify(report.problems)).not.toBe("failed");
    expect(report.files[0]).toMatchObject({ format: "xml", encoding: "UTF-8" });
    const t = (name: string) => report.tables.find((x) => x.table === name);
    // Counted in fake_903.xml: 253 <CHILD>, 459 <EPISODE>, 1,206 <AREVIEW>, 6 <AMISSING>, 12 <UASC>1</UASC>.
    expect(t("header")?.read).toBe(253);
    expect(t("episodes")?.read).toBe(459);
    expect(t("reviews")?.read).toBe(1206);
    expect(t("missing")?.read).toBe(6);
    expect(t("uasc")?.read).toBe(12);
    expect(t("episodes")?.warnings[0]).toMatchObject({
      file: "fake_903.xml",
      element: expect.stringMatching(/^CHILD\[\d+\]\/EPISODE\[\d+\]$/),
    });
  });

  it("fails loudly on a whole-file problem and writes nothing", async () => {
    const before = await recordCount("cla_episodes");
    const text = readFileSync(join(d2i, "episodes.csv"), "utf8").replace(
      "PLACE,PLACE_PROVIDER",
      "PL,PLACE_PROVIDER",
    );
    const { report } = await upload(
      [
        { path: "episodes.csv", bytes: text },
        { path: "header.csv", bytes: readFileSync(join(d2i, "header.csv")) },
      ],
      "?year=2018",
    );
    expect(report.outcome).toBe("failed");
    expect(report.problems).toEqual([
      { file: "episodes.csv", message: expect.stringContaining("Rename the column PL to PLACE") },
    ]);
    expect(report.written).toEqual([]);
    expect(await recordCount("cla_episodes")).toBe(before);
  });

  it("with strict, writes nothing when a row would be dropped", async () => {
    const before = await recordCount("missing_episodes");
    const text =
      "CHILD,DOB,MISSING,MIS_START,MIS_END\nNEW1,01/01/2005,M,01/06/2017,\nNEW2,01/01/2005,X,01/06/2017,\n";
    const strict = await upload([{ path: "missing.csv", bytes: text }], "?year=2018&strict=true");
    expect(strict.report.outcome).toBe("failed");
    expect(strict.report.tables[0]?.drops[0]).toMatchObject({
      line: 3,
      columns: { CHILD: "NEW2", MISSING: "X" },
      rule: "1006",
    });
    expect(await recordCount("missing_episodes")).toBe(before);
    const partial = await upload([{ path: "missing.csv", bytes: text }], "?year=2018");
    expect(partial.report.outcome).toBe("partial");
    // A return replaces what was stored within its collection year (decision 130): every missing
    // episode stored so far lies in 2017-18 (the fake return's year, imported above with year=2018), so
    // that year's missing episodes become this file's one readable row, and the others are counted
    // as deleted.
    expect(await recordCount("missing_episodes")).toBe(1);
    expect(partial.report.written.find((w) => w.dataset === "missing_episodes")).toMatchObject({
      received: 1,
      deleted: before,
    });
  });

  it("merges a child's attributes field by field: the 903 header keeps a disability flag posted before", async () => {
    const post = await api.app.inject({
      method: "POST",
      url: "/v1/datasets/children/records",
      headers: { ...bearer(tokens.ingest), "content-type": "application/json" },
      payload: JSON.stringify({ records: [{ child_id: "M1", sex: "F", disabled: true }] }),
    });
    expect(post.statusCode).toBe(200);
    const { report } = await upload(
      [{ path: "header.csv", bytes: "CHILD,SEX,DOB,ETHNIC\nM1,2,01/02/1990,WBRI\n" }],
      "?year=2018",
    );
    expect(report.written).toEqual([
      { dataset: "children", received: 1, inserted: 0, updated: 1, unchanged: 0, deleted: 0 },
    ]);
    const { queryRows } = await import("../src/db/database.js");
    const { sql } = await import("drizzle-orm");
    const stored = await queryRows<{ data: Record<string, unknown> }>(
      api.app.database.db,
      sql`SELECT data FROM records WHERE organisation_id = 'la-903' AND dataset = 'children' AND data->>'date_of_birth' = '1990-02-01'`,
    );
    expect(stored.map((s) => ({ ...s.data, child_id: "…" }))).toEqual([
      {
        child_id: "…",
        sex: "F",
        date_of_birth: "1990-02-01",
        ethnicity: "WBRI",
        disabled: true,
        expected_date_of_birth: null,
        date_of_death: null,
        disabilities: null,
      },
    ]);
  });

  it("a corrected re-import updates the same records instead of adding new ones", async () => {
    const first = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\nR1,01/05/2017,S,C2,N1,U4,PR1,,\n";
    const corrected =
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\nR1,01/05/2017,S,C2,N1,U4,PR1,01/03/2018,E11\n";
    const a = await upload([{ path: "episodes.csv", bytes: first }], "?year=2018");
    expect(a.report.written[0]).toMatchObject({ inserted: 1 });
    const b = await upload([{ path: "episodes.csv", bytes: corrected }], "?year=2018");
    expect(b.report.written[0]).toMatchObject({ inserted: 0, updated: 1 });
  });

  it("the 903's new datasets are accepted by POST /v1/datasets/{dataset}/records too", async () => {
    const rows: Record<string, Record<string, unknown>> = {
      cla_reviews: { review_id: "RV1", child_id: "P1", review_date: "2019-10-01", participation: "PN1" },
      cla_outcomes: { child_id: "P1", as_at_date: "2020-03-31", sdq_score: 14, health_check: true },
      uasc: { child_id: "P1", ceased_date: "2028-05-01" },
      adoption_decisions: { child_id: "P1", decision_date: "2019-06-01" },
      adoptions: { child_id: "P1", match_date: "2019-11-01", adopters: 2 },
      previous_permanence: { child_id: "P1", arrangement: "Z1" },
      social_worker_episodes: { child_id: "P1", worker_id: "W1", start_date: "2019-06-01" },
    };
    for (const [dataset, row] of Object.entries(rows)) {
      const r = await api.app.inject({
        method: "POST",
        url: `/v1/datasets/${dataset}/records`,
        headers: { ...bearer(tokens.ingest), "content-type": "application/json" },
        payload: JSON.stringify({ records: [row] }),
      });
      expect(r.statusCode, `${dataset}: ${r.body}`).toBe(200);
      expect(r.json()).toMatchObject({ dataset, received: 1 });
    }
  });

  it("refuses a read-only token", async () => {
    const { status } = await upload(
      [{ path: "header.csv", bytes: "CHILD,SEX\n1,1\n" }],
      "?year=2018",
      tokens.read,
    );
    expect(status).toBe(403);
  });
});
