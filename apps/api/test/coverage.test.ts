import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDatasetRecords } from "../src/services/evaluation.js";
import { readDataVersion } from "../src/services/organisations.js";
import { currentSources } from "../src/services/sources.js";
import { decidedContacts } from "./support/contacts.js";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// Issue 11 through the API: sources recorded from batches, replace within a declared coverage,
// values outside coverage with no value, provenance in the responses.

let api: TestApi;
let a: Awaited<ReturnType<typeof tokensFor>>;

beforeAll(async () => {
  api = await startTestApi();
  a = await tokensFor(api.app, "default");
}, 60_000);
afterAll(async () => {
  await api.close();
});

function post(dataset: string, records: unknown[], query = "", headers: Record<string, string> = {}) {
  return api.app.inject({
    method: "POST",
    url: `/v1/datasets/${dataset}/records${query}`,
    headers: { ...bearer(a.ingest), "content-type": "application/json", ...headers },
    payload: JSON.stringify({ records }),
  });
}

async function value(id: string, period: string, window = "quarter", org = a) {
  const res = await api.app.inject({
    method: "GET",
    url: `/v1/indicators/${id}/values?to=${period}&window=${window}`,
    headers: bearer(org.read),
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as {
    values: { value: number | null; note: string | null; sources: string[] }[];
    sources: { id: string; name: string; kind: string; from: string; to: string }[];
  };
  const entry = body.values[0];
  if (entry === undefined) throw new Error("no entry");
  return { ...entry, cited: body.sources };
}

const episode = (
  id: string,
  child: string,
  start: string,
  end: string | null,
  reasonCeased: string | null,
) => ({
  episode_id: id,
  child_id: child,
  start_date: start,
  end_date: end,
  reason_new_episode: "S",
  legal_status: "C2",
  placement_type: "U1",
  placement_provider: "PR1",
  reason_ceased: reasonCeased,
});

const year = (from: number) =>
  `?mode=replace&source_kind=statutory&covers_from=${from}-04-01&covers_to=${from + 1}-03-31` +
  `&source_name=${encodeURIComponent(`SSDA903 return ${from}-${String(from + 1).slice(2)}`)}`;

// The 2017-18 return: A in care throughout, B in and out during the year, C open at 31 March
// (its episode ends on 1 Apr 2018, which only the 2018-19 return can say).
const return2017 = [
  episode("E1", "A", "2015-06-01", null, null),
  episode("E2", "B", "2017-05-10", "2017-11-20", "E13"),
  episode("E3", "C", "2016-02-01", null, null),
];
// The 2018-19 return: A still in care, C's episode closed on 1 Apr 2018 (adopted), D starts.
const return2018 = [
  episode("E1", "A", "2015-06-01", null, null),
  episode("E3", "C", "2016-02-01", "2018-04-01", "E11"),
  episode("E4", "D", "2018-06-01", null, null),
];
// The corrected 2017-18 return: B actually left on 1 Dec 2017, and F's short stay was missed.
const corrected2017 = [
  episode("E1", "A", "2015-06-01", null, null),
  episode("E2", "B", "2017-05-10", "2017-12-01", "E13"),
  episode("E3", "C", "2016-02-01", null, null),
  episode("E5", "F", "2017-09-01", "2017-10-15", "E13"),
];

describe("statutory returns replace what they cover", () => {
  it("records each return as a statutory source and says so in the batch response", async () => {
    const first = await post("cla_episodes", return2017, year(2017));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      mode: "replace",
      inserted: 3,
      deleted: 0,
      coverage: {
        dataset: "cla_episodes",
        kind: "statutory",
        name: "SSDA903 return 2017-18",
        from: "2017-04-01",
        to: "2018-03-31",
      },
    });
    const second = await post("cla_episodes", return2018, year(2018));
    expect(second.statusCode, second.body).toBe(200);
    // E1 unchanged, E3 closed (updated), E4 new; nothing of 2018-19 was there to delete (E2 ended in
    // 2017-18, so it is not within 2018-19 and stays).
    expect(second.json()).toMatchObject({ inserted: 1, updated: 1, unchanged: 1, deleted: 0 });
  });

  it("gives both years' figures, and none for the year before or after", async () => {
    // 31 Mar 2018: A and C (closed 1 Apr). 31 Mar 2019: A and D.
    expect((await value("cla.count", "FY2017-18-Q4")).value).toBe(2);
    expect((await value("cla.count", "FY2018-19-Q4")).value).toBe(2);
    // 2017-18: B left. 2018-19: C left (adopted on 1 Apr 2018).
    expect((await value("cla.leavers", "FY2017-18-Q4", "ytd")).value).toBe(1);
    expect((await value("cla.leavers", "FY2018-19-Q4", "ytd")).value).toBe(1);
    const note = "No value: care episodes are loaded for 1 Apr 2017 – 31 Mar 2019.";
    expect(await value("cla.count", "FY2019-20-Q4")).toMatchObject({ value: null, note });
    expect(await value("cla.starts", "FY2016-17-Q4", "ytd")).toMatchObject({ value: null, note });
  });

  it("cites the return a figure drew on, listed once with its name and span", async () => {
    const v = await value("cla.count", "FY2017-18-Q4");
    expect(v.cited).toEqual([
      expect.objectContaining({ name: "SSDA903 return 2017-18", kind: "statutory", from: "2017-04-01" }),
    ]);
    expect(v.sources).toEqual(v.cited.map((s) => s.id));
  });

  it("replaces only the first year's records with a corrected first year", async () => {
    const before = await recordsOf("cla_episodes");
    const res = await post("cla_episodes", corrected2017, year(2017));
    expect(res.statusCode, res.body).toBe(200);
    // E2 corrected, E5 added; E3 is reported open at 31 Mar 2018, but the 2018-19 return closed it on
    // 1 Apr 2018, after this return's span: it keeps its later end.
    expect(res.json()).toMatchObject({ inserted: 1, updated: 1, unchanged: 2, deleted: 0 });
    const after = await recordsOf("cla_episodes");
    expect(after.E3).toEqual(before.E3);
    expect(after.E4).toEqual(before.E4);
    expect(after.E2?.end_date).toBe("2017-12-01");
    // 2017-18: B and F left. 2018-19 as it was.
    expect((await value("cla.leavers", "FY2017-18-Q4", "ytd")).value).toBe(2);
    expect((await value("cla.leavers", "FY2018-19-Q4", "ytd")).value).toBe(1);
    expect((await value("cla.count", "FY2017-18-Q4")).value).toBe(2);
    expect((await value("cla.count", "FY2018-19-Q4")).value).toBe(2);
  });

  it("deletes a record within the corrected year that the correction leaves out, and nothing else", async () => {
    const res = await post(
      "cla_episodes",
      corrected2017.filter((e) => e.episode_id !== "E5"),
      year(2017),
    );
    expect(res.json()).toMatchObject({ deleted: 1, inserted: 0, updated: 0 });
    expect(Object.keys(await recordsOf("cla_episodes")).sort()).toEqual(["E1", "E2", "E3", "E4"]);
    expect((await value("cla.leavers", "FY2017-18-Q4", "ytd")).value).toBe(1);
    expect((await post("cla_episodes", corrected2017, year(2017))).json()).toMatchObject({ inserted: 1 });
  });

  it("changes nothing when the same returns are loaded again", async () => {
    const db = api.app.database.db;
    const version = await readDataVersion(db, "default");
    const sourcesBefore = await sourcesOf("cla_episodes");
    for (const [records, from] of [
      [corrected2017, 2017],
      [return2018, 2018],
    ] as const) {
      const res = await post("cla_episodes", [...records], year(from));
      expect(res.json()).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    }
    expect(await readDataVersion(db, "default")).toBe(version);
    expect(await sourcesOf("cla_episodes")).toEqual(sourcesBefore);
    expect(sourcesBefore.map((s) => s.name)).toEqual(["SSDA903 return 2017-18", "SSDA903 return 2018-19"]);
  });
});

