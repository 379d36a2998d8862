import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportResult, TableReport } from "../import-report.js";
import { recordId } from "../record-id.js";
import { importSsda903 } from "./import-ssda903.js";
import { readSsda903Folder } from "./read-ssda903-folder.js";

const folder = fileURLToPath(new URL("../../../test/fixtures/ssda903/", import.meta.url));
const idKey = "fixture-id-key-0123456789";

let result: ImportResult;
const records = (dataset: string) =>
  result.tables.find((t) => t.dataset === dataset)?.records.map((r) => r.values) ?? [];
const report = (dataset: string) => result.report.find((t) => t.dataset === dataset) as TableReport;
const droppedLines = (dataset: string) => report(dataset).dropped.map((d) => d.source.line);

beforeAll(async () => {
  const read = await readSsda903Folder(folder);
  if (!read.ok) throw new Error(read.error);
  result = importSsda903(read.tables, { idKey, returnYear: 2020 });
});

describe("importSsda903 on the sample extract", () => {
  it("posts children first, then episodes, missing episodes and care leavers", () => {
    expect(result.tables.map((t) => t.dataset)).toEqual([
      "children",
      "cla_episodes",
      "missing_episodes",
      "care_leavers",
    ]);
  });

  it("maps header rows onto children: 1/2 → M/F, DD/MM/YYYY → ISO", () => {
    expect(records("children")).toEqual([
      { child_id: "1001", date_of_birth: "2008-06-14", sex: "M", ethnicity: "WBRI", disabled: null },
      { child_id: "1002", date_of_birth: "2002-02-03", sex: "F", ethnicity: "APKN", disabled: null },
      { child_id: "1004", date_of_birth: null, sex: "F", ethnicity: null, disabled: null },
      { child_id: "1005", date_of_birth: "2000-02-29", sex: "M", ethnicity: "MWBC", disabled: null },
    ]);
  });

  it("drops header rows with an unknown SEX or no CHILD, and notes what it left empty", () => {
    const r = report("children");
    expect(r).toMatchObject({ from: "header.csv", read: 6, mapped: 4 });
    expect(r.dropped.map((d) => [d.source.line, d.reason])).toEqual([
      [4, "SEX '3' is not a 903 code (1 male, 2 female)"],
      [7, "CHILD is empty (mandatory)"],
    ]);
    expect(r.notes.map((n) => [n.source.line, n.field])).toEqual([
      [5, "date_of_birth"],
      [5, "ethnicity"],
    ]);
    expect(r.notes[0]?.reason).toContain("'31/02/2011' is not a date");
  });

  it("maps episodes with ids keyed on CHILD and DECOM", () => {
    const episodes = records("cla_episodes");
    expect(episodes).toHaveLength(4);
    expect(episodes[0]).toEqual({
      episode_id: recordId(idKey, "EP", ["1001", "2019-04-01"]),
      child_id: "1001",
      start_date: "2019-04-01",
      end_date: "2019-06-15",
      reason_new_episode: "S",
      legal_status: "C2",
      category_of_need: "N1",
      placement_type: "U1",
      placement_provider: "PR1",
      reason_ceased: "X1",
      weekly_cost: null,
      team: null,
    });
    expect(episodes.map((e) => e.child_id)).toEqual(["1001", "1001", "1002", "1004"]);
    expect(episodes[3]?.category_of_need).toBeNull();
  });

  it("reports dropped episodes: unknown LS, impossible DECOM, a repeated key, DEC without REC", () => {
    const r = report("cla_episodes");
    expect(r).toMatchObject({ read: 8, mapped: 4 });
    expect(r.ignoredColumns).toEqual(["REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]);
    expect(droppedLines("cla_episodes")).toEqual([5, 7, 8, 9]);
    const reasons = r.dropped.map((d) => d.reason);
    expect(reasons[0]).toBe("LS 'Q9' is not a 903 legal status code");
    expect(reasons[1]).toBe("DECOM '32/01/2019' is not a date (DD/MM/YYYY)");
    expect(reasons[2]).toMatch(/duplicate key: .* also at episodes\.csv:2$/);
    expect(reasons[3]).toMatch(/reason_ceased/);
    expect(r.notes.map((n) => [n.source.line, n.field, n.reason])).toEqual([
      [6, "category_of_need", "CIN 'N9' is not a 903 category of need (N1–N8)"],
    ]);
  });

  it("maps missing episodes as from care, dropping an unknown MISSING code and an end before start", () => {
    expect(records("missing_episodes")).toEqual([
      {
        episode_id: recordId(idKey, "MI", ["1001", "M", "2019-05-03"]),
        child_id: "1001",
        start_date: "2019-05-03",
        end_date: "2019-05-04",
        kind: "missing",
        from: "care",
        return_interview: null,
      },
      {
        episode_id: recordId(idKey, "MI", ["1001", "A", "2019-07-20"]),
        child_id: "1001",
        start_date: "2019-07-20",
        end_date: null,
        kind: "absent",
        from: "care",
        return_interview: null,
      },
    ]);
    expect(droppedLines("missing_episodes")).toEqual([4, 5]);
    expect(report("missing_episodes").dropped[0]?.reason).toBe("MISSING 'X' is not a 903 code (M or A)");
  });

  it("dates care leavers' status on their birthday in the return year", () => {
    expect(records("care_leavers")).toEqual([
      {
        child_id: "1002",
        as_at_date: "2020-02-03",
        in_touch: "YES",
        activity: "F2",
        accommodation_suitable: true,
      },
      {
        child_id: "1005",
        as_at_date: "2020-02-29",
        in_touch: "NO",
        activity: "G4",
        accommodation_suitable: false,
      },
      {
        child_id: "1009",
        as_at_date: "2020-03-31",
        in_touch: "REFU",
        activity: null,
        accommodation_suitable: null,
      },
      {
        child_id: "1004",
        as_at_date: "2020-03-31",
        in_touch: "YES",
        activity: null,
        accommodation_suitable: null,
      },
    ]);
    const r = report("care_leavers");
    expect(droppedLines("care_leavers")).toEqual([5]);
    expect(r.notes.map((n) => [n.source.line, n.field])).toEqual([
      [4, "as_at_date"],
      [6, "as_at_date"],
      [6, "activity"],
      [6, "accommodation_suitable"],
    ]);
  });

  it("drops every OC3 row when no return year is given", () => {
    const again = importSsda903(
      {
        oc3: {
          file: "oc3.csv",
          columns: ["CHILD", "IN_TOUCH"],
          rows: [{ values: { CHILD: "1", IN_TOUCH: "YES" }, source: { file: "oc3.csv", line: 2, index: 0 } }],
        },
      },
      { idKey },
    );
    expect(again.report[0]?.dropped[0]?.reason).toMatch(/no return year/);
  });
});

describe("readSsda903Folder", () => {
  it("says so when the folder holds no 903 table", async () => {
    const read = await readSsda903Folder(
      fileURLToPath(new URL("../../../test/fixtures/cin/", import.meta.url)),
    );
    expect(read).toMatchObject({ ok: false });
  });
});
