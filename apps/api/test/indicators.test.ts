import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

type Tokens = Awaited<ReturnType<typeof tokensFor>>;

let api: TestApi;
let a: Tokens;
let b: Tokens;
let contactNumber = 0;

/** `count` contacts made and decided on `date` at `level` (null: undecided), each for a new child. */
function contacts(date: string, count: number, level: number | null, source = "8") {
  return Array.from({ length: count }, () => {
    contactNumber += 1;
    return {
      contact_id: `K${contactNumber}`,
      child_id: `CH${contactNumber}`,
      contact_date: date,
      source,
      decision_date: level === null ? null : date,
      level_of_need: level,
    };
  });
}

async function post(token: string, dataset: string, records: unknown[], query = "") {
  const res = await api.app.inject({
    method: "POST",
    url: `/v1/datasets/${dataset}/records${query}`,
    headers: { ...bearer(token), "content-type": "application/json" },
    payload: JSON.stringify({ records }),
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function get(token: string | null, url: string) {
  return api.app.inject({ method: "GET", url, headers: token === null ? {} : bearer(token) });
}

beforeAll(async () => {
  api = await startTestApi();
  a = await tokensFor(api.app, "default");
  b = await tokensFor(api.app, "org-b");
  // Organisation A. Q2 2018-19: 2 of 10 decided contacts at level 4. Q1 2019-20: 4 of 10.
  // Q2 2019-20: 9 of 20 (plus one undecided, which is not in the denominator). The batch is every
  // contact from 1 Apr 2018 to 30 Sep 2019, and says so.
  await post(
    a.ingest,
    "contacts",
    [
      ...contacts("2018-08-15", 2, 4),
      ...contacts("2018-08-15", 8, 2),
      ...contacts("2019-05-10", 4, 4),
      ...contacts("2019-05-10", 6, 1),
      ...contacts("2019-08-20", 9, 4, "2A"),
      ...contacts("2019-08-20", 11, 3, "6"),
      ...contacts("2019-09-02", 1, null),
    ],
    "?covers_from=2018-04-01&covers_to=2019-09-30",
  );
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe("GET /v1/indicators", () => {
  it("lists the catalogue with what staff need to read it", async () => {
    const res = await get(a.read, "/v1/indicators");
    expect(res.statusCode).toBe(200);
    const swa = res.json().indicators.find((i: { id: string }) => i.id === "ffd.contacts_swa_pct");
    expect(swa).toMatchObject({ section: "ffd", unit: "percent", polarity: "high", kind: "flow" });
    expect(swa.title).toContain("social work assessment");
    expect(swa.definition.length).toBeGreaterThan(0);
  });

  it("includes local indicators posted as observations", async () => {
    await post(a.ingest, "observations", [
      { indicator_id: "local.panels", period: "FY2019-20-Q1", value: 12 },
      { indicator_id: "local.panels", period: "FY2019-20-Q2", value: 15 },
    ]);
    const list = await get(a.read, "/v1/indicators");
    expect(list.json().indicators.find((i: { id: string }) => i.id === "local.panels")).toMatchObject({
      section: "local",
      unit: "count",
      source: "observations",
    });
    const ytd = await get(a.read, "/v1/indicators/local.panels/values?to=FY2019-20-Q2&window=ytd");
    expect(ytd.json().values[0].value).toBe(27);
    expect(
      (await get(b.read, "/v1/indicators"))
        .json()
        .indicators.some((i: { id: string }) => i.id === "local.panels"),
    ).toBe(false);
  });

  it("needs a token", async () => {
    expect((await get(null, "/v1/indicators")).statusCode).toBe(401);
    expect((await get("kpi_not-a-real-token", "/v1/indicators")).statusCode).toBe(401);
  });
});

describe("GET /v1/indicators/:id/values", () => {
  it("defaults to the latest quarter with data and gives hand-checked figures", async () => {
    const res = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/values");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.indicator).toBe("ffd.contacts_swa_pct");
    expect(body.window).toBe("quarter");
    expect(body.values).toHaveLength(1);
    const [q2] = body.values;
    expect(q2.period).toBe("FY2019-20-Q2");
    expect(q2.value).toBeCloseTo(45, 6);
    expect(q2.numerator).toBe(9);
    expect(q2.denominator).toBe(20);
    // Wilson 95% for 9/20 by hand: (18 + z² ∓ z√(z² + 4·9·0.55)) / (2(20 + z²)).
    expect(q2.ci.lower).toBeCloseTo(25.819785825562423, 6);
    expect(q2.ci.upper).toBeCloseTo(65.79146575496577, 6);
    expect(q2.ci).toMatchObject({ level: 0.95, method: "wilson" });
    // The catalogue's default target: 60%, amber from 57.
    expect(q2.target).toBe(60);
    expect(q2.status).toBe("red");
    expect(q2.comparisons.previous_period).toMatchObject({ period: "FY2019-20-Q1", significant: false });
    expect(q2.comparisons.previous_period.change).toBeCloseTo(5, 6);
    // 2/10 → [5.67, 50.98] overlaps [25.82, 65.79]: not significant.
    expect(q2.comparisons.same_period_last_year).toMatchObject({
      period: "FY2018-19-Q2",
      significant: false,
    });
    expect(q2.comparisons.same_period_last_year.value).toBeCloseTo(20, 6);
    expect(q2.note).toBeNull();
  });

  it("returns a range oldest first, year-to-date windows and breakdowns", async () => {
    const range = await get(
      a.read,
      "/v1/indicators/ffd.contacts_swa_pct/values?from=FY2019-20-Q1&to=FY2019-20-Q2",
    );
    expect(range.json().values.map((v: { value: number }) => v.value)).toEqual([40, 45]);
    const ytd = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/values?to=FY2019-20-Q2&window=ytd");
    // (4 + 9) / (10 + 20).
    expect(ytd.json().values[0].value).toBeCloseTo((13 / 30) * 100, 6);
    const by = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/values?by=source");
    const groups = by.json().values[0].groups;
    expect(groups.find((g: { key: string }) => g.key === "2A")).toMatchObject({
      numerator: 9,
      denominator: 9,
    });
    expect(groups.find((g: { key: string }) => g.key === "6")).toMatchObject({
      numerator: 0,
      denominator: 11,
    });
  });

  it("rejects an unknown indicator and bad periods, windows and breakdowns by field", async () => {
    expect((await get(a.read, "/v1/indicators/ffd.nope/values")).statusCode).toBe(404);
    const badWindow = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/values?window=weekly");
    expect(badWindow.statusCode).toBe(422);
    expect(badWindow.json().error.code).toBe("validation_failed");
    const wrongKind = await get(
      a.read,
      "/v1/indicators/ffd.contacts_swa_pct/values?from=2019-08&to=FY2019-20-Q2",
    );
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().error.issues).toEqual([expect.objectContaining({ field: "from" })]);
    const reversed = await get(
      a.read,
      "/v1/indicators/ffd.contacts_swa_pct/values?from=FY2019-20-Q2&to=FY2019-20-Q1",
    );
    expect(reversed.statusCode).toBe(422);
    const badBy = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/values?by=colour");
    expect(badBy.statusCode).toBe(422);
    expect(badBy.json().error.issues).toEqual([expect.objectContaining({ field: "by" })]);
  });

  it("reflects a new batch as soon as its response is sent", async () => {
    const before = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/values?to=FY2019-20-Q2");
    expect(before.json().values[0].value).toBeCloseTo(45, 6);
    await post(a.ingest, "contacts", contacts("2019-09-10", 10, 4));
    const after = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/values?to=FY2019-20-Q2");
    // (9 + 10) / (20 + 10).
    expect(after.json().values[0].value).toBeCloseTo((19 / 30) * 100, 6);
    expect(after.json().values[0].status).toBe("green");
  });

  it("never shows one organisation's values to another", async () => {
    const latest = await get(b.read, "/v1/indicators/ffd.contacts_swa_pct/values");
    expect(latest.statusCode).toBe(200);
    expect(latest.json().values).toEqual([]);
    const q2 = await get(b.read, "/v1/indicators/ffd.contacts_swa_pct/values?to=FY2019-20-Q2");
    expect(q2.json().values[0].value).toBeNull();
    expect(q2.json().values[0].note).toEqual(expect.any(String));
  });
});

describe("targets", () => {
  const url = "/v1/indicators/cin.count/targets/FY2019-20";

  it("lets analysts and admins set a target per financial year, kept with who and when", async () => {
    const put = (
      token: string,
      body: unknown,
      path = "/v1/indicators/ffd.contacts_swa_pct/targets/FY2019-20",
    ) => api.app.inject({ method: "PUT", url: path, headers: bearer(token), payload: body as object });
    expect((await put(a.read, { value: 50 })).statusCode).toBe(403);
    expect((await put(a.ingest, { value: 50 })).statusCode).toBe(403);
    const first = await put(a.analyst, { value: 70, tolerance: 2 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      indicator: "ffd.contacts_swa_pct",
      financial_year: "FY2019-20",
      target: { value: 70, tolerance: 2 },
      set_by: "default-analyst",
    });
    expect(Number.isNaN(Date.parse(first.json().set_at))).toBe(false);
    // 63.3% against 70 with tolerance 2: red. Then against a range of [60, 65]: green.
    const red = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/values?to=FY2019-20-Q2");
    expect(red.json().values[0]).toMatchObject({ target: 70, status: "red" });
    expect((await put(a.admin, { range: [60, 65] })).statusCode).toBe(200);
    const green = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/values?to=FY2019-20-Q2");
    expect(green.json().values[0]).toMatchObject({ target: [60, 65], status: "green" });
    // Another year keeps the catalogue's default of 60.
    const lastYear = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/values?to=FY2018-19-Q2");
    expect(lastYear.json().values[0].target).toBe(60);

    const history = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct/targets");
    expect(history.statusCode).toBe(200);
    expect(
      history.json().history.map((h: { target: unknown; set_by: string }) => [h.target, h.set_by]),
    ).toEqual([
      [{ range: [60, 65] }, "default-admin"],
      [{ value: 70, tolerance: 2 }, "default-analyst"],
    ]);
    // Organisation B sees none of it.
    const other = await get(b.read, "/v1/indicators/ffd.contacts_swa_pct/targets");
    expect(other.json().history).toEqual([]);
  });

  it("rejects bad years, bodies and unknown indicators", async () => {
    const put = (path: string, body: unknown) =>
      api.app.inject({ method: "PUT", url: path, headers: bearer(a.analyst), payload: body as object });
    const badYear = await put("/v1/indicators/cin.count/targets/2019-20", { value: 1 });
    expect(badYear.statusCode).toBe(422);
    expect(badYear.json().error.issues).toEqual([expect.objectContaining({ field: "financial_year" })]);
    expect((await put(url, { value: "high" })).statusCode).toBe(422);
    expect((await put(url, { range: [9, 1] })).statusCode).toBe(422);
    // No value of the unit can reach it: a negative count, a percentage above 100.
    const negative = await put(url, { value: -3 });
    expect(negative.statusCode).toBe(422);
    expect(negative.json().error.issues).toEqual([
      { field: "value", message: "The target must be a count, 0 or more" },
    ]);
    const over = await put("/v1/indicators/ffd.contacts_swa_pct/targets/FY2017-18", { range: [90, 150] });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.issues).toEqual([
      { field: "range", message: "The target must be a percentage, between 0 and 100" },
    ]);
    expect((await put("/v1/indicators/ffd.nope/targets/FY2019-20", { value: 1 })).statusCode).toBe(404);
  });

  it("lists every indicator's targets in one response, in force for a year (GET /v1/targets)", async () => {
    type Entry = {
      indicator: { id: string };
      default_target: unknown;
      targets: unknown;
      in_force: unknown;
      last_change: unknown;
    };
    const all = await get(a.read, "/v1/targets");
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json() as { financial_year: string; latest_quarter: string; indicators: Entry[] };
    // The latest contact is of 2 Sep 2019: Q2 2019-20, so the year shown is 2019-20.
    expect(body.latest_quarter).toBe("FY2019-20-Q2");
    expect(body.financial_year).toBe("FY2019-20");
    const listed = (await get(a.read, "/v1/indicators")).json().indicators as { id: string }[];
    expect(body.indicators.map((e) => e.indicator.id)).toEqual(listed.map((i) => i.id));
    const swa = (entries: Entry[]) => entries.find((e) => e.indicator.id === "ffd.contacts_swa_pct");
    // Set by the first test of this block for 2019-20 (the range replaced 70 ± 2); the default is 60.
    expect(swa(body.indicators)).toMatchObject({
      default_target: { value: 60 },
      targets: { "FY2019-20": { range: [60, 65] } },
      in_force: { range: [60, 65] },
      last_change: { financial_year: "FY2019-20", target: { range: [60, 65] }, set_by: "default-admin" },
    });
    expect(body.indicators.find((e) => e.indicator.id === "cin.count")?.last_change).toBeNull();
    const lastYear = (await get(a.read, "/v1/targets?financial_year=FY2018-19")).json();
    expect(lastYear.financial_year).toBe("FY2018-19");
    expect(swa(lastYear.indicators)?.in_force).toEqual(swa(lastYear.indicators)?.default_target);
    // Organisation B has set nothing: its default is in force; it has no data, so no year is chosen.
    const other = (await get(b.read, "/v1/targets?financial_year=FY2019-20")).json();
    expect(swa(other.indicators)).toMatchObject({ targets: {}, in_force: { value: 60 }, last_change: null });
    const none = (await get(b.read, "/v1/targets")).json();
    expect(none).toMatchObject({ financial_year: null, latest_quarter: null });
    expect(swa(none.indicators)?.in_force).toBeNull();
    const bad = await get(a.read, "/v1/targets?financial_year=2019-20");
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.issues).toEqual([expect.objectContaining({ field: "financial_year" })]);
    expect((await get(null, "/v1/targets")).statusCode).toBe(401);
  });
});

describe("OpenAPI", () => {
  it("documents the indicator and report routes", async () => {
    const res = await get(null, "/openapi.json");
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/v1/indicators",
        "/v1/indicators/{id}",
        "/v1/indicators/{id}/values",
        "/v1/indicators/{id}/targets",
        "/v1/indicators/{id}/targets/{financial_year}",
        "/v1/reports/{period}",
        "/v1/reports/{period}/sections/{section}/analysis",
        "/v1/reports/{period}/sections/{section}/analysis/history",
      ]),
    );
  });
});

describe("GET /v1/indicators/:id", () => {
  it("gives the definition with its targets and trend", async () => {
    const res = await get(a.read, "/v1/indicators/ffd.contacts_swa_pct");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.indicator.id).toBe("ffd.contacts_swa_pct");
    expect(body.default_target).toEqual({ value: 60 });
    expect(body.targets).toEqual({ "FY2019-20": { range: [60, 65] } });
    expect(body.target_history).toHaveLength(2);
    expect(body.analysis.period).toBe("FY2019-20-Q2");
    // Q3 and Q4 2018-19 have no contacts, so the five-quarter trend cannot be calculated.
    expect(body.analysis.trend.periods).toEqual([
      "FY2018-19-Q2",
      "FY2018-19-Q3",
      "FY2018-19-Q4",
      "FY2019-20-Q1",
      "FY2019-20-Q2",
    ]);
    expect(body.analysis.trend.direction).toBe("cannot_calculate");
    expect((await get(a.read, "/v1/indicators/ffd.nope")).statusCode).toBe(404);
  });
});
