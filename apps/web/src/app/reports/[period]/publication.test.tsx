// Issue 16's acceptance test for the one publication path: every output of the quarterly report —
// the portal's report page, the printed report, the CSV and Excel downloads, and `kpi report` — built
// from ONE fixture with a small count, by the code each output really runs (the page and its section
// components rendered by React, the download route handlers, the CLI with the API answered by the
// fixture). The small count is suppressed in every published form and shown in every internal one.
//
// The fixture (issue 17's case): "Leavers adopted" (cla.adopted_pct, threshold 5 from the catalogue's
// default) is 3 of 63 children leaving care in Q2 2019-20. Worked out by hand:
//   3 / 63 = 4.7619…% → printed "4.8%"; 3 is a count of children from 1 to 5, so it and the
//   percentage are "c" when published.
//   Last quarter (Q1 2019-20) 6 of 60 = 10.0%; the change 4.7619 − 10 = −5.238… → "5.2pp": withheld
//   when published (it gives the 4.8% back from the 10.0%).
//   The year to date: 9 of 123 = 7.317…% → "7.3%" (9 is above 5: published).
// A control indicator with no small count, "Children with 3 or more placements" (cla.placements_3plus_pct),
// 12 of 150 = 8.0%, is shown in every form, so a test that suppressed everything would fail.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@kpi/client";
import type { QuarterlyReport, ReportIndicator, SeriesEntry, SeriesSet } from "@kpi/contract";
import { quarterlyReportSchema } from "@kpi/contract";
import ExcelJS from "exceljs";
import { renderToReadableStream } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const session = vi.hoisted(() => ({ role: "read" as "read" | "ingest" | "analyst" | "admin" }));

const PERIOD = "FY2019-20-Q2";

