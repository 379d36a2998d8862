import type { ImportReport } from "@kpi/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// A statutory return covers its collection year and replaces what was stored within it (decision 130).
// Hand-made 903 episodes tables: every expected figure below is counted from these rows.

let api: TestApi;
let tokens: Awaited<ReturnType<typeof tokensFor>>;

beforeAll(async () => {
  api = await startTestApi();
  tokens = await tokensFor(api.app, "la-replace");
}, 120_000);
afterAll(async () => {
  await api.close();
});

const HEAD = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
const episodes = (...lines: string[]) => `${HEAD}\n${lines.join("\n")}\n`;

async function upload(name: string, text: string, year: string): Promise<ImportReport> {
  const form = new FormData();
  form.append("file", new Blob([text]), name);
  const request = new Request("http://x/", { method: "POST", body: form });
  const response = await api.app.inject({
    method: "POST",
    url: `/v1/imports/ssda903?year=${year}`,
    headers: { ...bearer(tokens.ingest), "content-type": request.headers.get("content-type") ?? "" },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ImportReport;
}

async function value(indicator: string, period: string): Promise<{ value: number | null; note?: string }> {
  const r = await api.app.inject({
    method: "GET",
    url: `/v1/indicators/${indicator}/values?from=${period}&to=${period}&window=year`,
    headers: bearer(tokens.read),
  });
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { values: { value: number | null; note?: string }[] }).values[0] ?? { value: null };
}

describe("a statutory import replaces within its collection year", () => {
  it("a corrected 2018-19 return replaces 2018-19's starts and leaves 2019-20 alone", async () => {
    // 2018-19: three children start care (A on 1 May, B on 1 Jun, C on 1 Jul 2018), all leaving in the year.
    const first = await upload(
      "2019/episodes.csv",
      episodes(
        "A,01/05/2018,S,C2,N1,U1,PR1,01/08/2018,E13,,,,",
        "B,01/06/2018,S,C2,N1,U1,PR1,01/09/2018,E13,,,,",
        "C,01/07/2018,S,C2,N1,U1,PR1,01/10/2018,E13,,,,",
      ),
      "2018-19",
    );
    expect(first.outcome, JSON.stringify(first.problems)).toBe("clean");
    // 2019-20: D starts on 1 May 2019.
    await upload("2020/episodes.csv", episodes("D,01/05/2019,S,C2,N1,U1,PR1,01/08/2019,E13,,,,"), "2019-20");
    expect((await value("cla.starts", "FY2018-19")).value).toBe(3);
    expect((await value("cla.starts", "FY2019-20")).value).toBe(1);

    // The corrected 2018-19 return no longer has C's episode: it is deleted, A and B unchanged, D kept.
    const corrected = await upload(
      "2019/episodes.csv",
      episodes(
        "A,01/05/2018,S,C2,N1,U1,PR1,01/08/2018,E13,,,,",
        "B,01/06/2018,S,C2,N1,U1,PR1,01/09/2018,E13,,,,",
      ),
      "2018-19",
    );
    expect(corrected.written.find((w) => w.dataset === "cla_episodes")).toMatchObject({
      received: 2,
      inserted: 0,
      updated: 0,
      unchanged: 2,
      deleted: 1,
    });
    expect((await value("cla.starts", "FY2018-19")).value).toBe(2);
    expect((await value("cla.starts", "FY2019-20")).value).toBe(1);

    // No figure for a year no return covers, saying what is loaded.
    const before = await value("cla.starts", "FY2017-18");
    expect(before.value).toBeNull();
    expect(before.note).toMatch(/^No value: care episodes are loaded for 1 Apr 2018 – 31 Mar 2020\./);
  });
});
