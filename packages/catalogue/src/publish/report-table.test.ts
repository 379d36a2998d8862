import type { Judgement } from "@kpi/core";
import { describe, expect, it } from "vitest";
import { findIndicator } from "../indicators/catalogue.js";
import type { QuarterlyReport, ReportIndicator, SeriesEntry } from "../report/schemas.js";
import { disclosureThreshold, REPORT_TABLE_COLUMNS, reportCsv, reportTable } from "./report-table.js";

function entry(over: Partial<SeriesEntry>): SeriesEntry {
  return {
    period: "FY2019-20-Q2",
    label: "Q2 2019-20",
    value: null,
    numerator: null,
    denominator: null,
    unit: "count",
    ci: { lower: null, upper: null, level: 0.95, method: "none" },
    target: null,
    status: null,
    comparisons: { previous_period: null, same_period_last_year: null },
    benchmarks: [],
    quartile: null,
    note: null,
    extras: {},
    sources: [],
    ...over,
  };
}

const neither: Judgement = {
  verdict: "neither",
  score: 0,
  strength: 0,
  reasons: [],
  notes: [],
  sentence: "",
};

function indicator(over: Partial<ReportIndicator> & Pick<ReportIndicator, "id" | "unit">): ReportIndicator {
  return {
    title: over.id,
    polarity: "high",
    kind: "flow",
    decimals: 0,
    quarter: entry({}),
    ytd: entry({ label: "Q1–Q2 2019-20 (year to date)" }),
    judgement: neither,
    ...over,
  };
}

const report: QuarterlyReport = {
  period: "FY2019-20-Q2",
  label: "Q2 2019-20",
  sources: [
    {
      id: "s1",
      dataset: "contacts",
      kind: "extract",
      name: "nightly extract at 30 Sep 2019",
      from: "2016-04-01",
      to: "2019-09-30",
      as_of: "2019-09-30",
      history_from: "2016-04-01",
      received_at: "2019-10-01T01:30:00.000Z",
    },
  ],
  sections: [
    {
      id: "ffd",
      title: "Family Front Door",
      positive: [],
      negative: [],
      analysis: {
        text: "",
        draft: true,
        source: "drafted",
        version: null,
        author: null,
        updated_at: null,
        approval: null,
        drafted_text: "",
      },
      indicators: [
        indicator({
          id: "ffd.contacts_swa_pct",
          title: "Contacts progressing to SWA",
          unit: "percent",
          decimals: 1,
          quarter: entry({
            unit: "percent",
            value: 47.45856,
            numerator: 859,
            denominator: 1810,
            target: 60,
            status: "red",
          }),
          judgement: { ...neither, verdict: "negative", score: -2, strength: 2 },
          ytd: entry({
            unit: "percent",
            label: "Q1–Q2 2019-20 (year to date)",
            value: 46.25,
            numerator: 1665,
            denominator: 3600,
          }),
        }),
        indicator({
          id: "vul.private_fostering",
          unit: "count",
          quarter: entry({ value: 3, numerator: 3 }),
          ytd: entry({ value: 0, numerator: 0 }),
        }),
        indicator({
          id: "vul.missing_rate",
          unit: "rate_per_10k",
          decimals: 1,
          quarter: entry({ unit: "rate_per_10k", value: 0.3378, numerator: 4, denominator: 118420 }),
        }),
        indicator({
          id: "staffing.agency_cost",
          unit: "gbp",
          quarter: entry({ unit: "gbp", value: 2.4, numerator: 2.4, target: [1, 3] }),
        }),
      ],
    },
  ],
};

const table = reportTable(report);
const row = (id: string, window: string) => table.rows.find((r) => r[1] === id && r[3] === window);
const col = (name: (typeof REPORT_TABLE_COLUMNS)[number]) => REPORT_TABLE_COLUMNS.indexOf(name);

