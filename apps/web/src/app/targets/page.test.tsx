import type { IndicatorSummary, TargetsOverview } from "@kpi/contract";
import { renderToReadableStream } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

// Issue 17, item 1: the targets page made one API call per indicator (about 63 per view), so a few
// saves tripped the token's rate limit. It now reads everything from one GET /v1/targets.

const summary = (id: string, title: string): IndicatorSummary => ({
  id,
  title,
  section: "ffd",
  unit: "percent",
  polarity: "high",
  kind: "flow",
  definition: "",
  numerator: null,
  denominator: null,
  breakdowns: [],
  decimals: null,
  dfe_comparable: false,
  source: "records",
});

const overview: TargetsOverview = {
  financial_year: "FY2019-20",
  latest_quarter: "FY2019-20-Q2",
  indicators: [
    {
      indicator: summary("ffd.contacts_swa_pct", "Contacts needing a social work assessment"),
      default_target: { value: 60 },
      targets: { "FY2019-20": { range: [60, 65], tolerance: 2 } },
      in_force: { range: [60, 65], tolerance: 2 },
      last_change: {
        financial_year: "FY2019-20",
        target: { range: [60, 65], tolerance: 2 },
        set_by: "Demo Analyst",
        set_at: "2026-12-04T20:00:00.000Z",
      },
    },
    {
      indicator: summary("ffd.rereferrals_pct", "Re-referrals within 12 months"),
      default_target: null,
      targets: {},
      in_force: null,
      last_change: null,
    },
  ],
};

const api = vi.hoisted(() => ({ getTargets: vi.fn() }));
// Only getTargets exists: any other read (one per indicator, as before) would fail the render.
vi.mock("../../lib/api", () => ({ getTargets: api.getTargets }));
vi.mock("../actions/targets", () => ({ setTargetAction: async () => ({ status: "idle" }) }));
vi.mock("../../lib/session", () => ({
  requireSession: async () => ({ role: "analyst", username: "a", display_name: "A", token: "t" }),
}));

const { default: TargetsPage } = await import("./page");

async function pageText(fy?: string): Promise<string> {
  const element = await TargetsPage({
    params: Promise.resolve({}),
    searchParams: Promise.resolve(fy === undefined ? {} : { fy }),
  } as unknown as PageProps<"/targets">);
  const stream = await renderToReadableStream(element);
  await stream.allReady;
  return (await new Response(stream).text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

beforeEach(() => {
  api.getTargets.mockReset();
  api.getTargets.mockResolvedValue(overview);
});

describe("the targets page", () => {
  it("reads every indicator's targets in one request and shows the one in force", async () => {
    const text = await pageText();
    expect(api.getTargets).toHaveBeenCalledTimes(1);
    expect(api.getTargets).toHaveBeenCalledWith(undefined);
    expect(text).toContain("Targets in force for FY2019-20");
    // The range set for 2019-20 with its tolerance, and who changed it last.
    expect(text).toContain("60–65 (tolerance 2)");
    expect(text).toContain("FY2019-20 by Demo Analyst");
    // No target and never changed.
    expect(text).toMatch(/Re-referrals within 12 months None Default/);
  });

  it("asks for the year in the address, and for the default year when it is not a financial year", async () => {
    await pageText("FY2018-19");
    expect(api.getTargets).toHaveBeenLastCalledWith("FY2018-19");
    await pageText("FY2019-21");
    expect(api.getTargets).toHaveBeenLastCalledWith(undefined);
    expect(api.getTargets).toHaveBeenCalledTimes(2);
  });
});
