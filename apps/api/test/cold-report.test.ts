import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDatasetRecords } from "../src/services/evaluation.js";
import { createIngestionEvents } from "../src/services/ingestion-events.js";
import { createReportService } from "../src/services/report-response.js";
import { reportCacheKey } from "../src/services/reporting.js";
import { decidedContacts } from "./support/contacts.js";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

type Tokens = Awaited<ReturnType<typeof tokensFor>>;

let api: TestApi;
let a: Tokens;
let b: Tokens;

const path = "/v1/reports/FY2019-20-Q2";
/** Every batch of these tests holds all of its organisation's contacts of Q2 2019-20, and says so. */
const Q2 = "?covers_from=2019-07-01&covers_to=2019-09-30";

function post(token: string, dataset: string, records: unknown[]) {
  return api.app.inject({
    method: "POST",
    url: `/v1/datasets/${dataset}/records${Q2}`,
    headers: { ...bearer(token), "content-type": "application/json" },
    payload: JSON.stringify({ records }),
  });
}

function get(token: string) {
  return api.app.inject({ method: "GET", url: path, headers: bearer(token) });
}

function swaValue(body: string): number | null {
  const report = JSON.parse(body) as {
    sections: { indicators: { id: string; quarter: { value: number | null } }[] }[];
  };
  const swa = report.sections[0]?.indicators.find((i) => i.id === "ffd.contacts_swa_pct");
  if (swa === undefined) throw new Error("ffd.contacts_swa_pct is missing from the report");
  return swa.quarter.value;
}

/** Warms through the scheduler with no delay and resolves with what it reports. */
function warmNow(organisationId: string) {
  return new Promise<{ period: string | null } | { error: unknown }>((resolve) =>
    api.app.reports.scheduleWarmup(organisationId, { delayMs: 0, onSettled: resolve }),
  );
}

beforeAll(async () => {
  api = await startTestApi();
  a = await tokensFor(api.app, "default");
  b = await tokensFor(api.app, "org-b");
}, 60_000);

afterAll(async () => {
  await api?.close();
});

