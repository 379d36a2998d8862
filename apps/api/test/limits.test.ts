import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, bearer, startTestApi, type TestApi } from "./support/test-api.js";

let api: TestApi;
const logs: string[] = [];

beforeAll(async () => {
  api = await startTestApi(
    { rateLimitPerMinute: 5, logLevel: "info" },
    { logStream: { write: (line: string) => void logs.push(line) } },
  );
});
afterAll(async () => {
  await api.close();
});

describe("logs", () => {
  it("record the route, status and time, never tokens, bodies or identifiers", async () => {
    const raw = "LOGGED-CHILD-4411";
    const res = await api.app.inject({
      method: "POST",
      url: "/v1/datasets/children/records",
      headers: { ...bearer(adminToken), "content-type": "application/json" },
      payload: JSON.stringify({ records: [{ child_id: raw, sex: "F" }] }),
    });
    expect(res.statusCode).toBe(200);
    await api.app.inject({
      method: "DELETE",
      url: `/v1/datasets/children/records/${raw}`,
      headers: bearer(adminToken),
    });
    const text = logs.join("");
    expect(text).toContain('"route":"/v1/datasets/:dataset/records"');
    expect(text).toContain('"route":"/v1/datasets/:dataset/records/:key"');
    expect(text).toContain('"responseTime"');
    expect(text).not.toContain(raw);
    expect(text).not.toContain(adminToken);
  });
});

describe("rate limit", () => {
  it("answers 429 rate_limited once a token has used its requests for the minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await api.app.inject({
        method: "GET",
        url: "/v1/datasets",
        headers: bearer("kpi_some-token"),
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error.code).toBe("rate_limited");
        expect(res.headers["retry-after"]).toBeDefined();
      }
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another token has its own allowance, and health checks are never limited.
    expect(
      (await api.app.inject({ method: "GET", url: "/v1/datasets", headers: bearer("kpi_other") })).statusCode,
    ).toBe(401);
    for (let i = 0; i < 7; i++) {
      expect((await api.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    }
  });
});

describe("database down", () => {
  it("answers 503 unavailable on /readyz and on routes that need it", async () => {
    await api.app.database.close();
    const ready = await api.app.inject({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe("unavailable");
    const res = await api.app.inject({
      method: "GET",
      url: "/v1/batches",
      headers: bearer("kpi_fresh-token"),
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe("unavailable");
    expect(res.body).not.toMatch(/select|stack|at /i);
    expect((await api.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
  });
});
