import { quarterlyReportSchema, reportParamsSchema } from "@kpi/contract";
import Fastify, { type FastifyInstance } from "fastify";
import { type FastifyPluginAsyncZod, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quarterlyReport } from "../src/services/reporting.js";
import { decidedContacts } from "./support/contacts.js";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

type Tokens = Awaited<ReturnType<typeof tokensFor>>;

let api: TestApi;
let a: Tokens;
let b: Tokens;
/** The route as it was before decision 114: the report object through the zod response serialiser. */
let reference: FastifyInstance;

const path = "/v1/reports/FY2019-20-Q2";

/** `count` contacts on one date at one level of need. */
function contacts(prefix: string, date: string, count: number, level: number) {
  return decidedContacts(prefix, Array<string>(count).fill(date), level);
}

function postContacts(records: unknown[]) {
  return api.app.inject({
    method: "POST",
    url: "/v1/datasets/contacts/records?covers_from=2018-04-01&covers_to=2019-09-30",
    headers: { ...bearer(a.ingest), "content-type": "application/json" },
    payload: JSON.stringify({ records }),
  });
}

function get(token: string, headers: Record<string, string> = {}) {
  return api.app.inject({ method: "GET", url: path, headers: { ...bearer(token), ...headers } });
}

/** The body the route sent before its bytes were cached, from a report built afresh. */
async function uncachedBody(organisationId: string): Promise<string> {
  api.app.evaluation.clear();
  const res = await reference.inject({ method: "GET", url: `${path}?org=${organisationId}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.body;
}

beforeAll(async () => {
  api = await startTestApi();
  a = await tokensFor(api.app, "default");
  b = await tokensFor(api.app, "org-b");
  const res = await postContacts([
    ...contacts("A", "2018-08-01", 10, 4),
    ...contacts("B", "2018-08-01", 90, 2),
    ...contacts("C", "2019-08-01", 45, 4),
    ...contacts("D", "2019-08-01", 55, 2),
  ]);
  expect(res.statusCode, res.body).toBe(200);

  reference = Fastify();
  reference.setValidatorCompiler(validatorCompiler);
  reference.setSerializerCompiler(serializerCompiler);
  const routes: FastifyPluginAsyncZod = async (app) => {
    app.get(
      "/v1/reports/:period",
      { schema: { params: reportParamsSchema, response: { 200: quarterlyReportSchema } } },
      async (request) => {
        const organisationId = String((request.query as { org?: string }).org);
        const snapshot = await api.app.evaluation.snapshot(organisationId);
        return quarterlyReport(api.app.database.db, snapshot, request.params.period);
      },
    );
  };
  await reference.register(routes);
  await reference.ready();
}, 60_000);

afterAll(async () => {
  await reference?.close();
  await api?.close();
});

describe("GET /v1/reports/:period sends cached bytes", () => {
  it("sends the same bytes as the zod serialiser makes of a freshly built report, first and cached", async () => {
    const expected = await uncachedBody("default");
    const first = await get(a.read);
    const second = await get(a.read);
    expect(first.statusCode).toBe(200);
    expect(first.body).toBe(expected);
    expect(second.body).toBe(expected);
    expect(first.rawPayload.equals(second.rawPayload)).toBe(true);
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(Number(first.headers["content-length"])).toBe(Buffer.byteLength(expected, "utf8"));
    expect(first.json().period).toBe("FY2019-20-Q2");
  });

  it("tags the body with a strong ETag and answers If-None-Match with 304 and no body", async () => {
    const first = await get(a.read);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers["cache-control"]).toBe("private, no-cache");
    expect(String(first.headers.vary).toLowerCase()).toContain("authorization");
    expect((await get(a.read)).headers.etag).toBe(etag);

    for (const header of [etag, `W/${etag}`, `"something-else", ${etag}`, "*"]) {
      const again = await get(a.read, { "if-none-match": header });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe("");
      expect(again.headers.etag).toBe(etag);
    }
    const stale = await get(a.read, { "if-none-match": '"something-else"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(first.body);
  });

  it("still needs a valid token with the read role, and a quarter, before any 304", async () => {
    const etag = String((await get(a.read)).headers.etag);
    const anonymous = await api.app.inject({ method: "GET", url: path, headers: { "if-none-match": etag } });
    expect(anonymous.statusCode).toBe(401);
    const year = await api.app.inject({
      method: "GET",
      url: "/v1/reports/FY2019-20",
      headers: { ...bearer(a.read), "if-none-match": "*" },
    });
    expect(year.statusCode).toBe(422);
  });

  it("changes the ETag and the body when a target is set, an analysis is edited or a batch arrives", async () => {
    const states: { etag: string; body: string }[] = [];
    const current = async () => {
      const res = await get(a.read);
      expect(res.statusCode).toBe(200);
      states.push({ etag: String(res.headers.etag), body: res.body });
      return res;
    };
    await current();

    const target = await api.app.inject({
      method: "PUT",
      url: "/v1/indicators/ffd.contacts_swa_pct/targets/FY2019-20",
      headers: bearer(a.analyst),
      // The catalogue's default is 60; 40 changes the target and the status.
      payload: { value: 40 },
    });
    expect(target.statusCode, target.body).toBe(200);
    const afterTarget = await current();
    const swa = afterTarget
      .json()
      .sections[0].indicators.find((i: { id: string }) => i.id === "ffd.contacts_swa_pct");
    expect(swa.quarter.target).toBe(40);

    const analysis = await api.app.inject({
      method: "PUT",
      url: "/v1/reports/FY2019-20-Q2/sections/ffd/analysis",
      headers: bearer(a.analyst),
      payload: { text: "Contacts needing a social work assessment rose to 45%." },
    });
    expect(analysis.statusCode, analysis.body).toBe(200);
    const afterAnalysis = await current();
    expect(afterAnalysis.json().sections[0].analysis.text).toBe(
      "Contacts needing a social work assessment rose to 45%.",
    );

    // 5 more Q2 2019-20 contacts at level 4: 50 of 105.
    expect((await postContacts(contacts("E", "2019-08-02", 5, 4))).statusCode).toBe(200);
    const afterBatch = await current();
    const swaNow = afterBatch
      .json()
      .sections[0].indicators.find((i: { id: string }) => i.id === "ffd.contacts_swa_pct");
    expect(swaNow.quarter.value).toBeCloseTo((50 / 105) * 100, 6);

    expect(new Set(states.map((s) => s.etag)).size).toBe(4);
    expect(new Set(states.map((s) => s.body)).size).toBe(4);
    // A client holding an older tag gets the new report.
    const old = await get(a.read, { "if-none-match": states[0]?.etag ?? "" });
    expect(old.statusCode).toBe(200);
    expect(old.body).toBe(afterBatch.body);
    // And the new bytes are still what a freshly built report serialises to.
    expect(afterBatch.body).toBe(await uncachedBody("default"));
  });

  it("shows a change acknowledged while other requests for the report are in flight", async () => {
    const inFlight = Array.from({ length: 20 }, () => get(a.read));
    const text = "Written while twenty readers were waiting.";
    const saved = await api.app.inject({
      method: "PUT",
      url: "/v1/reports/FY2019-20-Q2/sections/ffd/analysis",
      headers: bearer(a.analyst),
      payload: { text },
    });
    expect(saved.statusCode).toBe(200);
    const after = await get(a.read);
    expect(after.json().sections[0].analysis.text).toBe(text);
    for (const res of await Promise.all(inFlight)) expect(res.statusCode).toBe(200);
  });

  it("gives each organisation its own bytes and tag", async () => {
    const own = await get(a.read);
    const other = await get(b.read);
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(await uncachedBody("org-b"));
    expect(other.headers.etag).not.toBe(own.headers.etag);
    expect((await get(b.read, { "if-none-match": String(own.headers.etag) })).statusCode).toBe(200);
  });
});
