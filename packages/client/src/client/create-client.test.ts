import { describe, expect, it } from "vitest";
import { KpiClientError } from "../errors/kpi-client-error.js";
import { createClient } from "./create-client.js";

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

type Reply = Response | Error | ((call: Call) => Response | Error | Promise<Response>);

/** A fetch that records each call and answers from a script (the last answer repeats). */
function fakeFetch(replies: Reply[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const call: Call = {
      url: String(input),
      method: init?.method ?? "GET",
      headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>)),
      body: typeof init?.body === "string" ? init.body : undefined,
    };
    calls.push(call);
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
    const value = typeof reply === "function" ? await reply(call) : reply;
    if (value instanceof Error) throw value;
    if (value === undefined) throw new Error("no scripted reply");
    return value;
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function batchOk(call: Call): Response {
  const records = (JSON.parse(call.body ?? "{}") as { records: unknown[] }).records;
  return json(200, {
    batch_id: `b${Math.random()}`,
    dataset: "children",
    mode: "upsert",
    received: records.length,
    inserted: records.length,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    coverage: null,
  });
}

const child = (i: number) => ({ child_id: `C${i}`, date_of_birth: "2010-05-01", sex: "F" });
const clientWith = (f: typeof fetch, extra: { retries?: number; timeoutMs?: number } = {}) =>
  createClient({ baseUrl: "http://api.test", token: "secret-token", fetch: f, retryBaseMs: 0, ...extra });

describe("createClient().ingest", () => {
  it("re-sends the same Idempotency-Key and body after a dropped connection", async () => {
    const { fetch, calls } = fakeFetch([new TypeError("fetch failed"), batchOk]);
    const summary = await clientWith(fetch).ingest("children", [child(1), child(2)]);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.headers["idempotency-key"]).toBeDefined();
    expect(calls[1]?.headers["idempotency-key"]).toBe(calls[0]?.headers["idempotency-key"]);
    expect(calls[1]?.body).toBe(calls[0]?.body);
    expect(calls[0]?.url).toBe("http://api.test/v1/datasets/children/records?mode=upsert");
    expect(calls[0]?.headers.authorization).toBe("Bearer secret-token");
    expect(summary).toMatchObject({ received: 2, inserted: 2 });
  });

  it("cuts 12 rows into requests of 5, 5 and 2 rows with different keys and sums the counts", async () => {
    const { fetch, calls } = fakeFetch([batchOk]);
    const rows = Array.from({ length: 12 }, (_, i) => child(i));
    const progress: number[] = [];
    const summary = await clientWith(fetch).ingest("children", rows, {
      batchSize: 5,
      onBatch: (p) => progress.push(p.rows),
    });
    const sizes = calls.map((c) => (JSON.parse(c.body ?? "") as { records: unknown[] }).records.length);
    expect(sizes).toEqual([5, 5, 2]);
    expect(new Set(calls.map((c) => c.headers["idempotency-key"])).size).toBe(3);
    expect(progress).toEqual([5, 10, 12]);
    expect(summary).toMatchObject({ received: 12, inserted: 12, updated: 0, unchanged: 0 });
    expect(summary.batches).toHaveLength(3);
  });

  it("numbers the issues of a failed batch in the whole input and locates them in the file", async () => {
    const rejected = json(422, {
      error: {
        code: "validation_failed",
        message: "1 row is invalid; nothing was written",
        issues: [{ row: 1, field: "sex", message: "sex: must be one of M, F, U (got 'X')" }],
        issue_count: 1,
      },
    });
    const { fetch } = fakeFetch([batchOk, rejected]);
    const rows = Array.from({ length: 8 }, (_, i) => child(i));
    const error = await clientWith(fetch)
      .ingest("children", rows, {
        batchSize: 5,
        locate: (row) => ({ file: "children.csv", line: row + 2, index: row }),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpiClientError);
    const e = error as KpiClientError;
    expect(e.code).toBe("validation_failed");
    expect(e.status).toBe(422);
    expect(e.issues).toEqual([
      {
        row: 6,
        field: "sex",
        message: "sex: must be one of M, F, U (got 'X')",
        source: { file: "children.csv", line: 8, index: 6 },
      },
    ]);
    expect(e.completed).toHaveLength(1);
    expect(e.completed[0]?.inserted).toBe(5);
    expect(e.message).toContain("1 earlier batch was already written");
  });

  it("refuses mode=replace over more than one batch before sending anything", async () => {
    const { fetch, calls } = fakeFetch([batchOk]);
    const rows = Array.from({ length: 6 }, (_, i) => child(i));
    const error = await clientWith(fetch)
      .ingest("children", rows, { mode: "replace", batchSize: 5 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "replace_needs_single_batch", status: null });
    expect(calls).toHaveLength(0);
  });

  it("sends mode=replace when the input fits in one batch", async () => {
    const { fetch, calls } = fakeFetch([batchOk]);
    await clientWith(fetch).ingest("children", [child(1)], { mode: "replace" });
    expect(calls[0]?.url).toContain("mode=replace");
  });

  it("sends CSV cell text as text/csv when asked", async () => {
    const { fetch, calls } = fakeFetch([
      json(200, {
        batch_id: "b",
        dataset: "children",
        mode: "upsert",
        received: 1,
        inserted: 1,
        updated: 0,
        unchanged: 0,
        deleted: 0,
        coverage: null,
      }),
    ]);
    await clientWith(fetch).ingest("children", [{ child_id: "C1", date_of_birth: "01/05/2010", sex: "F" }], {
      format: "csv",
    });
    expect(calls[0]?.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(calls[0]?.body).toBe("child_id,date_of_birth,sex\r\nC1,01/05/2010,F\r\n");
  });

  it("sends nothing for an empty input", async () => {
    const { fetch, calls } = fakeFetch([batchOk]);
    const summary = await clientWith(fetch).ingest("children", []);
    expect(calls).toHaveLength(0);
    expect(summary.received).toBe(0);
  });

  it("gives up with network_error after the allowed retries", async () => {
    const { fetch, calls } = fakeFetch([new TypeError("fetch failed")]);
    const error = await clientWith(fetch, { retries: 2 })
      .ingest("children", [child(1)])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "network_error", status: null });
    expect(calls).toHaveLength(3);
  });
});

