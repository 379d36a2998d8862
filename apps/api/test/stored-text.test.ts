import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// Issue 12, defect 5 and the lone-surrogate item: a NUL character, or an unpaired UTF-16 surrogate
// (which the driver would silently store as U+FFFD), is answered 422 naming the field, wherever it is
// sent: bodies, paths and query strings, with or without a token. The six places the issue found
// answering 500 come first; the route-schema test checks that every request text field refuses it.

let api: TestApi;
let tokens: Awaited<ReturnType<typeof tokensFor>>;

beforeAll(async () => {
  api = await startTestApi();
  tokens = await tokensFor(api.app, "default");
});

afterAll(async () => {
  await api?.close();
});

const nul = "a\u0000b";
const lone = "a\ud800b";

type Case = {
  name: string;
  method: "POST" | "PUT" | "DELETE" | "GET";
  url: string;
  token?: string;
  body?: (bad: string) => unknown;
  field: string;
};

const cases: Case[] = [
  {
    name: "sign-in username",
    method: "POST",
    url: "/v1/sessions",
    body: (bad) => ({ username: bad, password: "x" }),
    field: "username",
  },
  {
    name: "analysis text",
    method: "PUT",
    url: "/v1/reports/FY2019-20-Q2/sections/ffd/analysis",
    token: "analyst",
    body: (bad) => ({ text: `Contacts rose ${bad}` }),
    field: "text",
  },
  {
    name: "token name",
    method: "POST",
    url: "/v1/tokens",
    token: "admin",
    body: (bad) => ({ name: bad, role: "read" }),
    field: "name",
  },
  {
    name: "user display name",
    method: "POST",
    url: "/v1/users",
    token: "admin",
    body: (bad) => ({
      username: "text-test",
      password: "a long enough password",
      display_name: bad,
      role: "read",
    }),
    field: "display_name",
  },
  {
    name: "organisation name",
    method: "POST",
    url: "/v1/organisations",
    token: "admin-token",
    body: (bad) => ({ id: "text-test", name: bad }),
    field: "name",
  },
];

function send(c: Case, bad: string) {
  const token =
    c.token === undefined ? undefined : c.token === "admin-token" ? adminToken : tokens[c.token as "admin"];
  return api.app.inject({
    method: c.method,
    url: c.url,
    headers: { ...(token === undefined ? {} : bearer(token)), "content-type": "application/json" },
    // JSON.stringify writes a lone surrogate as \ud800 and NUL as \u0000: what a client would send.
    payload: JSON.stringify(c.body?.(bad)),
  });
}

describe("text the store cannot keep", () => {
  for (const c of cases) {
    it(`is refused with 422 naming the field: ${c.name}`, async () => {
      for (const bad of [nul, lone]) {
        const res = await send(c, bad);
        expect(res.statusCode, `${c.name} ${JSON.stringify(bad)}: ${res.body}`).toBe(422);
        expect(res.json().error.code).toBe("validation_failed");
        expect(res.json().error.issues).toEqual([
          expect.objectContaining({
            field: c.field,
            message: expect.stringMatching(/NUL character or an unpaired surrogate/),
          }),
        ]);
      }
    });
  }

  it("is refused with 422 in a record key to delete and in a query string", async () => {
    const del = await api.app.inject({
      method: "DELETE",
      url: "/v1/datasets/contacts/records/CT%001",
      headers: bearer(tokens.ingest),
    });
    expect(del.statusCode, del.body).toBe(422);
    expect(del.json().error.issues[0].field).toBe("key");
    const values = await api.app.inject({
      method: "GET",
      url: "/v1/indicators/ffd.contacts_swa_pct/values?by=sex%00",
      headers: bearer(tokens.read),
    });
    expect(values.statusCode, values.body).toBe(422);
    expect(values.json().error.issues[0].field).toBe("by");
  });

  it("is refused in a record's field, and nothing is stored (never U+FFFD)", async () => {
    const res = await api.app.inject({
      method: "POST",
      url: "/v1/datasets/contacts/records",
      headers: { ...bearer(tokens.ingest), "content-type": "application/json" },
      payload: JSON.stringify({
        records: [{ contact_id: lone, child_id: "C1", contact_date: "2019-07-01", source: "2A" }],
      }),
    });
    expect(res.statusCode).toBe(422);
    expect(await api.count("records")).toBe(0);
  });

  it("still takes text with paired surrogates (emoji) and stores it unchanged", async () => {
    const text = "Contacts rose \ud83d\udcc8 this quarter";
    const res = await api.app.inject({
      method: "PUT",
      url: "/v1/reports/FY2019-20-Q2/sections/ffd/analysis",
      headers: { ...bearer(tokens.analyst), "content-type": "application/json" },
      payload: JSON.stringify({ text }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().text).toBe(text);
  });
});
