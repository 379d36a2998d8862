import { routes } from "@kpi/contract";
import { describe, expect, it } from "vitest";
import { createClient } from "./create-client.js";

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function recording(status: number, answer: unknown): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const f = async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body,
    });
    return new Response(answer === null ? null : JSON.stringify(answer), { status });
  };
  return { fetch: f as typeof fetch, seen };
}

const user = {
  id: "0b0e7c1e-9a1f-4a53-8f43-4d6ad2c5f1a0",
  username: "j.smith",
  display_name: "J Smith",
  role: "read",
  organisation: "demo-la",
  created_at: "2026-01-01T00:00:00.000Z",
  disabled_at: "2026-01-02T00:00:00.000Z",
};

describe("KpiClient.call", () => {
  it("builds the path from the route's params (encoded), sends the JSON body and parses the answer", async () => {
    const { fetch, seen } = recording(200, user);
    const kpi = createClient({ baseUrl: "http://api.test/", token: "t0k", fetch });
    const answer = await kpi.call(routes.updateUser, { params: { id: "a/b c" }, body: { disabled: true } });
    expect(answer.username).toBe("j.smith");
    // "a/b c" percent-encoded by hand: "/" is %2F, " " is %20.
    expect(seen[0]).toMatchObject({
      url: "http://api.test/v1/users/a%2Fb%20c",
      method: "PATCH",
      body: '{"disabled":true}',
    });
    expect(seen[0]?.headers).toMatchObject({
      authorization: "Bearer t0k",
      "content-type": "application/json",
    });
  });

  it("reads the report index through its named method", async () => {
    const index = { latest_quarter: "FY2019-20-Q2", sections: [{ id: "ffd", title: "Family Front Door" }] };
    const { fetch, seen } = recording(200, index);
    const kpi = createClient({ baseUrl: "http://api.test", token: "t0k", fetch });
    expect(await kpi.reportIndex()).toEqual(index);
    expect(seen[0]).toMatchObject({ url: "http://api.test/v1/reports", method: "GET" });
  });

  it("writes the query as text, leaving out what is undefined", async () => {
    const { fetch, seen } = recording(200, { batches: [] });
    const kpi = createClient({ baseUrl: "http://api.test", token: "t0k", fetch });
    await kpi.call(routes.listBatches, { query: { limit: 100, dataset: undefined } });
    expect(seen[0]?.url).toBe("http://api.test/v1/batches?limit=100");
  });

  it("calls a public route without a token, with the extra headers given", async () => {
    const session = {
      token: "kpi_s",
      token_id: user.id,
      expires_at: "2026-01-01T08:00:00.000Z",
      organisation: "demo-la",
      user: { username: "j.smith", display_name: "J Smith", role: "read" },
    };
    const { fetch, seen } = recording(201, session);
    const kpi = createClient({
      baseUrl: "http://api.test",
      fetch,
      headers: { "x-forwarded-for": "10.0.0.7" },
    });
    const answer = await kpi.call(routes.signIn, { body: { username: "j.smith", password: "pw pw pw pw" } });
    expect(answer.token).toBe("kpi_s");
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[0]?.headers["x-forwarded-for"]).toBe("10.0.0.7");
  });

  it("answers null for 204 and rejects an answer of the wrong shape naming the route's pattern", async () => {
    const gone = recording(204, null);
    const kpi = createClient({ baseUrl: "http://api.test", token: "t0k", fetch: gone.fetch });
    expect(await kpi.call(routes.revokeToken, { params: { id: "x" } })).toBeNull();
    const odd = recording(200, { users: "none" });
    const other = createClient({ baseUrl: "http://api.test", token: "t0k", fetch: odd.fetch });
    await expect(other.call(routes.listUsers, {})).rejects.toMatchObject({
      code: "invalid_response",
      status: 200,
      message: "The API's answer to GET /v1/users did not have the expected shape",
    });
  });
});
