import { describe, expect, it } from "vitest";
import { type BenchmarkRecord, benchmarkSchema } from "../datasets/schemas.js";
import { latestBenchmarks } from "./latest-benchmarks.js";

const row = (
  comparator: string,
  period: string,
  value: number,
  member: string | null = null,
): BenchmarkRecord =>
  benchmarkSchema.parse({ indicator_id: "leavers.eet_18_21_pct", comparator, period, member, value });

describe("latestBenchmarks", () => {
  const rows = [
    row("statistical_neighbours", "FY2016-17", 50.1),
    row("statistical_neighbours", "FY2017-18", 53.7),
    row("statistical_neighbours", "FY2020-21", 60),
    row("england", "FY2018-19", 52),
    row("england", "FY2019-20", 55),
    row("region", "FY2019-20-Q3", 40),
    row("region", "FY2017-18", 48),
    { ...row("england", "FY2019-20", 99), indicator_id: "ffd.contacts_swa_pct" },
  ];

  it("picks, per comparator, the most recent year not after the value's, ordered as the report names them", () => {
    expect(latestBenchmarks(rows, "leavers.eet_18_21_pct", "FY2019-20-Q2")).toEqual([
      { comparator: "statistical_neighbours", period: "FY2017-18", value: 53.7, members: [] },
      // The region's Q3 row starts after Q2 ends, so its 2017-18 year is used.
      { comparator: "region", period: "FY2017-18", value: 48, members: [] },
      { comparator: "england", period: "FY2019-20", value: 55, members: [] },
    ]);
  });

  it("uses an earlier year for an earlier period and nothing before the first benchmark", () => {
    expect(latestBenchmarks(rows, "leavers.eet_18_21_pct", "FY2017-18-Q1").map((b) => b.period)).toEqual([
      "FY2017-18",
      "FY2017-18",
    ]);
    expect(latestBenchmarks(rows, "leavers.eet_18_21_pct", "FY2016-17-Q4")).toEqual([
      { comparator: "statistical_neighbours", period: "FY2016-17", value: 50.1, members: [] },
    ]);
    expect(latestBenchmarks(rows, "leavers.eet_18_21_pct", "FY2015-16-Q4")).toEqual([]);
  });

  it("collects the members of the chosen year apart from the group's own figure", () => {
    const withMembers = [
      row("statistical_neighbours", "FY2018-19", 51),
      row("statistical_neighbours", "FY2018-19", 40, "Authority A"),
      row("statistical_neighbours", "FY2018-19", 45, "Authority B"),
      row("statistical_neighbours", "FY2017-18", 10, "Authority C"),
      row("Core cities", "FY2018-19", 47),
    ];
    expect(latestBenchmarks(withMembers, "leavers.eet_18_21_pct", "FY2019-20")).toEqual([
      { comparator: "statistical_neighbours", period: "FY2018-19", value: 51, members: [40, 45] },
      { comparator: "Core cities", period: "FY2018-19", value: 47, members: [] },
    ]);
  });

  it("prefers the row ending latest within a year", () => {
    const quarterly = [row("england", "FY2019-20-Q1", 50), row("england", "FY2019-20-Q2", 52)];
    expect(latestBenchmarks(quarterly, "leavers.eet_18_21_pct", "FY2019-20-Q2")[0]?.value).toBe(52);
  });

  it("leaves a suppressed figure out: a member with a status is no value, a suppressed summary is null", () => {
    const suppressed = (member: string | null) =>
      benchmarkSchema.parse({
        indicator_id: "leavers.eet_18_21_pct",
        comparator: "statistical_neighbours",
        period: "FY2017-18",
        member,
        status: "c",
      });
    const picks = latestBenchmarks(
      [suppressed(null), suppressed("Rutland"), row("statistical_neighbours", "FY2017-18", 40, "Bury")],
      "leavers.eet_18_21_pct",
      "FY2017-18",
    );
    expect(picks).toEqual([
      { comparator: "statistical_neighbours", period: "FY2017-18", value: null, members: [40] },
    ]);
  });
});
