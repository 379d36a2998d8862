import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, sameDatabaseEnv, startServerProcess } from "./faults/support/server-process.js";
import { decidedContacts } from "./support/contacts.js";
import { adminToken, bearer, startTestApi, type TestApi } from "./support/test-api.js";

// Issue 19, item 3: two API processes on one PostgreSQL give the same answers. Each process has its own
// caches (evaluators, reports, tokens); a batch acknowledged by one is in the next read on the other,
// because every read starts from the organisation's data version in the database (decision 080).
// Token revocation across processes is tested in security/revocation.test.ts.

const onPostgres = (process.env.TEST_DATABASE_URL ?? "") !== "";
const Q2 = "?covers_from=2019-07-01&covers_to=2019-09-30";

describe.runIf(onPostgres)("two API processes on one PostgreSQL", () => {
  let api: TestApi;
  let a: ServerProcess;
  let b: ServerProcess;
  const dirs: string[] = [];
  let ingest = "";
  let read = "";

  const url = (server: ServerProcess, path: string) => `http://127.0.0.1:${server.port}${path}`;

  async function post(server: ServerProcess, records: unknown[]) {
    const res = await fetch(url(server, `/v1/datasets/contacts/records${Q2}`), {
      method: "POST",
      headers: { ...bearer(ingest), "content-type": "application/json" },
      body: JSON.stringify({ records }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  /** The report of Q2 2019-20 from one process: the share of contacts needing an assessment, and its ETag. */
  async function swa(server: ServerProcess): Promise<{ value: number | null; etag: string | null }> {
    const res = await fetch(url(server, "/v1/reports/FY2019-20-Q2"), { headers: bearer(read) });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      sections: { indicators: { id: string; quarter: { value: number | null } }[] }[];
    };
    const indicator = report.sections
      .flatMap((s) => s.indicators)
      .find((i) => i.id === "ffd.contacts_swa_pct");
    if (indicator === undefined) throw new Error("ffd.contacts_swa_pct is missing from the report");
    return { value: indicator.quarter.value, etag: res.headers.get("etag") };
  }

  beforeAll(async () => {
    api = await startTestApi();
    const env = (dir: string) => ({
      ...sameDatabaseEnv(api.config, dir, adminToken),
      // Warm-up off: every report read here is built by the request, on the process it reaches.
      KPI_REPORT_WARMUP_MS: "0",
    });
    for (let i = 0; i < 2; i++) dirs.push(mkdtempSync(join(tmpdir(), `kpi-instance-${i}-`)));
    [a, b] = await Promise.all([
      startServerProcess(env(dirs[0] ?? "")),
      startServerProcess(env(dirs[1] ?? "")),
    ]);
    // Tokens made through process A are known to process B at once (its cache has never seen them).
    const token = async (role: string) => {
      const res = await fetch(url(a, "/v1/tokens"), {
        method: "POST",
        headers: { ...bearer(adminToken), "content-type": "application/json" },
        body: JSON.stringify({ name: `instances ${role}`, role }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    ingest = await token("ingest");
    read = await token("read");
  }, 120_000);

  afterAll(async () => {
    await a?.kill();
    await b?.kill();
    await api?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("reflects a batch acknowledged by one process in the next read on the other, both ways", async () => {
    // Each process builds (and caches) the report before any contact exists: no value.
    expect((await swa(a)).value).toBeNull();
    const before = await swa(b);
    expect(before.value).toBeNull();

    // Through A: 45 contacts at level 4 (social work assessment) and 55 at level 2 in Q2 2019-20:
    // 45 of 100 = 45%.
    await post(a, [
      ...decidedContacts("S", Array(45).fill("2019-07-15"), 4),
      ...decidedContacts("N", Array(55).fill("2019-07-16"), 2),
    ]);
    const afterA = await swa(b);
    expect(afterA.value).toBeCloseTo(45, 6);
    expect(afterA.etag).not.toBe(before.etag);

    // Through B: 5 more at level 4: 50 of 105.
    await post(b, decidedContacts("E", Array(5).fill("2019-08-20"), 4));
    expect((await swa(a)).value).toBeCloseTo((50 / 105) * 100, 6);
    expect((await swa(b)).value).toBeCloseTo((50 / 105) * 100, 6);
  });

  it("serves the same bytes from both processes for the same data", async () => {
    const [fromA, fromB] = await Promise.all([swa(a), swa(b)]);
    expect(fromA.etag).not.toBeNull();
    expect(fromB.etag).toBe(fromA.etag);
  });
});
