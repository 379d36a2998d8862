import type { SeriesEntry, SeriesSet } from "@kpi/contract";
import type { Window } from "@kpi/core";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const calls: { window: Window; from: string | undefined; to: string | undefined }[] = [];
let answer: SeriesSet = { window: "quarter", indicators: [], sources: [] };
vi.mock("./api", () => ({
  getSeries: async (window: Window, from: string | undefined, to: string | undefined) => {
    calls.push({ window, from, to });
    return answer;
  },
}));

const { getSparklineHistories, SPARKLINE_QUARTERS } = await import("./sparkline-histories");

function entry(period: string, label: string, value: number | null): SeriesEntry {
  return {
    period,
    label,
    value,
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
  };
}

describe("getSparklineHistories", () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it("asks /v1/series once for the 8 quarters ending with the period", async () => {
    answer = { window: "quarter", indicators: [], sources: [] };
    await getSparklineHistories("FY2019-20-Q2");
    expect(SPARKLINE_QUARTERS).toBe(8);
    // Q2 2019-20 back 7 quarters: Q1, Q4 2018-19, Q3, Q2, Q1, Q4 2017-18, Q3 2017-18.
    expect(calls).toEqual([{ window: "quarter", from: "FY2017-18-Q3", to: "FY2019-20-Q2" }]);
  });

  it("crosses the start of a financial year", async () => {
    await getSparklineHistories("FY2019-20-Q4");
    expect(calls).toEqual([{ window: "quarter", from: "FY2018-19-Q1", to: "FY2019-20-Q4" }]);
  });

  it("gives each indicator its own entries, oldest first, and nothing for one the API did not list", async () => {
    const contacts = [entry("FY2019-20-Q1", "Q1 2019-20", 1100), entry("FY2019-20-Q2", "Q2 2019-20", 1204)];
    const swa = [entry("FY2019-20-Q1", "Q1 2019-20", null), entry("FY2019-20-Q2", "Q2 2019-20", 45.1)];
    answer = {
      window: "quarter",
      sources: [],
      indicators: [
        { indicator: "ffd.contacts", values: contacts },
        { indicator: "ffd.contacts_swa_pct", values: swa },
      ],
    };
    const histories = await getSparklineHistories("FY2019-20-Q2");
    expect(histories.get("ffd.contacts")?.map((e) => e.value)).toEqual([1100, 1204]);
    expect(histories.get("ffd.contacts_swa_pct")?.map((e) => e.label)).toEqual(["Q1 2019-20", "Q2 2019-20"]);
    expect(histories.get("cp.plans")).toBeUndefined();
  });
});