describe("an extract as at a date", () => {
  it("makes the quarter's figures appear, and a quarter after its date has no value", async () => {
    const org = await tokensFor(api.app, "extracts");
    const referrals = [
      { referral_id: "R1", child_id: "X", referral_date: "2019-07-02", source: "6", nfa: false },
      { referral_id: "R2", child_id: "Y", referral_date: "2019-09-02", source: "6", nfa: false },
    ];
    const res = await api.app.inject({
      method: "POST",
      url: "/v1/datasets/referrals/records?as_of=2019-09-30&history_from=2019-04-01&source_name=quarterly%20extract",
      headers: { ...bearer(org.ingest), "content-type": "application/json" },
      payload: JSON.stringify({ records: referrals }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().coverage).toMatchObject({
      kind: "extract",
      name: "quarterly extract",
      from: "2019-04-01",
      to: "2019-09-30",
      as_of: "2019-09-30",
      history_from: "2019-04-01",
    });
    expect((await value("ffd.referrals", "FY2019-20-Q2", "quarter", org)).value).toBe(2);
    // Q1 had no referrals: a true 0, because the extract's history covers it.
    expect((await value("ffd.referrals", "FY2019-20-Q1", "quarter", org)).value).toBe(0);
    expect(await value("ffd.referrals", "FY2019-20-Q3", "quarter", org)).toMatchObject({
      value: null,
      note: "No value: referrals are loaded for 1 Apr 2019 – 30 Sep 2019.",
    });
    // The default period is the latest covered quarter.
    const latest = await api.app.inject({
      method: "GET",
      url: "/v1/indicators/ffd.referrals/values",
      headers: bearer(org.read),
    });
    expect(latest.json().values.map((v: { period: string }) => v.period)).toEqual(["FY2019-20-Q2"]);
  });
});

describe("posting without a declaration, as scripts written before coverage do", () => {
  it("still works: the coverage is inferred from the records and shown as inferred", async () => {
    const org = await tokensFor(api.app, "scripts");
    const res = await api.app.inject({
      method: "POST",
      url: "/v1/datasets/contacts/records",
      headers: { ...bearer(org.ingest), "content-type": "application/json" },
      payload: JSON.stringify({
        records: decidedContacts("S", ["2019-07-01", "2019-08-15", "2019-09-30", "2019-10-02"], 4),
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      inserted: 4,
      coverage: { kind: "inferred", from: "2019-07-01", to: "2019-10-02" },
    });
    expect(res.json().coverage.name).toMatch(/^contacts posted \d{1,2} \w{3} \d{4} \(inferred\)$/);
    expect((await value("ffd.contacts", "FY2019-20-Q2", "quarter", org)).value).toBe(3);
    expect((await value("ffd.contacts", "FY2019-20-Q3", "quarter", org)).note).toBe(
      "No value: contacts are loaded for 1 Jul 2019 – 2 Oct 2019.",
    );
    // A later undeclared batch that meets the inferred span joins it into one source.
    const more = await api.app.inject({
      method: "POST",
      url: "/v1/datasets/contacts/records",
      headers: { ...bearer(org.ingest), "content-type": "application/json" },
      payload: JSON.stringify({ records: decidedContacts("T", ["2019-10-03", "2019-12-31"], 2) }),
    });
    expect(more.json().coverage).toMatchObject({ kind: "inferred", from: "2019-07-01", to: "2019-12-31" });
    expect((await value("ffd.contacts", "FY2019-20-Q3", "quarter", org)).value).toBe(3);
    const list = await api.app.inject({ method: "GET", url: "/v1/datasets", headers: bearer(org.read) });
    const contacts = list.json().datasets.find((d: { name: string }) => d.name === "contacts");
    expect(contacts.coverage.spans).toEqual([{ from: "2019-07-01", to: "2019-12-31" }]);
    expect(contacts.coverage.sources).toHaveLength(1);
    expect(contacts.coverage.sources[0]).toMatchObject({ kind: "inferred", actor: "scripts-ingest" });
    expect(contacts.dating).toEqual({ kind: "events", field: "contact_date" });
  });
});

describe("declarations the API refuses", () => {
  it("names the parameter of a declaration that does not hold together", async () => {
    const res = await post("contacts", [], "?covers_from=2019-04-01");
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ field: "covers_to" })]);
  });

  it("refuses a coverage for a dataset that has none, and writes nothing", async () => {
    const before = await api.count("records", "default");
    const res = await post(
      "children",
      [{ child_id: "Z", sex: "F" }],
      "?covers_from=2019-04-01&covers_to=2019-06-30",
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ field: "covers_from" })]);
    expect(await api.count("records", "default")).toBe(before);
  });

  it("treats a retry with another declaration as a different request", async () => {
    const headers = { "idempotency-key": "coverage-retry-1" };
    const records = decidedContacts("K", ["2019-05-01"], 4);
    expect(
      (await post("contacts", records, "?covers_from=2019-04-01&covers_to=2019-06-30", headers)).statusCode,
    ).toBe(200);
    const retry = await post("contacts", records, "?covers_from=2019-04-01&covers_to=2019-05-31", headers);
    expect(retry.statusCode).toBe(422);
    expect(retry.json().error.code).toBe("idempotency_key_reused");
  });
});

