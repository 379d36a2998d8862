import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decidedContacts } from "./support/contacts.js";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

type Tokens = Awaited<ReturnType<typeof tokensFor>>;

let api: TestApi;
let a: Tokens;
let b: Tokens;

interface Report {
  period: string;
  label: string;
  sections: {
    id: string;
    indicators: {
      id: string;
      quarter: { value: number | null; status: string | null };
      ytd: { value: number | null };
    }[];
    positive: { indicator: string; sentence: string; strength: number; complements: string[] }[];
    negative: { indicator: string; sentence: string; strength: number; complements: string[] }[];
    analysis: {
      text: string;
      draft: boolean;
      source: "drafted" | "staff";
      version: number | null;
      author: string | null;
      updated_at: string | null;
      approval: { approved_by: string; approved_at: string } | null;
      drafted_text: string;
    };
  }[];
}

/** `count` contacts on one date at one level of need. */
function contacts(prefix: string, date: string, count: number, level: number) {
  return decidedContacts(prefix, Array<string>(count).fill(date), level);
}

async function report(token: string, period = "FY2019-20-Q2"): Promise<Report> {
  const res = await api.app.inject({ method: "GET", url: `/v1/reports/${period}`, headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function putAnalysis(token: string, text: unknown, section = "ffd", period = "FY2019-20-Q2") {
  return api.app.inject({
    method: "PUT",
    url: `/v1/reports/${period}/sections/${section}/analysis`,
    headers: bearer(token),
    payload: { text },
  });
}

beforeAll(async () => {
  api = await startTestApi();
  a = await tokensFor(api.app, "default");
  b = await tokensFor(api.app, "org-b");
  // SWA share: Q2 2018-19 10 of 100 (10%); Q2 2019-20 45 of 100 (45%): significant (p < 0.001) and
  // material on last year (+3), red against the catalogue's 60% (−2): +1, neither positive nor negative.
  // Level 4 or 3 (= level 4 here) rose the same way with no target (+3): positive, listed once with its
  // complement level 2 or 1 (90% → 55%).
  // The batch holds every contact from 1 Apr 2018 to 30 Sep 2019, and says so.
  const res = await api.app.inject({
    method: "POST",
    url: "/v1/datasets/contacts/records?covers_from=2018-04-01&covers_to=2019-09-30",
    headers: { ...bearer(a.ingest), "content-type": "application/json" },
    payload: JSON.stringify({
      records: [
        ...contacts("A", "2018-08-01", 10, 4),
        ...contacts("B", "2018-08-01", 90, 2),
        ...contacts("C", "2019-08-01", 45, 4),
        ...contacts("D", "2019-08-01", 55, 2),
      ],
    }),
  });
  expect(res.statusCode, res.body).toBe(200);
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe("GET /v1/reports/:period", () => {
  it("assembles the sections in the reference report's order with figures, KPIs and a draft analysis", async () => {
    const r = await report(a.read);
    expect(r.period).toBe("FY2019-20-Q2");
    expect(r.label).toBe("Q2 2019-20");
    expect(r.sections.map((s) => s.id)).toEqual([
      "ffd",
      "through_care",
      "cp",
      "cin",
      "vulnerabilities",
      "staffing",
    ]);
    const ffd = r.sections[0];
    const swa = ffd?.indicators.find((i) => i.id === "ffd.contacts_swa_pct");
    expect(swa?.quarter.value).toBeCloseTo(45, 6);
    expect(swa?.quarter.status).toBe("red");
    // Year to date Q1–Q2 2019-20 holds only Q2's contacts.
    expect(swa?.ytd.value).toBeCloseTo(45, 6);
    expect(swa?.quarter.status).toBe("red");
    expect(ffd?.positive.map((p) => [p.indicator, p.complements])).toEqual([
      ["ffd.contacts_level_4_3_pct", ["ffd.contacts_level_2_1_pct"]],
    ]);
    expect(ffd?.positive[0]?.sentence).toContain("Q2 2018-19");
    expect(ffd?.negative).toEqual([]);
    expect(ffd?.analysis).toMatchObject({ draft: true, source: "drafted", author: null, approval: null });
    expect(ffd?.analysis.text).toContain("contacts at level 4 or 3 rose to 45.0% (from 10.0% in Q2 2018-19)");
  });

  it("is for a quarter, and needs a token", async () => {
    for (const period of ["FY2019-20", "2019-08", "Q2"]) {
      const res = await api.app.inject({
        method: "GET",
        url: `/v1/reports/${period}`,
        headers: bearer(a.read),
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.issues).toEqual([expect.objectContaining({ field: "period" })]);
    }
    expect((await api.app.inject({ method: "GET", url: "/v1/reports/FY2019-20-Q2" })).statusCode).toBe(401);
  });
});

describe("section analysis", () => {
  it("stores staff text with author and time, keeps every version, and the report shows the latest", async () => {
    expect((await putAnalysis(a.read, "Not allowed")).statusCode).toBe(403);
    expect((await putAnalysis(a.ingest, "Not allowed")).statusCode).toBe(403);
    const first = await putAnalysis(a.analyst, "Contacts resulting in the need for SWA improved to 45%.");
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      period: "FY2019-20-Q2",
      section: "ffd",
      author: "default-analyst",
      reverted_from: null,
      approval: null,
    });
    const second = await putAnalysis(a.admin, "First paragraph.\n\nSecond paragraph.");
    expect(second.statusCode).toBe(200);
    expect(second.json().version).toBeGreaterThan(first.json().version);

    const ffd = (await report(a.read)).sections[0];
    expect(ffd?.analysis).toMatchObject({
      text: "First paragraph.\n\nSecond paragraph.",
      draft: true,
      source: "staff",
      version: second.json().version,
      author: "default-admin",
      approval: null,
    });
    expect(ffd?.analysis.drafted_text).toContain("contacts at level 4 or 3");
    expect(Number.isNaN(Date.parse(ffd?.analysis.updated_at ?? ""))).toBe(false);
    // Other sections are still drafted from the figures.
    expect((await report(a.read)).sections[1]?.analysis.source).toBe("drafted");

    const history = await api.app.inject({
      method: "GET",
      url: "/v1/reports/FY2019-20-Q2/sections/ffd/analysis/history",
      headers: bearer(a.read),
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().history.map((h: { text: string; author: string }) => [h.author, h.text])).toEqual([
      ["default-admin", "First paragraph.\n\nSecond paragraph."],
      ["default-analyst", "Contacts resulting in the need for SWA improved to 45%."],
    ]);
    // Text for another quarter does not touch this one.
    expect((await putAnalysis(a.analyst, "Q1 text", "ffd", "FY2019-20-Q1")).statusCode).toBe(200);
    expect((await report(a.read)).sections[0]?.analysis.author).toBe("default-admin");
  });

  it("rejects unknown sections, bad quarters and empty text", async () => {
    expect((await putAnalysis(a.analyst, "Text", "nope")).statusCode).toBe(404);
    expect((await putAnalysis(a.analyst, "Text", "ffd", "FY2019-20")).statusCode).toBe(422);
    expect((await putAnalysis(a.analyst, "   ")).statusCode).toBe(422);
    expect((await putAnalysis(a.analyst, 42)).statusCode).toBe(422);
  });

  it("never shows one organisation's report or analysis to another", async () => {
    const other = await report(b.read);
    const ffd = other.sections[0];
    expect(ffd?.indicators.find((i) => i.id === "ffd.contacts_swa_pct")?.quarter.value).toBeNull();
    expect(ffd?.analysis.source).toBe("drafted");
    expect(ffd?.positive).toEqual([]);
    const history = await api.app.inject({
      method: "GET",
      url: "/v1/reports/FY2019-20-Q2/sections/ffd/analysis/history",
      headers: bearer(b.read),
    });
    expect(history.json().history).toEqual([]);
  });
});

describe("GET /v1/reports", () => {
  it("answers the sections in the report's order and the latest quarter the data covers", async () => {
    const res = await api.app.inject({ method: "GET", url: "/v1/reports", headers: bearer(a.read) });
    expect(res.statusCode, res.body).toBe(200);
    // The contacts batch declares 1 Apr 2018 – 30 Sep 2019: Q2 2019-20 (Jul–Sep 2019) is the last
    // quarter wholly inside it. The sections are the reference report's six, in its order.
    expect(res.json()).toEqual({
      latest_quarter: "FY2019-20-Q2",
      sections: [
        { id: "ffd", title: "Family Front Door" },
        { id: "through_care", title: "Through Care" },
        { id: "cp", title: "Child Protection" },
        { id: "cin", title: "Children in Need" },
        { id: "vulnerabilities", title: "Additional Vulnerabilities" },
        { id: "staffing", title: "Staffing" },
      ],
    });
  });

  it("answers null for an organisation with no data yet, and 401 without a token", async () => {
    const res = await api.app.inject({ method: "GET", url: "/v1/reports", headers: bearer(b.read) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().latest_quarter).toBeNull();
    const anonymous = await api.app.inject({ method: "GET", url: "/v1/reports" });
    expect(anonymous.statusCode).toBe(401);
  });
});
