import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchEventName } from "../src/services/ingestion-events.js";
import { decidedContacts } from "./support/contacts.js";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

type Tokens = Awaited<ReturnType<typeof tokensFor>>;

let api: TestApi;
let other: TestApi;
let tokens: Tokens;
const seen: string[] = [];

function post(records: unknown[], headers: Record<string, string> = {}) {
  return api.app.inject({
    method: "POST",
    url: "/v1/datasets/contacts/records",
    headers: { ...bearer(tokens.ingest), "content-type": "application/json", ...headers },
    payload: JSON.stringify({ records }),
  });
}

/** The events of the next write, as `name:organisation`. */
async function eventsOf(write: () => Promise<{ statusCode: number; body: string }>, status: number) {
  seen.length = 0;
  const res = await write();
  expect(res.statusCode, res.body).toBe(status);
  return [...seen];
}

beforeAll(async () => {
  // Warming off: these tests watch the events, not the background work they start.
  api = await startTestApi({ reportWarmupMs: 0 });
  other = await startTestApi({ reportWarmupMs: 0 });
  tokens = await tokensFor(api.app, "default");
  for (const name of ["batchStarted", "batchCommitted", "batchEnded"] satisfies BatchEventName[])
    api.app.ingestion.events.on(name, ({ organisationId }) => seen.push(`${name}:${organisationId}`));
}, 60_000);

afterAll(async () => {
  await api?.close();
  await other?.close();
});

describe("the API's services are plugins of the app", () => {
  it("gives each app its own services: nothing is shared through module state", () => {
    expect(api.app.evaluation).not.toBe(other.app.evaluation);
    expect(api.app.reports).not.toBe(other.app.reports);
    expect(api.app.ingestion).not.toBe(other.app.ingestion);
    expect(api.app.ingestion.admission).not.toBe(other.app.ingestion.admission);
  });

  it("emits batchStarted, batchCommitted and batchEnded for a batch that writes", async () => {
    const events = await eventsOf(
      () => post(decidedContacts("E", ["2019-08-01"], 4), { "idempotency-key": "k-1" }),
      200,
    );
    expect(events).toEqual(["batchStarted:default", "batchCommitted:default", "batchEnded:default"]);
  });

  it("emits no batchCommitted for a replayed retry or a rejected batch", async () => {
    const replay = await eventsOf(
      () => post(decidedContacts("E", ["2019-08-01"], 4), { "idempotency-key": "k-1" }),
      200,
    );
    expect(replay).toEqual(["batchStarted:default", "batchEnded:default"]);
    const rejected = await eventsOf(() => post([{ contact_id: "X", contact_date: "not a date" }]), 422);
    expect(rejected).toEqual(["batchStarted:default", "batchEnded:default"]);
  });

  it("emits batchCommitted for a deleted record", async () => {
    const events = await eventsOf(
      () =>
        api.app.inject({
          method: "DELETE",
          url: "/v1/datasets/contacts/records/E0",
          headers: bearer(tokens.ingest),
        }),
      200,
    );
    expect(events).toEqual(["batchStarted:default", "batchCommitted:default", "batchEnded:default"]);
  });

  it("tells no other app's listeners", async () => {
    const elsewhere: string[] = [];
    other.app.ingestion.events.on("batchStarted", ({ organisationId }) => elsewhere.push(organisationId));
    await eventsOf(() => post(decidedContacts("F", ["2019-08-02"], 2)), 200);
    expect(elsewhere).toEqual([]);
  });
});