function entry(period: string, label: string, numerator: number, denominator: number): SeriesEntry {
  return {
    period,
    label,
    value: (numerator / denominator) * 100,
    numerator,
    denominator,
    unit: "percent",
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

const adoptedQ1 = entry("FY2019-20-Q1", "Q1 2019-20", 6, 60);
const adoptedQ2: SeriesEntry = {
  ...entry(PERIOD, "Q2 2019-20", 3, 63),
  comparisons: {
    previous_period: {
      period: "FY2019-20-Q1",
      value: 10,
      change: (3 / 63) * 100 - 10,
      significant: false,
      test: null,
      p_value: null,
    },
    same_period_last_year: null,
  },
};
const placementsQ2 = entry(PERIOD, "Q2 2019-20", 12, 150);

const SENTENCE = "Leavers adopted fell to 4.8% (3 of 63) from 10.0% in Q1 2019-20.";
const DRAFT = "Adoptions fell: 4.8% of children leaving care, 3 children.";

function indicator(
  id: string,
  title: string,
  quarter: SeriesEntry,
  ytd: SeriesEntry,
  verdict: "negative" | "neither",
): ReportIndicator {
  return {
    id,
    title,
    unit: "percent",
    polarity: "high",
    kind: "flow",
    decimals: 1,
    quarter,
    ytd,
    judgement: {
      verdict,
      score: verdict === "negative" ? -2 : 0,
      strength: verdict === "negative" ? 2 : 0,
      reasons: [],
      notes: [],
      sentence: verdict === "negative" ? SENTENCE : "",
    },
  };
}

const report: QuarterlyReport = quarterlyReportSchema.parse({
  period: PERIOD,
  label: "Q2 2019-20",
  sources: [],
  sections: [
    {
      id: "through_care",
      title: "Through Care",
      indicators: [
        indicator(
          "cla.adopted_pct",
          "Leavers adopted",
          adoptedQ2,
          entry(PERIOD, "Q1–Q2 2019-20 (year to date)", 9, 123),
          "negative",
        ),
        indicator(
          "cla.placements_3plus_pct",
          "Children with 3 or more placements",
          placementsQ2,
          entry(PERIOD, "Q1–Q2 2019-20 (year to date)", 20, 150),
          "neither",
        ),
      ],
      positive: [],
      negative: [{ indicator: "cla.adopted_pct", sentence: SENTENCE, strength: 2, complements: [] }],
      analysis: {
        text: DRAFT,
        draft: true,
        source: "drafted",
        version: null,
        author: null,
        updated_at: null,
        approval: null,
        drafted_text: DRAFT,
      },
    },
  ],
});

const series: SeriesSet = {
  window: "quarter",
  indicators: [
    { indicator: "cla.adopted_pct", values: [adoptedQ1, adoptedQ2] },
    { indicator: "cla.placements_3plus_pct", values: [placementsQ2] },
  ],
  sources: [],
};

vi.mock("../../../lib/api", () => ({
  getReport: async () => report,
  getSeries: async () => series,
  getLatestQuarter: async () => PERIOD,
  // What GET /v1/reports answers: the reference report's six sections, in its order.
  getReportSections: async () => [
    { id: "ffd", title: "Family Front Door" },
    { id: "through_care", title: "Through Care" },
    { id: "cp", title: "Child Protection" },
    { id: "cin", title: "Children in Need" },
    { id: "vulnerabilities", title: "Additional Vulnerabilities" },
    { id: "staffing", title: "Staffing" },
  ],
}));
vi.mock("../../../lib/session", () => ({
  requireSession: async () => ({ role: session.role, username: "u", display_name: "U", token: "t" }),
}));

const { default: ReportPage } = await import("./page");
const csvRoute = await import("./export.csv/route");
const xlsxRoute = await import("./export.xlsx/route");

/** The page as the server sends it, every section streamed in. */
async function pageHtml(role: typeof session.role, audience?: string): Promise<string> {
  session.role = role;
  const element = await ReportPage({
    params: Promise.resolve({ period: PERIOD }),
    searchParams: Promise.resolve(audience === undefined ? {} : { audience }),
  } as PageProps<"/reports/[period]">);
  const stream = await renderToReadableStream(element);
  await stream.allReady;
  return new Response(stream).text();
}

const VOID = new Set(["area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"]);

/** Text of the HTML without the subtrees a hidden-element rule removes (class or tag names). */
function visibleText(html: string, hidden: ReadonlySet<string>): string {
  const out: string[] = [];
  const stack: boolean[] = [];
  const hiddenHere = (tag: string, attrs: string) =>
    hidden.has(tag) ||
    (/\bclass="([^"]*)"/.exec(attrs)?.[1] ?? "").split(/\s+/).some((c) => hidden.has(`.${c}`));
  for (const m of html
    .replace(/<!--[\s\S]*?-->/g, "")
    .matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, tag, attrs, selfClose, text] = m;
    const inHidden = stack.some(Boolean);
    if (text !== undefined) {
      if (!inHidden) out.push(text);
    } else if (close === "/") stack.pop();
    else if (selfClose !== "/" && !VOID.has(tag!.toLowerCase()))
      stack.push(hiddenHere(tag!.toLowerCase(), attrs ?? ""));
  }
  return out
    .join(" ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&rsquo;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

/**
 * Which elements the portal's stylesheet hides on screen and in print (`display: none`), from
 * globals.css itself; a print rule the helper cannot read (not a plain class or tag) fails the test.
 */
async function hiddenSelectors(): Promise<{ screen: Set<string>; print: Set<string> }> {
  const css = (await readFile(join(import.meta.dirname, "../../globals.css"), "utf8")).replace(
    /\/\*[\s\S]*?\*\//g,
    "",
  );
  const at = css.indexOf("@media print");
  let depth = 0;
  let end = at;
  for (let i = css.indexOf("{", at); i < css.length; i++) {
    if (css[i] === "{") depth++;
    if (css[i] === "}" && --depth === 0) {
      end = i;
      break;
    }
  }
  const rules = (text: string) =>
    [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((r) => ({
      selectors: r[1]!.split(",").map((s) => s.trim()),
      display: /display:\s*([\w-]+)/.exec(r[2]!)?.[1],
    }));
  const printBlock = css.slice(css.indexOf("{", at) + 1, end);
  const topLevel =
    css.slice(0, at) + css.slice(end + 1).replace(/@media[^{]*\{([^{}]*\{[^{}]*\})*\s*\}/g, "");
  const screen = new Set(
    rules(topLevel)
      .filter((r) => r.display === "none")
      .flatMap((r) => r.selectors.filter((s) => /^\.?[\w-]+$/.test(s))),
  );
  const print = new Set(screen);
  for (const rule of rules(printBlock)) {
    if (rule.display === undefined) continue;
    for (const s of rule.selectors) {
      expect(s, "a print display rule this test can read").toMatch(/^\.?[\w-]+$/);
      if (rule.display === "none") print.add(s);
      else print.delete(s);
    }
  }
  return { screen, print };
}

/** The cells of the report table's row for an indicator, as text. */
function rowCells(html: string, title: string): string[] {
  const row = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].find((r) => r[1]!.includes(`>${title}</a>`));
  expect(row, `a row for ${title}`).toBeDefined();
  return [...row![1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
    visibleText(c[1]!, new Set(["title"])).trim(),
  );
}

/** `kpi report` run in-process, the API answered by the fixture. */
async function kpiReport(...args: string[]): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), "kpi-report-"));
  let stdout = "";
  let stderr = "";
  const code = await runCli(["report", PERIOD, ...args], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { KPI_API_URL: "http://127.0.0.1:9", KPI_TOKEN: "kpi_test" },
    cwd: home,
    home,
    fetch: async (input) => {
      expect(String(input)).toBe(`http://127.0.0.1:9/v1/reports/${PERIOD}`);
      return Response.json(report);
    },
  });
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return stdout;
}

/** The CSV row of an indicator's quarter: [numerator, denominator, value] (columns 7–9). */
function csvFigures(csv: string, id: string): string[] {
  const line = csv.split("\r\n").find((l) => l.split(",")[1] === id && l.split(",")[3] === "Quarter");
  expect(line, `a CSV row for ${id}`).toBeDefined();
  return line!.split(",").slice(6, 9);
}

