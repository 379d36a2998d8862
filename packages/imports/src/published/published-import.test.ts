import { readdirSync, readFileSync } from "node:fs";
import { findAuthority } from "@kpi/catalogue";
import { beforeAll, describe, expect, it } from "vitest";
import type { PublishedBenchmark } from "./published-benchmarks.js";
import { publishedImport } from "./published-import.js";
import { type PublishedFile, type PublishedRead, readPublishedFiles } from "./read-published-files.js";

// The fixtures are DfE's files from ../shared/data/dfe-published/, trimmed to 2023–2025 and the rows
// the mappings read by test/fixtures/dfe-published/trim.py and trim-lait.mjs (every geography kept, so
// ranks are among all authorities). Expected values were read from the untrimmed files by hand:
//   grep -E "^2025,.*(National|E12000005,West Midlands,,|,885,)" c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv
//   for c in 933 916 838 937 893 938 878 830 881 815; do awk -F, -v c=$c '$1==2025 && $8==c {print $10, $14}' c1_…csv; done
// (885's neighbours are its row of sn_model_2025_wide.csv), means and medians worked on paper, and
// ranks and bands with a one-off script over the authorities' rows (python3, csv.DictReader: count of
// authorities better than the authority, + 1; quartiles as Excel's QUARTILE.INC).
const FIXTURES = new URL("../../test/fixtures/dfe-published/", import.meta.url);
const fixture = (name: string): PublishedFile => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))),
});
const ALL = readdirSync(FIXTURES).filter((n) => /\.(csv|parquet|xlsx)$/.test(n));
// The 2025 model last, so it is the neighbour list used (the last one given).
const ORDERED = [...ALL.filter((n) => n !== "sn_model_2025_wide.csv"), "sn_model_2025_wide.csv"];

type Ok = Extract<PublishedRead, { ok: true }>;
let read: Ok;

function importFor(code: string, from: Ok = read) {
  const authority = findAuthority(code);
  if (authority === null || authority === undefined) throw new Error(`no authority ${code}`);
  const neighbours = from.neighbours?.neighbours.get(authority.oldCode) ?? [];
  return publishedImport(from, { oldCode: authority.oldCode, regionCode: authority.regionCode, neighbours });
}

function pick(rows: readonly PublishedBenchmark[], indicator: string, period: string) {
  const of = rows.filter((r) => r.indicator_id === indicator && r.period === period);
  return {
    england: of.find((r) => r.comparator === "england"),
    region: of.find((r) => r.comparator === "region"),
    neighbours: of.find((r) => r.comparator === "statistical_neighbours" && r.member === undefined),
    members: Object.fromEntries(
      of.filter((r) => r.member !== undefined).map((r) => [r.member, r.value ?? r.status] as const),
    ),
  };
}

beforeAll(async () => {
  const r = await readPublishedFiles(ORDERED.map(fixture));
  if (!r.ok) throw new Error(r.problem);
  read = r;
});

