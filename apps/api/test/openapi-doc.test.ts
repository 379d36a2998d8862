import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/test-api.js";

// docs/openapi.json is the API reference generated from the routes' own schemas (the document served at
// /openapi.json). This test fails when the file is stale; `pnpm docs:openapi` rewrites it.
const file = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "docs", "openapi.json");

describe("docs/openapi.json", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it("is the document the API serves", async () => {
    const res = await api.app.inject({ method: "GET", url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    const served = `${JSON.stringify(res.json(), null, 2)}\n`;
    if (process.env.UPDATE_DOCS === "1") writeFileSync(file, served);
    expect(readFileSync(file, "utf8")).toBe(served);
  });
});
