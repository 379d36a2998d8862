import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importSsda903 } from "../src/ssda903/import-ssda903.js";

// Variants of data-to-insight's fake return, made by test/make-variants.ts.
const variants = fileURLToPath(new URL("./fixtures/ssda903/variants/", import.meta.url));
const recordId = (prefix: string, parts: readonly string[]) => `${prefix}-${parts.join("|")}`;
function variant(name: string) {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
    );
  return walk(join(variants, name))
    .sort()
    .map((p) => ({ path: relative(join(variants, name), p), bytes: readFileSync(p) }));
}
const run = (name: string, year?: number) =>
  importSsda903(variant(name), { ...(year ? { year } : {}), recordId });

describe("variants of the fake return", () => {
  it("BOM and CRLF: read as UTF-8 with BOM, every row imported", () => {
    const { report } = run("bom-crlf", 2018);
    expect(report.outcome).toBe("clean");
    expect(report.files.map((f) => f.encoding)).toEqual(["UTF-8 with BOM", "UTF-8 with BOM"]);
    expect(report.tables.map((t) => [t.table, t.read, t.mapped])).toEqual([
      ["header", 50, 50],
      ["episodes", 100, 100],
    ]);
  });

  it("UTF-16, with and without a BOM: decoded and named", () => {
    const { report } = run("utf16", 2018);
    expect(report.outcome).toBe("clean");
    expect(Object.fromEntries(report.files.map((f) => [f.file, f.encoding]))).toEqual({
      "episodes.csv": "UTF-16LE",
      "header.csv": "UTF-16BE (no BOM)",
    });
    expect(report.tables.map((t) => t.mapped)).toEqual([50, 100]);
  });

  it("Windows-1252: detected, and the accented letters read as written", () => {
    const { report, datasets } = run("windows-1252", 2018);
    expect(report.files[0]?.encoding).toBe("Windows-1252");
    expect(String(datasets[0]?.records[0]?.child_id)).toMatch(/^CAFÉ\d+$/);
  });

  it("semicolons: the delimiter is found and named", () => {
    const { report } = run("semicolons", 2018);
    expect(report.outcome).toBe("clean");
    expect(report.files[0]?.delimiter).toBe(";");
    expect(report.tables[0]).toMatchObject({ read: 100, mapped: 100 });
  });

  it("column names in lower case are the same columns", () => {
    expect(run("renamed-columns", 2018).report.tables[0]).toMatchObject({ read: 30, mapped: 30, dropped: 0 });
  });

  it("the XML name PL for PLACE fails the whole file, saying what to do", () => {
    const { report, datasets } = run("xml-column-name", 2018);
    expect(report.outcome).toBe("failed");
    expect(datasets).toEqual([]);
    expect(report.problems).toEqual([
      {
        file: "episodes.csv",
        message:
          "has a column PL, the XML element's name: in the CSV table the column is PLACE. Rename the column PL to PLACE",
      },
    ]);
  });

  it("a missing mandatory column fails the whole file", () => {
    const { report } = run("missing-column", 2018);
    expect(report.outcome).toBe("failed");
    expect(report.problems[0]?.message).toMatch(
      /^is the 903 episodes table but has no column PLACE_PROVIDER: /,
    );
  });

  it("year-prefixed names give the year without --year", () => {
    const { report } = run("year-prefixed");
    expect(report.outcome).toBe("clean");
    expect(report.files.map((f) => [f.file, f.tables[0], f.year])).toEqual([
      ["SSDA903_2018_Episodes.csv", "episodes", "2017-18"],
      ["SSDA903_2018_Header.csv", "header", "2017-18"],
    ]);
  });

  it("without a year anywhere, nothing is imported and the problem says how to give one", () => {
    const { report } = run("semicolons");
    expect(report.outcome).toBe("failed");
    expect(report.problems[0]?.message).toMatch(/^no collection year: give it \(--year 2018 or 2017-18/);
  });

  it("a corrected re-import gives the same ids, the corrected episode closed", () => {
    const first = run("bom-crlf", 2018).datasets.find((d) => d.dataset === "cla_episodes")?.records ?? [];
    const again = run("corrected", 2018).datasets.find((d) => d.dataset === "cla_episodes")?.records ?? [];
    expect(again.map((r) => r.episode_id)).toEqual(first.map((r) => r.episode_id));
    const changed = again.filter((r, i) => JSON.stringify(r) !== JSON.stringify(first[i]));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ end_date: "2018-03-31", reason_ceased: "E8" });
  });

  it("a two-year folder imports each year with its own code lists and coverage", () => {
    const { report, datasets } = run("two-years");
    expect(report.outcome).toBe("clean");
    expect(report.tables.map((t) => [t.table, t.year, t.read])).toEqual([
      ["header", "2017-18", 2675],
      ["episodes", "2017-18", 5050],
      ["header", "2018-19", 2675],
      ["episodes", "2018-19", 5050],
    ]);
    // E45–E48 are 903 codes from 2018-19: kept with a warning in 2017-18 only (rule 149).
    const rule149 = (year: string) =>
      report.tables
        .find((t) => t.table === "episodes" && t.year === year)
        ?.by_rule.find((r) => r.rule === "149");
    expect(rule149("2017-18")?.kept).toBeGreaterThan(0);
    expect(rule149("2018-19")).toBeUndefined();
    expect(datasets.map((d) => [d.dataset, d.year])).toEqual([
      ["children", 2018],
      ["cla_episodes", 2018],
      ["children", 2019],
      ["cla_episodes", 2019],
    ]);
    expect([...new Set(report.coverage.map((c) => `${c.year} ${c.from} ${c.to}`))]).toEqual([
      "2017-18 2017-04-01 2018-03-31",
      "2018-19 2018-04-01 2019-03-31",
    ]);
  });
});
