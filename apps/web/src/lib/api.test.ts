import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The portal's data module reads through @kpi/client: these check that what a person sees is what it
// was before (the URL, the forwarded address, no caching, and how each kind of failure is answered).

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ "x-forwarded-for": "203.0.113.9", "x-kpi-page": "/targets?fy=FY2019-20" }),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));
vi.mock("./env", () => ({ webConfig: { apiUrl: "http://api.test" } }));
vi.mock("./session", () => ({
  requireSession: async () => ({ token: "kpi_session", role: "admin", username: "u", display_name: "U" }),
}));

const api = await import("./api");

interface Seen {
  url: string;
  init: RequestInit;
}
let seen: Seen[];

function answer(reply: () => Response | Promise<Response>) {
  seen = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    seen.push({ url: String(url), init });
    return reply();
  });
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

beforeEach(() => {
  seen = [];
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the portal's API module", () => {
  it("reads with the session's token, the person's address and no caching, from the contract's path", async () => {
    answer(() => json(200, { tokens: [] }));
    expect(await api.getTokens()).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe("http://api.test/v1/tokens");
    expect(seen[0]?.init.cache).toBe("no-store");
    expect(seen[0]?.init.headers).toMatchObject({
      authorization: "Bearer kpi_session",
      "x-forwarded-for": "203.0.113.9",
    });
  });

  it("leaves out blank query values and encodes path parameters", async () => {
    answer(() => json(404, { error: { code: "not_found", message: "Unknown indicator" } }));
    await expect(api.getIndicator("a b", "", "quarter")).rejects.toThrow("not found");
    expect(seen[0]?.url).toBe("http://api.test/v1/indicators/a%20b?window=quarter");
  });

  it("sends a person whose session has expired to sign in, and is not retried", async () => {
    answer(() => json(401, { error: { code: "unauthorized", message: "Expired" } }));
    await expect(api.getUsers()).rejects.toThrow("redirect /signin?reason=expired");
    answer(() => json(403, { error: { code: "forbidden", message: "No" } }));
    await expect(api.getSessions()).rejects.toThrow("redirect /signin?reason=role");
    answer(() => json(503, { error: { code: "unavailable", message: "Busy" } }));
    await expect(api.getDatasets()).rejects.toThrow("Busy");
    expect(seen).toHaveLength(1);
  });

  it("sends a page whose reads were turned away (429) to the busy page, with the wait and the page", async () => {
    answer(
      () =>
        new Response(
          JSON.stringify({
            error: { code: "rate_limited", message: "Too many requests; try again in 42 seconds" },
          }),
          { status: 429, headers: { "content-type": "application/json", "retry-after": "42" } },
        ),
    );
    await expect(api.getUsers()).rejects.toThrow("redirect /busy?after=42&next=%2Ftargets%3Ffy%3DFY2019-20");
    expect(seen).toHaveLength(1);
  });

  it("signs in without a token and answers a refusal as an outcome", async () => {
    answer(() => json(401, { error: { code: "unauthorized", message: "Wrong username or password" } }));
    expect(await api.signIn("j.smith", "wrong")).toEqual({
      ok: false,
      status: 401,
      code: "unauthorized",
      message: "Wrong username or password",
      fieldErrors: {},
    });
    expect(seen[0]?.init.headers).not.toHaveProperty("authorization");
    expect(seen[0]?.init.body).toBe('{"username":"j.smith","password":"wrong"}');
  });

  it("answers a write's field errors per field, and an answer without the API's error body plainly", async () => {
    answer(() =>
      json(422, {
        error: {
          code: "validation_failed",
          message: "Invalid",
          issues: [
            { field: "name", message: "too long" },
            { field: "name", message: "has NUL" },
            { message: "something else" },
          ],
        },
      }),
    );
    expect(await api.createToken("x", "read")).toMatchObject({
      ok: false,
      status: 422,
      code: "validation_failed",
      fieldErrors: { name: ["too long", "has NUL"], form: ["something else"] },
    });
    answer(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await api.revokeToken("t1")).toEqual({
      ok: false,
      status: 502,
      code: "error",
      message: "The reporting service answered 502.",
      fieldErrors: {},
    });
  });

  it("says the service cannot be reached when the network fails", async () => {
    answer(() => Promise.reject(new TypeError("fetch failed")));
    expect(await api.endSession("s1")).toEqual({
      ok: false,
      status: 503,
      code: "unavailable",
      message: "The reporting service cannot be reached. Try again in a minute.",
      fieldErrors: {},
    });
  });

  it("takes the latest quarter and the sections from GET /v1/reports", async () => {
    const index = { latest_quarter: "FY2019-20-Q2", sections: [{ id: "ffd", title: "Family Front Door" }] };
    answer(() => json(200, index));
    expect(await api.getLatestQuarter()).toBe("FY2019-20-Q2");
    expect(await api.getReportSections()).toEqual(index.sections);
    expect(seen[0]?.url).toBe("http://api.test/v1/reports");
  });
});
