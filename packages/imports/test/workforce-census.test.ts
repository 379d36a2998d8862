import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { importWorkforceCensus } from "../src/workforce/workforce-census.js";

const here = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const PUBLIC = "workforce-census/liia-social_work_workforce_2022.xml";
const run = (path: string, options: { year?: number; strict?: boolean } = {}) =>
  importWorkforceCensus([{ path: path.split("/").at(-1) ?? path, bytes: readFileSync(here(path)) }], {
    recordId: () => "",
    ...options,
  });

// The workers read independently of the product, with fast-xml-parser.
function workers(path: string): Record<string, string>[] {
  const doc = new XMLParser({ parseTagValue: false, isArray: (n) => n === "CSWWWorker" }).parse(
    readFileSync(here(path), "utf8"),
  );
  return doc.Message.CSWWWorker as Record<string, string>[];
}

describe("the social work workforce census (liia-tools' 30 synthetic workers)", () => {
  const { report, datasets } = run(PUBLIC);
  const rows = workers(PUBLIC);
  const records = datasets[0]?.records ?? [];

  it("imports every worker as a snapshot on the census date, 30 September 2022", () => {
    expect(report.outcome).toBe("clean");
    expect(report.tables[0]).toMatchObject({
      table: "CSWWWorker",
      dataset: "workforce",
      read: 30,
      mapped: 30,
      dropped: 0,
    });
    expect(rows).toHaveLength(30);
    expect(new Set(records.map((r) => r.as_at_date))).toEqual(new Set(["2022-09-30"]));
    expect(report.coverage).toEqual([
      { dataset: "workforce", year: "2022", from: "2022-09-30", to: "2022-09-30" },
    ]);
  });

  it("maps role, agency, FTE, caseload and the role's start and end dates as the census gives them", () => {
    const roles: Record<string, string> = {
      "1": "senior_manager",
      "2": "service_manager",
      "3": "team_manager",
      "4": "senior_practitioner",
      "5": "social_worker",
      "6": "qualified_without_cases",
    };
    for (const w of rows) {
      const r = records.find((x) => x.worker_id === w.SWENo);
      expect(r, w.SWENo).toEqual({
        worker_id: w.SWENo,
        as_at_date: "2022-09-30",
        role: w.OrgRole === undefined ? null : roles[w.OrgRole],
        agency: w.AgencyWorker === "1",
        fte: Number(w.FTE),
        caseload: w.Cases30 === undefined ? null : Number(w.Cases30),
        team: null,
        start_date: w.RoleStartDate ?? null,
        leaving_date: w.RoleEndDate ?? null,
      });
    }
  });

  it("warns, naming the worker and the element, where a value breaks the census's rules", () => {
    const t = report.tables[0];
    // Counted from the XML: 13 workers have no OrgRole; 11 a RoleEndDate after 30 September 2022 and
    // 2 one before the census year (2019-09-23, 2018-08-20); 7 a RoleStartDate after 30 September 2022.
    const count = (re: RegExp) => t?.warnings.filter((w) => re.test(w.message)).length;
    expect(rows.filter((w) => w.OrgRole === undefined)).toHaveLength(13);
    expect(count(/^OrgRole is empty/)).toBe(rows.filter((w) => w.OrgRole === undefined).length);
    expect(count(/^RoleEndDate is after the census date/)).toBe(11);
    expect(count(/^RoleEndDate is before the census year/)).toBe(2);
    expect(count(/^RoleStartDate is after the census date/)).toBe(7);
    expect(t?.warnings[0]).toMatchObject({
      file: "liia-social_work_workforce_2022.xml",
      line: 20,
      element: "CSWWWorker[1]",
      columns: { SWENo: "Oz2054309383", OrgRole: "" },
    });
    expect(t?.columns_not_imported.map((c) => c.column)).toContain("FTE30");
  });

  it("refuses a year that contradicts the census date, and what is not the workforce census", () => {
    expect(run(PUBLIC, { year: 2023 }).report.problems).toEqual([
      {
        file: "liia-social_work_workforce_2022.xml",
        message:
          "its <ReferenceDate> 2022-09-30 is the census of 2022, not 2023 as the year given says: import it as 2022, or correct its header",
      },
    ]);
    expect(run("cin-census/liia-cin-2022.xml").report.problems[0]?.message).toBe(
      "is the CIN census (Collection CIN), not the social work workforce census: import it with kpi import cin-census",
    );
  });

  it("a corrected census keeps each worker's key and carries the correction", () => {
    const corrected = run("census-variants/workforce-corrected/csww-2022-corrected.xml");
    const leaver = corrected.datasets[0]?.records.find((r) => r.worker_id === "Jd1465867330");
    expect(leaver).toMatchObject({ as_at_date: "2022-09-30", leaving_date: "2022-08-31" });
    expect(corrected.datasets[0]?.records.map((r) => r.worker_id)).toEqual(records.map((r) => r.worker_id));
  });
});