describe("kpi import published: DfE's files for Worcestershire (885, West Midlands)", () => {
  it("re-referrals 2024-25 (time_period 2025): England, region, neighbour mean, median, members, rank and band", () => {
    const b = pick(importFor("885").benchmarks, "ffd.rereferrals_12m_pct", "FY2024-25");
    const publication = { publication: "Characteristics of children in need", publication_year: 2025 };
    // polarity low: 47 authorities of 153 re-refer less than 17.8%; QUARTILE.INC Q1 16.9, Q2 20.0 → B.
    expect(b.england).toEqual({
      indicator_id: "ffd.rereferrals_12m_pct",
      comparator: "england",
      period: "FY2024-25",
      value: 22.6,
      ...publication,
      rank: 48,
      rank_of: 153,
      band: "B",
    });
    expect(b.region).toMatchObject({ value: 19.5, ...publication });
    // (22.1 + 22.4 + 14.7 + 17 + 12.9 + 24.4 + 19.7 + 28.9 + 15.4 + 19.8) / 10; median (19.7 + 19.8) / 2
    expect(b.neighbours).toMatchObject({ value: 19.73, median: 19.75, ...publication });
    expect(b.members).toEqual({
      Somerset: 22.1,
      Gloucestershire: 22.4,
      Dorset: 14.7,
      Warwickshire: 17,
      Shropshire: 12.9,
      "West Sussex": 24.4,
      Devon: 19.7,
      Derbyshire: 28.9,
      Essex: 15.4,
      "North Yorkshire": 19.8,
    });
  });

  it("children looked after per 10,000 on 31 March 2024 (FY2023-24): no polarity, so rank 1 is the highest", () => {
    const b = pick(importFor("885").benchmarks, "cla.rate_per_10k", "FY2023-24");
    expect(b.england).toMatchObject({ value: 69, rank: 45, rank_of: 152, band: "B" });
    expect(b.region).toMatchObject({ value: 89 });
    // (52 + 64 + 67 + 64 + 120 + 50 + 59 + 68 + 36 + 44) / 10 = 62.4; median (59 + 64) / 2 = 61.5
    expect(b.neighbours).toMatchObject({
      value: 62.4,
      median: 61.5,
      publication: "Children looked after in England including adoptions",
      publication_year: 2024,
    });
    expect(b.members.Shropshire).toBe(120);
  });

  it("LAIT's children in need per 10,000 in 2025, named from its data dictionary", () => {
    const b = pick(importFor("885").benchmarks, "cin.dfe_rate_per_10k", "FY2024-25");
    const publication = "Local authority interactive tool (LAIT): Children in Need rate per 10,000";
    // 110 of the 153 authorities with a 2025 rate have a higher one than 302.9.
    expect(b.england).toMatchObject({
      value: 330.3,
      publication,
      publication_year: 2025,
      rank: 111,
      rank_of: 153,
    });
    expect(b.region).toMatchObject({ value: 345.3 });
    // 2987.9 / 10; median (303.7 + 311) / 2; LAIT's 258.89999999999998 is 258.9
    expect(b.neighbours).toMatchObject({ value: 298.79, median: 307.35 });
    expect(b.members.Devon).toBe(258.9);
  });

  it("LAIT's '-' is kept as a status: Dorset (838) had no rate in 2016, before it was formed", () => {
    const b = pick(importFor("885").benchmarks, "cin.dfe_rate_per_10k", "FY2015-16");
    expect(b.members.Dorset).toBe("-");
    expect(Object.values(b.members).filter((v) => typeof v === "number")).toHaveLength(9);
  });

  it("posts the authority's ONS estimates of children aged 0–17 as populations", () => {
    // grep -E "^202[234],.*,885," ons_mid-year_population_estimates_2012_to_2024.csv
    expect(importFor("885").populations).toEqual([
      { year: 2024, age_band: "0-17", count: 120119 },
      { year: 2023, age_band: "0-17", count: 119662 },
      { year: 2022, age_band: "0-17", count: 118963 },
    ]);
  });

  it("does not post care leavers' figures as the 18–21 indicators' benchmarks: DfE counts 19–21", () => {
    const result = importFor("885");
    expect(result.benchmarks.some((b) => b.indicator_id.startsWith("leavers."))).toBe(false);
    expect(result.notPosted.map((n) => n.indicatorId).sort()).toEqual([
      "leavers.eet_18_21_pct",
      "leavers.suitable_accommodation_pct",
      "wf.agency_pct",
    ]);
    expect(result.notPosted[0]?.reason).toMatch(
      /different definition: DfE counts care leavers aged 19 to 21/,
    );
  });
});

describe("kpi import published: every mapping of the catalogue's table", () => {
  // England's 2025 figure of each mapping, read from the National rows (python3, csv.DictReader over
  // each file: time_period 2025, geographic_level National, the mapping's filter values; LAIT: the
  // rows of LA Number 970, Years 2025). The workforce census's 2025 is 30 September 2025.
  const england2025 = {
    "cla.count": 81770,
    "cla.rate_per_10k": 67,
    "cla.starts": 32270,
    "cla.leavers": 34450,
    "cla.placements_3plus_pct": 10,
    "cla.long_term_stability_pct": 69,
    "cin.dfe_count": 402400,
    "ffd.referrals": 632830,
    "ffd.rereferrals_12m_pct": 22.6,
    "cp.starts": 61840,
    "cp.repeat_pct": 24.5,
    "wf.turnover_dfe_pct": 12,
    "wf.avg_caseload": 15.2,
    "cin.dfe_rate_per_10k": 330.3,
    "cp.rate_per_10k": 40.6,
    // read, not posted (different definitions): 19-21 EET and suitable accommodation; agency FTE rate
    "leavers.eet_18_21_pct": 54,
    "leavers.suitable_accommodation_pct": 89,
    "wf.agency_pct": 13,
  } as const;

  it("maps every entry of publishedSources to its column (a row here for each)", async () => {
    const { publishedSources } = await import("@kpi/catalogue");
    expect(Object.keys(england2025).sort()).toEqual(publishedSources.map((s) => s.indicatorId).sort());
  });

  it.each(Object.entries(england2025))("%s: England's 2025 figure is %s", (indicator, value) => {
    const period = indicator.startsWith("wf.") ? "FY2025-26-Q2" : "FY2024-25";
    const f = read.figures.find((x) => x.source.indicatorId === indicator && x.period === period);
    expect(f?.england).toEqual({ value });
  });
});