describe("reportTable", () => {
  it("has a quarter and a year-to-date row per indicator", () => {
    expect(table.columns).toEqual([...REPORT_TABLE_COLUMNS]);
    expect(table.rows).toHaveLength(8);
  });

  it("rounds values as the report prints them and keeps counts whole", () => {
    expect(row("ffd.contacts_swa_pct", "Quarter")).toEqual([
      "Family Front Door",
      "ffd.contacts_swa_pct",
      "Contacts progressing to SWA",
      "Quarter",
      "Q2 2019-20",
      "percent",
      859,
      1810,
      47.5,
      60,
      "red",
      "negative",
    ]);
    expect(row("ffd.contacts_swa_pct", "Year to date")?.[col("Value")]).toBe(46.3);
    // The verdict is the quarter's, as the report lists it; the year to date has none of its own.
    expect(row("ffd.contacts_swa_pct", "Year to date")?.[col("Judgement")]).toBeNull();
  });

  it("suppresses counts of children from 1 to 5 and values derived from them", () => {
    const fostering = row("vul.private_fostering", "Quarter")!;
    expect(fostering[col("Numerator")]).toBe("c");
    expect(fostering[col("Value")]).toBe("c");
    const missing = row("vul.missing_rate", "Quarter")!;
    expect(missing[col("Numerator")]).toBe("c");
    expect(missing[col("Denominator")]).toBe(118420);
    expect(missing[col("Value")]).toBe("c");
  });

  it("shows zero, which discloses nobody", () => {
    const ytd = row("vul.private_fostering", "Year to date")!;
    expect(ytd[col("Numerator")]).toBe(0);
    expect(ytd[col("Value")]).toBe(0);
  });

  it("publishes money as it is and writes a target range low–high", () => {
    const cost = row("staffing.agency_cost", "Quarter")!;
    expect(cost[col("Value")]).toBe(2);
    expect(cost[col("Target")]).toBe("1–3");
  });

  it("lists the sources the figures drew on, one row each", () => {
    expect(table.sourceColumns).toEqual(["Dataset", "Source", "Kind", "Covers", "Received"]);
    // 01:30 UTC on 1 Oct 2019 is 02:30 in British Summer Time.
    expect(table.sources).toEqual([
      [
        "contacts",
        "nightly extract at 30 Sep 2019",
        "Extract",
        "1 Apr 2016 – 30 Sep 2019",
        "1 Oct 2019, 02:30",
      ],
    ]);
  });

  it("says what c means", () => {
    expect(table.notes.join(" ")).toMatch(/c = suppressed: a count of children from 1 to 5,/);
  });

  it("reads each indicator's own threshold", () => {
    // private fostering's 3 stays suppressed at 5; with a threshold of 2 for it, 3 is published.
    const own = reportTable(report, { threshold: (id) => (id === "vul.private_fostering" ? 2 : 5) });
    const fostering = own.rows.find((r) => r[1] === "vul.private_fostering" && r[3] === "Quarter")!;
    expect(fostering[col("Numerator")]).toBe(3);
    expect(fostering[col("Value")]).toBe(3);
    const missing = own.rows.find((r) => r[1] === "vul.missing_rate" && r[3] === "Quarter")!;
    expect(missing[col("Numerator")]).toBe("c");
    expect(own.notes.join(" ")).toMatch(/from 1 to the indicator's threshold \(2 to 5\)/);
  });

  it("takes the threshold from the indicator's definition, 5 when it sets none", () => {
    expect(findIndicator("cla.starts")?.definition.disclosureThreshold).toBeUndefined();
    expect(disclosureThreshold("cla.starts")).toBe(5);
    expect(disclosureThreshold("local.not_in_the_catalogue")).toBe(5);
  });

  it("shows every figure to an internal audience, and says it is not for publication", () => {
    const internal = reportTable(report, { audience: "internal" });
    const fostering = internal.rows.find((r) => r[1] === "vul.private_fostering" && r[3] === "Quarter")!;
    expect(fostering[col("Numerator")]).toBe(3);
    expect(fostering[col("Value")]).toBe(3);
    const missing = internal.rows.find((r) => r[1] === "vul.missing_rate" && r[3] === "Quarter")!;
    expect(missing[col("Numerator")]).toBe(4);
    expect(missing[col("Value")]).toBe(0.3);
    expect(internal.notes.join(" ")).toMatch(/Do not publish/);
  });
});

describe("reportCsv", () => {
  const lines = (text: string) => text.split("\r\n");
  const fostering = (text: string) =>
    lines(text).find((l) =>
      l.startsWith("Family Front Door,vul.private_fostering,vul.private_fostering,Quarter,"),
    );

  it("writes the published table, then the sources, and suppresses the small count", () => {
    const text = reportCsv(report);
    expect(lines(text)[0]).toBe(REPORT_TABLE_COLUMNS.join(","));
    // private fostering's quarter: numerator 3 (a count of children from 1 to 5) and its value are c.
    expect(fostering(text)).toBe(
      "Family Front Door,vul.private_fostering,vul.private_fostering,Quarter,Q2 2019-20,count,c,,c,,,neither",
    );
    expect(text).toContain(
      "\r\n\r\nSources\r\nDataset,Source,Kind,Covers,Received\r\ncontacts,nightly extract at 30 Sep 2019,",
    );
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("shows the small count to an internal audience", () => {
    expect(fostering(reportCsv(report, { audience: "internal" }))).toBe(
      "Family Front Door,vul.private_fostering,vul.private_fostering,Quarter,Q2 2019-20,count,3,,3,,,neither",
    );
  });

  it("never lets a title run as a spreadsheet formula", () => {
    const hostile: QuarterlyReport = {
      ...report,
      sections: [{ ...report.sections[0]!, title: '=HYPERLINK("http://x")' }],
    };
    expect(lines(reportCsv(hostile))[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",/);
  });
});