describe("createClient reads", () => {
  const series = {
    indicator: "ffd.contacts_swa_pct",
    window: "quarter",
    values: [
      {
        period: "FY2019-20-Q2",
        label: "Jul–Sep 2019",
        value: 47.45856,
        numerator: 859,
        denominator: 1810,
        unit: "percent",
        ci: { lower: 45.17, upper: 49.76, level: 0.95, method: "wilson" },
        target: 60,
        status: "red",
        comparisons: { previous_period: null, same_period_last_year: null },
        benchmarks: [],
        quartile: null,
        note: null,
        extras: {},
        sources: ["s1"],
      },
    ],
    sources: [
      {
        id: "s1",
        dataset: "contacts",
        kind: "extract",
        name: "nightly extract at 30 Sep 2019",
        from: "2015-04-01",
        to: "2019-09-30",
        as_of: "2019-09-30",
        history_from: "2015-04-01",
        received_at: "2019-10-01T02:00:00.000Z",
      },
    ],
  };

  it("passes the values query and parses the answer", async () => {
    const { fetch, calls } = fakeFetch([json(200, series)]);
    const values = await clientWith(fetch).values("ffd.contacts_swa_pct", {
      from: "FY2019-20-Q1",
      to: "FY2019-20-Q2",
      window: "quarter",
    });
    expect(calls[0]?.url).toBe(
      "http://api.test/v1/indicators/ffd.contacts_swa_pct/values?from=FY2019-20-Q1&to=FY2019-20-Q2&window=quarter",
    );
    expect(values.values[0]?.numerator).toBe(859);
  });

  it("retries a read after 503, 408 and 429, honouring the answer when it comes", async () => {
    const { fetch, calls } = fakeFetch([
      json(503, { error: { code: "unavailable", message: "starting" } }),
      json(408, { error: { code: "request_timeout", message: "the body stalled" } }),
      json(429, { error: { code: "rate_limited", message: "slow down" } }, { "retry-after": "0" }),
      json(200, series),
    ]);
    const values = await clientWith(fetch).values("ffd.contacts_swa_pct");
    expect(calls).toHaveLength(4);
    expect(values.indicator).toBe("ffd.contacts_swa_pct");
  });

  it("does not retry a 404 and reports the API's code and message", async () => {
    const { fetch, calls } = fakeFetch([
      json(404, { error: { code: "not_found", message: "Unknown indicator" } }),
    ]);
    const error = await clientWith(fetch)
      .values("nope")
      .catch((e: unknown) => e);
    expect(calls).toHaveLength(1);
    expect(error).toBeInstanceOf(KpiClientError);
    expect(error).toMatchObject({ code: "not_found", status: 404, message: "Unknown indicator" });
  });

  it("gives the API's Retry-After with a 429 it does not retry", async () => {
    const { fetch } = fakeFetch([
      json(
        429,
        { error: { code: "rate_limited", message: "Too many requests; try again in 42 seconds" } },
        { "retry-after": "42" },
      ),
    ]);
    const error = await clientWith(fetch, { retries: 0 })
      .values("ffd.contacts_swa_pct")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 42 });
    const { fetch: plain } = fakeFetch([json(404, { error: { code: "not_found", message: "Unknown" } })]);
    const without = await clientWith(plain)
      .values("nope")
      .catch((e: unknown) => e);
    expect(without).toMatchObject({ retryAfterSeconds: null });
  });

  it("says so when the server is not the API", async () => {
    const { fetch } = fakeFetch([new Response("<html>Bad gateway</html>", { status: 502 })]);
    const error = await clientWith(fetch, { retries: 0 })
      .report("FY2019-20-Q2")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_response", status: 502 });
  });

  it("times out an attempt that never answers", async () => {
    const hang = (_: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    const error = await clientWith(hang as typeof fetch, { retries: 0, timeoutMs: 10 })
      .datasets()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "timeout", status: null });
  });

  it("types and parses the batches list, passing the dataset and page size", async () => {
    const batch = {
      id: "b1",
      dataset: "contacts",
      mode: "replace",
      actor: "nightly load",
      token_id: "0b0e7c1e-9a1f-4a53-8f43-4d6ad2c5f1a0",
      received: 1810,
      inserted: 12,
      updated: 3,
      unchanged: 1795,
      deleted: 4,
      created_at: "2019-10-01T02:00:00.000Z",
    };
    const { fetch, calls } = fakeFetch([json(200, { batches: [batch] })]);
    const list = await clientWith(fetch).batches({ dataset: "contacts", limit: 1 });
    expect(calls[0]?.url).toBe("http://api.test/v1/batches?dataset=contacts&limit=1");
    expect(list.batches[0]?.mode).toBe("replace");
    expect(list.batches[0]?.unchanged).toBe(1795);
  });

  it("types and parses data-quality findings, the indicator catalogue and the datasets", async () => {
    const finding = {
      check: "overlapping_cla_episodes",
      severity: "error",
      dataset: "cla_episodes",
      keys: ["k1", "k2"],
      message: "Two care episodes of one child overlap",
    };
    const indicator = {
      id: "ffd.contacts_swa_pct",
      title: "Contacts progressing to social work assessment",
      section: "front_door",
      unit: "percent",
      polarity: "high",
      kind: "flow",
      definition: "Contacts whose outcome was a social work assessment",
      numerator: "contacts progressing to assessment",
      denominator: "contacts",
      breakdowns: ["source"],
      decimals: 1,
      dfe_comparable: false,
      source: "records",
    };
    const dataset = {
      name: "children",
      title: "Children",
      description: "One row per child",
      key: ["child_id"],
      person_fields: ["child_id"],
      date_fields: ["date_of_birth"],
      dating: { kind: "undated", field: null },
      fields: [{ name: "sex", type: "code", required: true, description: "Sex", codes: [] }],
      coverage: { spans: [], sources: [] },
    };
    const { fetch, calls } = fakeFetch([
      json(200, { as_at: "2019-09-30", findings: [finding] }),
      json(200, { indicators: [indicator] }),
      json(200, { datasets: [dataset] }),
    ]);
    const client = clientWith(fetch);
    const quality = await client.dataQuality({ asAt: "2019-09-30" });
    const catalogue = await client.indicators();
    const datasets = await client.datasets();
    expect(calls.map((c) => c.url)).toEqual([
      "http://api.test/v1/data-quality?as_at=2019-09-30",
      "http://api.test/v1/indicators",
      "http://api.test/v1/datasets",
    ]);
    expect(quality.findings[0]?.severity).toBe("error");
    expect(catalogue.indicators[0]?.polarity).toBe("high");
    expect(datasets.datasets[0]?.key).toEqual(["child_id"]);
  });

  it("rejects an answer that does not match the API's contract as invalid_response", async () => {
    const wrongUnit = { ...series, values: [{ ...series.values[0], unit: "furlongs" }] };
    const { fetch } = fakeFetch([json(200, wrongUnit)]);
    const error = await clientWith(fetch)
      .values("ffd.contacts_swa_pct")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_response", status: 200 });
  });

  it("reports an error code newer than this client with the API's status and message", async () => {
    const { fetch } = fakeFetch([
      json(409, { error: { code: "report_locked", message: "Q2 is signed off" } }),
    ]);
    const error = await clientWith(fetch)
      .report("FY2019-20-Q2")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "report_locked", status: 409, message: "Q2 is signed off" });
  });

  it("refuses a base URL that is not http(s)", () => {
    expect(() => createClient({ baseUrl: "ftp://x", token: "t" })).toThrow(KpiClientError);
  });
});