async function recordsOf(dataset: string): Promise<Record<string, Record<string, unknown>>> {
  const all = (await loadDatasetRecords(api.app.database.db, "default")) as unknown as Record<
    string,
    Record<string, unknown>[]
  >;
  return Object.fromEntries((all[dataset] ?? []).map((r) => [String(r.episode_id), r]));
}

function sourcesOf(dataset: "cla_episodes") {
  return currentSources(api.app.database.db, "default", dataset);
}

describe("the OpenAPI document", () => {
  it("documents the declaration, the coverage recorded, and provenance in values, series and reports", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/openapi.json" })).json();
    const post = doc.paths["/v1/datasets/{dataset}/records"].post;
    expect(
      post.parameters.filter((p: { in: string }) => p.in === "query").map((p: { name: string }) => p.name),
    ).toEqual(["mode", "covers_from", "covers_to", "as_of", "history_from", "source_name", "source_kind"]);
    const ok = (path: string, method = "get") =>
      doc.paths[path][method].responses["200"].content["application/json"].schema;
    expect(Object.keys(ok("/v1/datasets/{dataset}/records", "post").properties)).toContain("coverage");
    const values = ok("/v1/indicators/{id}/values");
    expect(Object.keys(values.properties)).toContain("sources");
    expect(Object.keys(values.properties.sources.items.properties)).toEqual([
      "id",
      "dataset",
      "kind",
      "name",
      "from",
      "to",
      "as_of",
      "history_from",
      "received_at",
    ]);
    expect(Object.keys(values.properties.values.items.properties)).toContain("sources");
    expect(Object.keys(ok("/v1/series").properties)).toContain("sources");
    expect(Object.keys(ok("/v1/reports/{period}").properties)).toContain("sources");
    const dataset = ok("/v1/datasets").properties.datasets.items.properties;
    expect(Object.keys(dataset.coverage.properties)).toEqual(["spans", "sources"]);
  });
});