describe("kpi import published: suppressed figures", () => {
  it("Camden (202) 2025 workforce census: two neighbours' 'x' kept, the mean of the other eight", () => {
    const b = pick(importFor("202").benchmarks, "wf.turnover_dfe_pct", "FY2025-26-Q2");
    expect(b.members.Westminster).toBe("x");
    expect(b.members["Kensington and Chelsea"]).toBe("x");
    // (6.9 + 8.9 + 12.4 + 9.6 + 17.8 + 9.6 + 10.8 + 13.1) / 8 = 11.1375; median (9.6 + 10.8) / 2
    expect(b.neighbours).toMatchObject({ value: 11.1375, median: 10.2, publication_year: 2025 });
    // London is the region (E12000007, 13.9), not the file's Inner London row (11.8).
    expect(b.region).toMatchObject({ value: 13.9 });
    // polarity low: 136 of 148 authorities with a 2025 turnover had less than 21.4%.
    expect(b.england).toMatchObject({ value: 12, rank: 137, rank_of: 148, band: "D" });
  });

  it("West Northamptonshire (941) has the workforce census's joint figure with North Northamptonshire, ranked once", () => {
    // csww 2025: old_la_code "940 / 941", turnover_rate_headcount 10.3; 48 of 148 had less.
    const b = pick(importFor("941").benchmarks, "wf.turnover_dfe_pct", "FY2025-26-Q2");
    expect(b.england).toMatchObject({ value: 12, rank: 49, rank_of: 148, band: "B" });
  });

  it("Swindon (866), whose neighbours include 940 and 941, has their joint figure once among nine", () => {
    // sn_model_2025_wide.csv: 887 940 883 303 822 941 935 311 891 886; csww 2025 turnover_rate_headcount
    // 17.9, 10.3 (940 / 941), 10.9, 16.6, 3.4, 10.9, 23.2, 10.8, 15.4: mean 119.4 / 9, median 10.9.
    const b = pick(importFor("866").benchmarks, "wf.turnover_dfe_pct", "FY2025-26-Q2");
    expect(b.members["North Northamptonshire / West Northamptonshire"]).toBe(10.3);
    expect(Object.keys(b.members)).toHaveLength(9);
    expect(b.neighbours).toMatchObject({ value: 13.2666666667, median: 10.9 });
  });

  it("Bracknell Forest (867) 2023-24 second plans: Hampshire's 'u' kept, nine neighbours averaged", () => {
    const b = pick(importFor("867").benchmarks, "cp.repeat_pct", "FY2023-24");
    expect(b.members.Hampshire).toBe("u");
    // (26 + 28.4 + 27.6 + 30.4 + 25.8 + 27 + 16 + 34.9 + 25.6) / 9 = 26.8555…; median 27
    expect(b.neighbours).toMatchObject({ value: 26.8555555556, median: 27 });
    expect(b.england).toMatchObject({ value: 24.7, rank: 69, rank_of: 150, band: "B" });
  });

  it("City of London (201) 2023-24 re-referrals: its own 'c' gives England's figure without a rank", () => {
    const b = pick(importFor("201").benchmarks, "ffd.rereferrals_12m_pct", "FY2023-24");
    expect(b.england).toEqual({
      indicator_id: "ffd.rereferrals_12m_pct",
      comparator: "england",
      period: "FY2023-24",
      value: 22.4,
      publication: "Characteristics of children in need",
      publication_year: 2024,
    });
    expect(b.region).toMatchObject({ value: 18.8 });
    expect(b.neighbours).toMatchObject({ value: 18.61, median: 19.05 });
  });

  it("never turns a symbol into 0", () => {
    for (const b of importFor("202").benchmarks)
      if (b.status !== undefined) expect(b.value, JSON.stringify(b)).toBeUndefined();
  });
});