const routeContext = { params: Promise.resolve({ period: PERIOD }) };

describe("one publication path: the small count in every output", () => {
  let css: { screen: Set<string>; print: Set<string> };
  beforeEach(async () => {
    css ??= await hiddenSelectors();
  });

  it("the portal's report page, for a viewer, is the published form and says what c means", async () => {
    const html = await pageHtml("read");
    const [, quarter, ytd, , , , lastQuarter] = rowCells(html, "Leavers adopted");
    expect([quarter, ytd, lastQuarter]).toEqual(["c", "7.3%", "c"]);
    expect(rowCells(html, "Children with 3 or more placements").slice(1, 3)).toEqual(["8.0%", "13.3%"]);
    const screen = visibleText(html, css.screen);
    expect(screen).not.toContain("4.8%");
    expect(screen).not.toContain("5.2pp");
    expect(screen).not.toContain(SENTENCE);
    expect(screen).not.toContain(DRAFT);
    expect(screen).toContain(
      "c = suppressed: a count of children from 1 to 5, or a value worked out from one",
    );
    // A viewer who asks for internal figures still gets the published form, with no switch offered.
    const asked = await pageHtml("read", "internal");
    expect(rowCells(asked, "Leavers adopted")[1]).toBe("c");
    expect(asked).not.toContain("?audience=internal");
  });

  it("the printed report is the published form, also when an analyst has the internal view open", async () => {
    const published = visibleText(await pageHtml("analyst"), css.print);
    expect(published).toContain("Leavers adopted c 7.3%");
    expect(published).toContain("c = suppressed: a count of children from 1 to 5");
    expect(published).not.toContain("4.8%");
    expect(published).not.toContain("Show the internal figures");
    const internalPrint = visibleText(await pageHtml("analyst", "internal"), css.print);
    expect(internalPrint).not.toContain("4.8%");
    expect(internalPrint).not.toContain("Leavers adopted");
    expect(internalPrint).toContain("The internal figures do not print.");
  });

  it("the internal report page, for an analyst who asks for it, shows every figure, marked not for publication", async () => {
    const html = await pageHtml("analyst", "internal");
    const [, quarter, ytd, , , , lastQuarter] = rowCells(html, "Leavers adopted");
    expect([quarter, ytd]).toEqual(["4.8%", "7.3%"]);
    expect(lastQuarter).toContain("5.2pp");
    const screen = visibleText(html, css.screen);
    expect(screen).toContain("Internal: not for publication");
    expect(screen).toContain(SENTENCE);
    expect(screen).toContain(DRAFT);
    // An admin too; a published page offers analysts and admins the switch.
    expect(rowCells(await pageHtml("admin", "internal"), "Leavers adopted")[1]).toBe("4.8%");
    expect(await pageHtml("admin")).toContain(`href="/reports/${PERIOD}?audience=internal"`);
  });

  it("the CSV and Excel downloads are published, whoever downloads them", async () => {
    const csv = await (await csvRoute.GET(new Request("http://portal/x"), routeContext)).text();
    expect(csvFigures(csv, "cla.adopted_pct")).toEqual(["c", "63", "c"]);
    expect(csvFigures(csv, "cla.placements_3plus_pct")).toEqual(["12", "150", "8"]);

    const response = await xlsxRoute.GET(new Request("http://portal/x"), routeContext);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Figures")!;
    const rows: unknown[][] = [];
    sheet.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1));
    });
    const adopted = rows.find((r) => r[1] === "cla.adopted_pct" && r[3] === "Quarter")!;
    expect(adopted.slice(6, 9)).toEqual(["c", 63, "c"]);
    const placements = rows.find((r) => r[1] === "cla.placements_3plus_pct" && r[3] === "Quarter")!;
    expect(placements.slice(6, 9)).toEqual([12, 150, 8]);
    const notes = workbook.getWorksheet("Notes")!.getColumn(1).values.join(" ");
    expect(notes).toContain("c = suppressed");
  });

  it("kpi report publishes c in CSV and JSON, and --internal shows the 3 children", async () => {
    expect(csvFigures(await kpiReport("--format", "csv"), "cla.adopted_pct")).toEqual(["c", "63", "c"]);
    const json = JSON.parse(await kpiReport()) as { audience: string; rows: unknown[][] };
    expect(json.audience).toBe("published");
    const row = json.rows.find((r) => r[1] === "cla.adopted_pct" && r[3] === "Quarter")!;
    expect(row.slice(6, 9)).toEqual(["c", 63, "c"]);

    expect(csvFigures(await kpiReport("--format", "csv", "--internal"), "cla.adopted_pct")).toEqual([
      "3",
      "63",
      "4.8",
    ]);
    const internal = JSON.parse(await kpiReport("--internal")) as QuarterlyReport;
    const adopted = internal.sections[0]!.indicators[0]!;
    expect([adopted.quarter.numerator, adopted.quarter.denominator]).toEqual([3, 63]);
  });
});
