import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

let api: TestApi;
let tokens: Awaited<ReturnType<typeof tokensFor>>;
let contactNumber = 0;

/** `count` contacts made and decided on `date` at `level`, each for a new child. */
function contacts(date: string, count: number, level: number) {
  return Array.from({ length: count }, () => {
    contactNumber += 1;
    return {
      contact_id: `K${contactNumber}`,
      child_id: `CH${contactNumber}`,
      contact_date: date,
      source: "8",
      decision_date: date,
      level_of_need: level,
    };
  });
}

async function get(token: string | null, url: string) {
  return api.app.inject({ method: "GET", url, headers: token === null ? {} : bearer(token) });
}

interface Entry {
  period: string;
  value: number | null;
  target: unknown;
}

beforeAll(async () => {
  api = await startTestApi();
  tokens = await tokensFor(api.app, "default");
  // Q1 2019-20: 4 of 10 decided contacts at level 4; Q2 2019-20: 9 of 20. The batch is every contact
  // of 2019-20 to 30 Sep 2019, and says so.
  const res = await api.app.inject({
    method: "POST",
    url: "/v1/datasets/contacts/records?covers_from=2019-04-01&covers_to=2019-09-30",
    headers: { ...bearer(tokens.ingest), "content-type": "application/json" },
    payload: JSON.stringify({
      records: [
        ...contacts("2019-05-10", 4, 4),
        ...contacts("2019-05-10", 6, 1),
        ...contacts("2019-08-20", 9, 4),
        ...contacts("2019-08-20", 11, 3),
      ],
    }),
  });
  expect(res.statusCode, res.body).toBe(200);
  // A stored target replaces the catalogue default for 2019-20, in both routes.
  const target = await api.app.inject({
    method: "PUT",
    url: "/v1/indicators/ffd.contacts_swa_pct/targets/FY2019-20",
    headers: bearer(tokens.analyst),
    payload: { value: 50 },
  });
  expect(target.statusCode, target.body).toBe(200);
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe("GET /v1/series", () => {
  it("needs a token", async () => {
    expect((await get(null, "/v1/series")).statusCode).toBe(401);
    expect((await get("kpi_not-a-real-token", "/v1/series")).statusCode).toBe(401);
  });

  it("answers 422 for a window that does not exist or a range that runs backwards", async () => {
    const window = await get(tokens.read, "/v1/series?window=fortnight");
    expect(window.statusCode).toBe(422);
    expect(window.json().error.code).toBe("validation_failed");
    const backwards = await get(tokens.read, "/v1/series?from=FY2019-20-Q2&to=FY2019-20-Q1");
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.issues[0].field).toBe("from");
    const notQuarter = await get(tokens.read, "/v1/series?to=FY2019-20");
    expect(notQuarter.statusCode).toBe(422);
    expect(notQuarter.json().error.issues[0].field).toBe("to");
  });

  it("returns every indicator of the catalogue over the range, 8 quarters each", async () => {
    const res = await get(tokens.read, "/v1/series?from=FY2017-18-Q3&to=FY2019-20-Q2");
    expect(res.statusCode).toBe(200);
    const body = res.json() as { window: string; indicators: { indicator: string; values: Entry[] }[] };
    expect(body.window).toBe("quarter");
    const list = (await get(tokens.read, "/v1/indicators")).json() as { indicators: { id: string }[] };
    expect(body.indicators.map((i) => i.indicator)).toEqual(list.indicators.map((i) => i.id));
    for (const i of body.indicators) expect(i.values, i.indicator).toHaveLength(8);
    const swa = body.indicators.find((i) => i.indicator === "ffd.contacts_swa_pct");
    expect(swa?.values.map((v) => v.period)).toEqual([
      "FY2017-18-Q3",
      "FY2017-18-Q4",
      "FY2018-19-Q1",
      "FY2018-19-Q2",
      "FY2018-19-Q3",
      "FY2018-19-Q4",
      "FY2019-20-Q1",
      "FY2019-20-Q2",
    ]);
    // Hand-checked: 4/10 and 9/20 decided contacts went to assessment; the stored target is 50.
    expect(swa?.values.at(-2)?.value).toBeCloseTo(40, 6);
    expect(swa?.values.at(-1)?.value).toBeCloseTo(45, 6);
    expect(swa?.values.at(-1)?.target).toBe(50);
  });

  it("gives exactly the figures of the single-indicator route, for two indicators and two windows", async () => {
    for (const window of ["quarter", "ytd"]) {
      const range = window === "quarter" ? "from=FY2017-18-Q3&to=FY2019-20-Q2" : "to=FY2019-20-Q2";
      const set = (await get(tokens.read, `/v1/series?${range}&window=${window}`)).json() as {
        indicators: { indicator: string; values: unknown[] }[];
      };
      for (const id of ["ffd.contacts_swa_pct", "ffd.contacts_level_2_1_pct"]) {
        const single = await get(tokens.read, `/v1/indicators/${id}/values?${range}&window=${window}`);
        expect(single.statusCode).toBe(200);
        const fromSet = set.indicators.find((i) => i.indicator === id);
        expect(fromSet?.values, `${id} ${window}`).toEqual(single.json().values);
      }
    }
  });
});
