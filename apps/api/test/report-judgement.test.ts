import { datasetNames } from "@kpi/catalogue";
import { demoCoverage, demoTargets, generateDemoAuthority } from "@kpi/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// The demonstration authority loaded through the API, with its targets: the Q2 2019-20 report lists
// the positive and negative KPIs the reference report's manager wrote by hand.

let api: TestApi;
let tokens: Awaited<ReturnType<typeof tokensFor>>;

interface Entry {
  indicator: string;
  sentence: string;
  strength: number;
  complements: string[];
}
interface Report {
  sections: {
    id: string;
    positive: Entry[];
    negative: Entry[];
    indicators: { id: string; judgement: { verdict: string } }[];
  }[];
}

let report: Report;

beforeAll(async () => {
  api = await startTestApi({ maxBodyBytes: 64 * 1024 * 1024 });
  tokens = await tokensFor(api.app, "default");
  const demo = generateDemoAuthority();
  // Posted as npm start posts it: each dated dataset as the extract it is (decision 130).
  const declared = new Map(demoCoverage().map((s) => [s.dataset, s]));
  for (const dataset of datasetNames) {
    const rows = demo[dataset];
    if (rows.length === 0) continue;
    const source = declared.get(dataset);
    const query = source === undefined ? "" : `?as_of=${source.as_of}&history_from=${source.history_from}`;
    const res = await api.app.inject({
      method: "POST",
      url: `/v1/datasets/${dataset}/records${query}`,
      headers: { ...bearer(tokens.ingest), "content-type": "application/x-ndjson" },
      payload: rows.map((r) => JSON.stringify(r)).join("\n"),
    });
    expect(res.statusCode, `${dataset}: ${res.body.slice(0, 300)}`).toBe(200);
  }
  for (const t of demoTargets()) {
    const res = await api.app.inject({
      method: "PUT",
      url: `/v1/indicators/${t.indicator}/targets/${t.financial_year}`,
      headers: bearer(tokens.analyst),
      payload: t.target,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const res = await api.app.inject({
    method: "GET",
    url: "/v1/reports/FY2019-20-Q2",
    headers: bearer(tokens.read),
  });
  expect(res.statusCode).toBe(200);
  report = res.json();
}, 600_000);

afterAll(async () => {
  await api.close();
});

/** Every indicator a list names: its entries and the complements judged with them. */
const named = (list: "positive" | "negative") =>
  new Set(report.sections.flatMap((s) => s[list].flatMap((k) => [k.indicator, ...k.complements])));

describe("the demonstration authority's Q2 2019-20 KPIs, through the API", () => {
  it("lists the reference report's negative KPIs", () => {
    const negative = named("negative");
    for (const id of [
      "leavers.pathway_plan_timely_pct",
      "cla.health_assessment_timely_pct",
      "cla.review_timely_pct",
      "cla.visit_timely_pct",
      "wf.over_caseload_target",
    ])
      expect(negative, id).toContain(id);
  });

  it("lists the reference report's positive KPIs", () => {
    const positive = named("positive");
    for (const id of [
      "leavers.neet_16_21",
      "cla.internal_foster_pct",
      "cla.placements_3plus_pct",
      "cla.avg_weekly_cost",
      "vuln.cse_children",
      "vuln.county_lines_children",
      "missing.care_children",
      "missing.care_incidents",
      "missing.home_children",
      "missing.home_incidents",
      "ffd.swa_45wd_pct",
      "wf.sw_permanent_pct",
      "wf.agency_pct",
    ])
      expect(positive, id).toContain(id);
    // Permanent and agency social workers are one whole: judged once, listed once.
    const staffing = report.sections.find((s) => s.id === "staffing");
    expect(staffing?.positive.filter((k) => k.indicator === "wf.sw_permanent_pct")).toEqual([
      expect.objectContaining({ complements: ["wf.agency_pct"] }),
    ]);
  });

  it("puts no indicator in both lists, lists each once, and agrees with every indicator's own judgement", () => {
    const positive = named("positive");
    const negative = named("negative");
    expect([...positive].filter((id) => negative.has(id))).toEqual([]);
    const listed = report.sections
      .flatMap((s) => [...s.positive, ...s.negative])
      .flatMap((k) => [k.indicator, ...k.complements]);
    expect(new Set(listed).size).toBe(listed.length);
    for (const s of report.sections) {
      for (const i of s.indicators) {
        const where = positive.has(i.id) ? "positive" : negative.has(i.id) ? "negative" : "neither";
        expect(where, i.id).toBe(i.judgement.verdict);
      }
      // Strongest first.
      for (const list of [s.positive, s.negative]) {
        const strengths = list.map((k) => k.strength);
        expect(strengths, s.id).toEqual([...strengths].sort((x, y) => y - x));
      }
    }
  });

  it("gives the indicator page the report's verdict", async () => {
    for (const id of ["cla.health_assessment_timely_pct", "wf.agency_pct", "missing.care_children"]) {
      const res = await api.app.inject({
        method: "GET",
        url: `/v1/indicators/${id}?period=FY2019-20-Q2&window=quarter`,
        headers: bearer(tokens.read),
      });
      expect(res.statusCode, res.body).toBe(200);
      const verdict = report.sections.flatMap((s) => s.indicators).find((i) => i.id === id)
        ?.judgement.verdict;
      expect(res.json().analysis.judgement.verdict, id).toBe(verdict);
    }
  });
});