describe("loading an organisation's records for its evaluator", () => {
  it("returns every record of every dataset of that organisation only, in key order whatever the posting order", async () => {
    const first = await post(a.ingest, "contacts", [
      ...decidedContacts("L3-", ["2019-08-03"], 3),
      ...decidedContacts("L1-", ["2019-08-01"], 1),
      ...decidedContacts("L2-", ["2019-08-02"], 2),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    const other = await post(b.ingest, "contacts", decidedContacts("B", ["2019-08-01", "2019-08-02"], 4));
    expect(other.statusCode, other.body).toBe(200);

    const records = await loadDatasetRecords(api.app.database.db, "default");
    expect(records.contacts.map((c) => [c.contact_id, c.contact_date, c.level_of_need])).toEqual([
      ["L1-0", "2019-08-01", 1],
      ["L2-0", "2019-08-02", 2],
      ["L3-0", "2019-08-03", 3],
    ]);
    expect(records.children).toEqual([]);
    expect((await loadDatasetRecords(api.app.database.db, "org-b")).contacts).toHaveLength(2);
    expect((await loadDatasetRecords(api.app.database.db, "nobody")).contacts).toEqual([]);
  });

  it("reads the same records in the same order when a dataset is read in parts", async () => {
    const db = api.app.database.db;
    const more = await post(
      a.ingest,
      "contacts",
      decidedContacts("P", ["2018-07-02", "2018-07-03", "2018-07-04", "2018-07-05", "2018-07-06"], 2),
    );
    expect(more.statusCode, more.body).toBe(200);
    for (const organisationId of ["default", "org-b"]) {
      const whole = await loadDatasetRecords(db, organisationId);
      const inParts = await loadDatasetRecords(db, organisationId, { recordsPerPart: 2 });
      expect(new Set(inParts.contacts)).toEqual(new Set(whole.contacts));
      expect(inParts.contacts).toHaveLength(whole.contacts.length);
      // The parts' order depends on the keys only: reading again gives the same order.
      expect(await loadDatasetRecords(db, organisationId, { recordsPerPart: 2 })).toEqual(inParts);
    }
  });
});

describe("warming the latest report after a batch", () => {
  it("builds the latest quarter's report so the first request finds it, with the same bytes", async () => {
    // Q2 2019-20: 45 contacts at level 4 (social work assessment) and 55 at level 2.
    const batch = await post(a.ingest, "contacts", [
      ...decidedContacts("S", Array(45).fill("2019-07-15"), 4),
      ...decidedContacts("N", Array(55).fill("2019-07-16"), 2),
    ]);
    expect(batch.statusCode, batch.body).toBe(200);

    expect(await warmNow("default")).toEqual({ period: "FY2019-20-Q2" });
    const snapshot = await api.app.evaluation.snapshot("default");
    const key = reportCacheKey(
      "FY2019-20-Q2",
      { count: 0, maxId: 0 },
      { count: 0, maxId: 0 },
      { count: 0, maxId: 0 },
    );
    expect(api.app.reports.cached(snapshot, key)).toBeDefined();

    const warmed = await get(a.read);
    expect(warmed.statusCode).toBe(200);
    // 45 of the 103 contacts of the quarter (100 here, 3 from the first test) led to an assessment.
    expect(swaValue(warmed.body)).toBeCloseTo((45 / 103) * 100, 6);

    api.app.evaluation.clear();
    const rebuilt = await get(a.read);
    expect(rebuilt.body).toBe(warmed.body);
    expect(rebuilt.headers.etag).toBe(warmed.headers.etag);
  });

  it("never serves the warmed report after a later batch: the next request has the new figures", async () => {
    expect(await warmNow("default")).toEqual({ period: "FY2019-20-Q2" });
    const before = await get(a.read);
    // 5 more Q2 contacts at level 4: 50 of 108.
    const batch = await post(a.ingest, "contacts", decidedContacts("E", Array(5).fill("2019-08-20"), 4));
    expect(batch.statusCode, batch.body).toBe(200);
    const after = await get(a.read);
    expect(after.statusCode).toBe(200);
    expect(swaValue(after.body)).toBeCloseTo((50 / 108) * 100, 6);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it("warms once for a burst of batches, after the last", async () => {
    const outcomes: unknown[] = [];
    const settled = new Promise<void>((resolve) => {
      for (let i = 0; i < 3; i++)
        api.app.reports.scheduleWarmup("org-b", {
          delayMs: 30,
          onSettled: (outcome) => {
            outcomes.push(outcome);
            resolve();
          },
        });
    });
    await settled;
    // A later timer would have fired well within this wait.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(outcomes).toEqual([{ period: "FY2019-20-Q2" }]);
  });

  it("waits for the organisation's last batch in progress, and warms only when one of them committed", async () => {
    const outcomes: unknown[] = [];
    let notify: () => void = () => undefined;
    const nextWarmup = () =>
      new Promise<void>((resolve) => {
        notify = resolve;
      });
    // A report service of its own, listening to events this test emits as the ingestion service would.
    const events = createIngestionEvents((error) => {
      throw error;
    });
    const reports = createReportService({
      db: api.app.database.db,
      evaluation: api.app.evaluation,
      warmupMs: 20,
      onWarmupSettled: (_organisationId, outcome) => {
        outcomes.push(outcome);
        notify();
      },
    });
    reports.listenTo(events);
    const batch = (committed: boolean) => ({
      started: () => events.emit("batchStarted", { organisationId: "org-b" }),
      ended: () => {
        if (committed) events.emit("batchCommitted", { organisationId: "org-b" });
        events.emit("batchEnded", { organisationId: "org-b" });
      },
    });
    const wait = () => new Promise((resolve) => setTimeout(resolve, 150));
    const [first, second] = [batch(true), batch(false)];
    first.started();
    second.started();
    first.ended(); // one batch still in progress
    await wait();
    expect(outcomes).toEqual([]);
    const firstWarmup = nextWarmup();
    second.ended(); // the last one changed nothing (a replay), but the first committed
    await firstWarmup;
    await wait();
    expect(outcomes).toEqual([{ period: "FY2019-20-Q2" }]);
    outcomes.length = 0;
    const replay = batch(false);
    replay.started();
    replay.ended(); // no batch committed since the last warm-up: nothing to warm
    await wait();
    expect(outcomes).toEqual([]);
    const third = batch(true);
    const fourth = batch(true);
    third.started();
    third.ended();
    fourth.started(); // a new batch cancels the pending warm-up …
    await wait();
    expect(outcomes).toEqual([]);
    const lastWarmup = nextWarmup();
    fourth.ended(); // … and its end schedules the one warm-up
    await lastWarmup;
    await wait();
    expect(outcomes).toEqual([{ period: "FY2019-20-Q2" }]);
  });

  it("warms nothing for an organisation without dated records", async () => {
    await tokensFor(api.app, "org-empty");
    expect(await api.app.reports.warmLatest("org-empty")).toBeNull();
  });
});

describe("the records routes warm the report after a batch", () => {
  const key = reportCacheKey(
    "FY2019-20-Q2",
    { count: 0, maxId: 0 },
    { count: 0, maxId: 0 },
    { count: 0, maxId: 0 },
  );

  /** Whether the organisation's Q2 2019-20 report is built, without building it. */
  async function reportBuilt(app: TestApi["app"], organisationId: string): Promise<boolean> {
    const snapshot = await app.evaluation.snapshot(organisationId);
    return app.reports.cached(snapshot, key) !== undefined;
  }

  async function postTo(app: TestApi["app"], token: string, records: unknown[]) {
    return app.inject({
      method: "POST",
      url: `/v1/datasets/contacts/records${Q2}`,
      headers: { ...bearer(token), "content-type": "application/json" },
      payload: JSON.stringify({ records }),
    });
  }

  it("builds the latest report in the background once the batches settle (KPI_REPORT_WARMUP_MS)", async () => {
    const warming = await startTestApi({ reportWarmupMs: 20 });
    try {
      const tokens = await tokensFor(warming.app, "default");
      const batch = await postTo(
        warming.app,
        tokens.ingest,
        decidedContacts("W", ["2019-07-15", "2019-08-15"], 4),
      );
      expect(batch.statusCode, batch.body).toBe(200);
      let built = false;
      for (let i = 0; i < 100 && !built; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        built = await reportBuilt(warming.app, "default");
      }
      expect(built).toBe(true);
    } finally {
      await warming.close();
    }
  });

  it("leaves the report to the first request when the warm-up is off (0)", async () => {
    const cold = await startTestApi({ reportWarmupMs: 0 });
    try {
      const tokens = await tokensFor(cold.app, "default");
      const batch = await postTo(cold.app, tokens.ingest, decidedContacts("W", ["2019-07-15"], 4));
      expect(batch.statusCode, batch.body).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await reportBuilt(cold.app, "default")).toBe(false);
    } finally {
      await cold.close();
    }
  });
});
