import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importSsda903 } from "../src/ssda903/import-ssda903.js";
import type { ImportFile } from "../src/ssda903/read-ssda903-files.js";

const fixtures = fileURLToPath(new URL("./fixtures/ssda903/", import.meta.url));
const recordId = (prefix: string, parts: readonly string[]) => `${prefix}-${parts.join("|")}`;

function filesUnder(folder: string, only?: RegExp): ImportFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
    );
  return walk(join(fixtures, folder))
    .filter((p) => only === undefined || only.test(p))
    .sort()
    .map((p) => ({ path: relative(join(fixtures, folder), p), bytes: readFileSync(p) }));
}
const textOf = (path: string) => readFileSync(join(fixtures, path), "utf8").replace(/^\ufeff/, "");
/** Data rows of a plain CSV fixture, split by hand (these files have no quoted cells). */
function csvRows(path: string): Record<string, string>[] {
  const [head, ...rows] = textOf(path).trim().split(/\r?\n/);
  const cols = (head ?? "").split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i], v])));
}
const table = (report: ReturnType<typeof importSsda903>["report"], name: string) => {
  const t = report.tables.find((x) => x.table === name);
  if (t === undefined) throw new Error(`no ${name} table in the report`);
  return t;
};

describe("data-to-insight's fake return, CSV tables (2017-18)", () => {
  const files = filesUnder("d2i-fake", /\.csv$/);
  const { report, datasets } = importSsda903(files, { year: 2018, recordId });

  it("finds all eleven tables by their file names and imports every row", () => {
    expect(report.outcome).toBe("clean");
    expect(report.problems).toEqual([]);
    for (const f of files) {
      const name = f.path.replace(/\.csv$/, "");
      const rows = csvRows(`d2i-fake/${f.path}`).length;
      expect(table(report, name), name).toMatchObject({
        read: rows,
        mapped: rows,
        dropped: 0,
        year: "2017-18",
      });
    }
    expect(report.files.find((f) => f.file === "sw_episodes.csv")?.encoding).toBe("UTF-8 with BOM");
  });

  it("keeps open episodes that carry a REC as open (rule 148), leaving REC empty", () => {
    const openWithRec = csvRows("d2i-fake/episodes.csv").filter((e) => e.DEC === "" && e.REC !== "");
    expect(openWithRec.length).toBe(1413);
    const episodes = table(report, "episodes");
    expect(episodes.by_rule.find((r) => r.rule === "148")).toEqual({ rule: "148", kept: 1413, dropped: 0 });
    const firstLine = csvRows("d2i-fake/episodes.csv").findIndex((e) => e.DEC === "" && e.REC !== "") + 2;
    expect(episodes.warnings.find((w) => w.rule === "148")).toMatchObject({
      file: "episodes.csv",
      line: firstLine,
      columns: { DEC: "", REC: openWithRec[0]?.REC },
      message: `REC '${openWithRec[0]?.REC}' on an episode without DEC (rule 148): kept as open, REC left empty`,
    });
    const records = datasets.find((d) => d.dataset === "cla_episodes")?.records ?? [];
    expect(records.filter((r) => r.end_date === null && r.reason_ceased !== null)).toEqual([]);
  });

  it("keeps a blank PLACE_PROVIDER, and a provider given for T0–T4 with a warning (rule 213)", () => {
    const rows = csvRows("d2i-fake/episodes.csv");
    const temporaryWithProvider = rows.filter(
      (e) => /^T[0-4]$/.test(e.PLACE ?? "") && e.PLACE_PROVIDER !== "",
    );
    expect(table(report, "episodes").by_rule.find((r) => r.rule === "213")).toEqual({
      rule: "213",
      kept: temporaryWithProvider.length,
      dropped: 0,
    });
  });

  it("lists the columns not imported, with why", () => {
    expect(table(report, "episodes").columns_not_imported.map((c) => c.column)).toEqual([
      "HOME_POST",
      "PL_POST",
    ]);
    expect(table(report, "header").columns_not_imported.map((c) => c.column)).toEqual([
      "UPN",
      "MOTHER",
      "MC_DOB",
    ]);
  });

  it("records the return's collection year as each dataset's coverage", () => {
    expect(report.coverage.find((c) => c.dataset === "cla_episodes")).toEqual({
      dataset: "cla_episodes",
      year: "2017-18",
      from: "2017-04-01",
      to: "2018-03-31",
    });
  });
});

describe("the same return as the XML message", () => {
  const xml = textOf("d2i-fake/fake_903.xml");
  const { report } = importSsda903(filesUnder("d2i-fake", /\.xml$/), { year: 2018, recordId });
  const count = (tag: string) => (xml.match(new RegExp(`<${tag}>`, "g")) ?? []).length;

  it("splits the message into the 903 tables, by element", () => {
    expect(report.outcome, JSON.stringify(report.problems)).not.toBe("failed");
    expect(table(report, "header").read).toBe(count("CHILD"));
    expect(table(report, "episodes").read).toBe(count("EPISODE"));
    expect(table(report, "reviews").read).toBe(count("AREVIEW"));
    expect(table(report, "missing").read).toBe(count("AMISSING"));
    expect(table(report, "oc2").read).toBe(count("OC2"));
    expect(table(report, "placed_for_adoption").read).toBe(count("AD_PLACED"));
    expect(table(report, "previous_permanence").read).toBe(count("PERMANENCE"));
    expect(table(report, "ad1").read).toBe(count("DATE_INT"));
    expect(table(report, "oc3").read).toBe(count("IN_TOUCH"));
    expect(table(report, "uasc").read).toBe(count("UASC>1</UASC"));
  });

  it("names each row by its element and the line of its opening tag", () => {
    const w = table(report, "episodes").warnings[0];
    expect(w?.element).toMatch(/^CHILD\[\d+\]\/EPISODE\[\d+\]$/);
    expect(w?.line).toBe(1 + (xml.slice(0, xml.indexOf("<EPISODE>")).match(/\n/g) ?? []).length);
  });
});

describe("liia-tools' sample episodes", () => {
  it("reads a year-prefixed name as the year of the return's 31 March", () => {
    const { report } = importSsda903(filesUnder("liia", /2020/), { recordId });
    expect(report.outcome).toBe("clean");
    expect(report.files[0]).toMatchObject({
      file: "SSDA903_2020_episodes.csv",
      tables: ["episodes"],
      year: "2019-20",
    });
    expect(table(report, "episodes")).toMatchObject({ read: 5, mapped: 5, dropped: 0 });
  });

  it("reads ISO dates and lists the extra LA and YEAR columns as not imported", () => {
    const { report, datasets } = importSsda903(filesUnder("liia", /INPUT/), { year: 2022, recordId });
    const rows = csvRows("liia/SSDA903_episodes_for_testing_fixes_INPUT.csv");
    expect(table(report, "episodes")).toMatchObject({ read: rows.length, dropped: 0 });
    expect(table(report, "episodes").columns_not_imported.map((c) => c.column)).toEqual([
      "HOME_POST",
      "PL_POST",
      "LA",
      "YEAR",
    ]);
    expect(datasets[0]?.records[0]?.start_date).toBe(rows[0]?.DECOM);
  });
});