describe("createClient().ingest with a coverage", () => {
  it("declares it on every batch, as query parameters, and keys each batch by it", async () => {
    const { fetch, calls } = fakeFetch([batchOk, batchOk, batchOk]);
    const client = clientWith(fetch);
    const rows = [child(1), child(2)];
    const summary = await client.ingest("children", rows, {
      coverage: { from: "2018-04-01", to: "2019-03-31", kind: "statutory", name: "SSDA903 return 2018-19" },
    });
    expect(summary.coverage).toBeNull();
    await client.ingest("children", rows, { coverage: { asOf: "2019-09-30", historyFrom: "2015-04-01" } });
    await client.ingest("children", rows);
    expect(calls.map((c) => c.url)).toEqual([
      "http://api.test/v1/datasets/children/records?mode=upsert&covers_from=2018-04-01&covers_to=2019-03-31&source_kind=statutory&source_name=SSDA903+return+2018-19",
      "http://api.test/v1/datasets/children/records?mode=upsert&as_of=2019-09-30&history_from=2015-04-01",
      "http://api.test/v1/datasets/children/records?mode=upsert",
    ]);
    const keys = calls.map((c) => c.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(3);
  });

  it("sends an empty replace with a coverage (the period holds no records), and nothing otherwise", async () => {
    const { fetch, calls } = fakeFetch([batchOk]);
    const client = clientWith(fetch);
    await client.ingest("children", []);
    await client.ingest("children", [], {
      mode: "replace",
      coverage: { from: "2019-04-01", to: "2019-06-30" },
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toBe('{"records":[]}');
  });
});

describe("createClient organisations", () => {
  // Worcestershire as DfE's b1_children_in_need_2013_to_2025.csv names it (885, E10000034).
  const worcs = {
    id: "worcs",
    name: "Worcestershire",
    created_at: "2026-12-04T09:00:00.000Z",
    authority: {
      old_la_code: "885",
      new_la_code: "E10000034",
      la_name: "Worcestershire",
      region_code: "E12000005",
      region_name: "West Midlands",
    },
  };

  it("reads an organisation by its id", async () => {
    const { fetch, calls } = fakeFetch([json(200, worcs)]);
    const organisation = await clientWith(fetch).organisation("worcs");
    expect(calls[0]).toMatchObject({ url: "http://api.test/v1/organisations/worcs", method: "GET" });
    expect(organisation.authority?.region_name).toBe("West Midlands");
  });

  it("sets the authority with PATCH and a JSON body, and clears it with null", async () => {
    const { fetch, calls } = fakeFetch([json(200, worcs), json(200, { ...worcs, authority: null })]);
    const client = clientWith(fetch);
    expect((await client.setOrganisationAuthority("worcs", "E10000034")).authority?.old_la_code).toBe("885");
    expect((await client.setOrganisationAuthority("worcs", null)).authority).toBeNull();
    expect(calls.map((c) => [c.method, c.url, c.headers["content-type"], c.body])).toEqual([
      ["PATCH", "http://api.test/v1/organisations/worcs", "application/json", '{"la_code":"E10000034"}'],
      ["PATCH", "http://api.test/v1/organisations/worcs", "application/json", '{"la_code":null}'],
    ]);
  });

  it("creates an organisation with its code, and does not retry a refusal", async () => {
    const refusal = {
      error: {
        code: "validation_failed",
        message: "The request does not match the schema",
        issues: [{ field: "la_code", message: "no local authority in England has the code 999" }],
      },
    };
    const { fetch, calls } = fakeFetch([json(201, worcs), json(422, refusal)]);
    const client = clientWith(fetch);
    expect(
      (await client.createOrganisation({ id: "worcs", name: "Worcestershire", la_code: "885" })).id,
    ).toBe("worcs");
    expect(calls[0]).toMatchObject({ method: "POST", url: "http://api.test/v1/organisations" });
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ id: "worcs", name: "Worcestershire", la_code: "885" });
    const error = await client.setOrganisationAuthority("worcs", "999").catch((e: unknown) => e);
    expect(calls).toHaveLength(2);
    expect(error).toMatchObject({
      code: "validation_failed",
      status: 422,
      issues: [{ row: null, field: "la_code", message: "no local authority in England has the code 999" }],
    });
  });
});