describe("kpi import published: whole-file problems fail with the file and what was expected", () => {
  const text = (name: string, body: string): PublishedFile => ({
    name,
    bytes: new TextEncoder().encode(body),
  });

  it("a CSV that is not a publication we read", async () => {
    const r = await readPublishedFiles([fixture("sn_model_2025_wide.csv"), text("notes.csv", "a,b\n1,2\n")]);
    expect(r).toEqual({
      ok: false,
      problem: expect.stringMatching(
        /^notes\.csv: not an explore-education-statistics file .*no column time_period/,
      ),
    });
  });

  it("an explore-education-statistics file without any measure we map", async () => {
    const body =
      "time_period,time_identifier,geographic_level,region_code,old_la_code,la_name,pupils\n2025,Reporting year,National,,,,5\n";
    const r = await readPublishedFiles([text("pupils.csv", body)]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problem).toMatch(
        /^pupils\.csv: none of the measures we map is in it .*expected one of children_count/,
      );
  });

  it("a file that is not LAIT's Parquet table", async () => {
    const r = await readPublishedFiles([text("bds_long_0.parquet", "not parquet")]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/^bds_long_0\.parquet: not a Parquet file/);
  });

  it("quarterly rows where yearly figures are expected", async () => {
    const body =
      "time_period,time_identifier,geographic_level,region_code,old_la_code,la_name,category,rereferral_percent\n2025,Q1,National,,,,Referrals and Re-referrals,20\n";
    const r = await readPublishedFiles([text("c1.csv", body)]);
    expect(r).toEqual({
      ok: false,
      problem: expect.stringMatching(/^c1\.csv line 2: time_identifier is 'Q1'/),
    });
  });
});

describe("kpi import published: a downloaded folder reads whole", () => {
  it("recognises each file by its content, LAIT's code list as not needed", () => {
    const kinds = Object.fromEntries(read.files.map((f) => [f.file, f.kind]));
    expect(kinds["la_code_list.xlsx"]).toBe("lait-code-list");
    expect(kinds["lait_data_dictionary.csv"]).toBe("lait-dictionary");
    expect(kinds["bds_long_0.parquet"]).toBe("lait");
    expect(kinds["sn_may_2025.xlsx"]).toBe("neighbours");
    expect(kinds["csww_indicators_2017_to_2025.csv"]).toBe("explore-education-statistics");
    // Both care leavers' files have the same columns; each gives figures for its own measure only.
    const measures = Object.fromEntries(read.files.map((f) => [f.file, f.measures]));
    expect(measures["la_care_leavers_activity.csv"]).toEqual(["leavers.eet_18_21_pct"]);
    expect(measures["la_care_leavers_accommodation_suitability.csv"]).toEqual([
      "leavers.suitable_accommodation_pct",
    ]);
    expect(read.neighbours?.file).toBe("sn_model_2025_wide.csv");
  });
});

describe("kpi import published: the three statistical-neighbour lists", () => {
  it("reads the 2021 groupings, the 2025 model and LAIT's sn_may_2025.xlsx, the last given being used", async () => {
    // Worcestershire's first and tenth neighbours in each file, read by eye.
    for (const [file, first, tenth] of [
      ["New_Statistical_Neighbour_Groupings_April_2021.csv", "937", "886"],
      ["sn_model_2025_wide.csv", "933", "815"],
      ["sn_may_2025.xlsx", "933", "815"],
    ] as const) {
      const r = await readPublishedFiles([
        fixture("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"),
        fixture(file),
      ]);
      if (!r.ok) throw new Error(r.problem);
      const list = r.neighbours?.neighbours.get("885");
      expect(r.neighbours?.file, file).toBe(file);
      expect([list?.length, list?.[0], list?.[9]], file).toEqual([10, first, tenth]);
    }
  });
});
