import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { annexACode, annexADate } from "../src/annex-a/annex-a-cells.js";
import { importAnnexA } from "../src/annex-a/import-annex-a.js";
import type { MappedImport } from "../src/framework/import-report.js";

const PUBLIC = fileURLToPath(new URL("./fixtures/annex-a/liia-Annex_A.xlsx", import.meta.url));
const SPAN = { from: "2020-09-01", to: "2021-03-31" };
// A readable id, so a test can say which row a record came from (the API uses a keyed hash).
const recordId = (prefix: string, parts: readonly string[]) => `${prefix}:${parts.join("|")}`;
// `null`: no span given (the workbook must state it).
const run = (bytes: Uint8Array, span: { from: string; to: string } | null = SPAN) =>
  importAnnexA([{ path: "annex-a.xlsx", bytes }], { recordId, ...(span === null ? {} : { span }) });

type Cell = ExcelJS.CellValue;
/** Each sheet's cells as exceljs reads them (row 1 the headings), read independently of the importer. */
async function sheetsOf(bytes: Uint8Array): Promise<{ name: string; rows: Cell[][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow((row) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.value;
      });
      rows.push(cells);
    });
    return { name: ws.name, rows };
  });
}

/** A formula's cached value; everything else as it is. */
const cached = (v: Cell): Cell =>
  v !== null && typeof v === "object" && !(v instanceof Date) && "result" in v ? (v.result as Cell) : v;

/** A workbook of the given sheets, every value written as given (formulas as their cached values). */
async function workbookOf(sheets: { name: string; rows: Cell[][] }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row.map((v) => (v === undefined ? null : v)));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const mapCells = (sheets: { name: string; rows: Cell[][] }[], f: (v: Cell) => Cell) =>
  sheets.map((s) => ({
    name: s.name,
    rows: s.rows.map((r, i) => (i === 0 ? r : r.map((v) => f(cached(v))))),
  }));

const ddmmyyyy = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
// Excel's serial: days since 30 December 1899.
const serial = (d: Date) => Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);

const recordsOf = (m: MappedImport) =>
  Object.fromEntries(
    m.datasets.map((d) => [
      d.dataset,
      [...d.records].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ]),
  );

describe("the public Annex A workbook (liia-tools' lists 1–11)", () => {
  const bytes = new Uint8Array(readFileSync(PUBLIC));
  let m: MappedImport;
  let sheets: { name: string; rows: Cell[][] }[];
  beforeAll(async () => {
    m = await run(bytes);
    sheets = await sheetsOf(bytes);
  });

  it("accounts for every list: each sheet recognised, each list a table with its rows read", () => {
    expect(m.report.outcome).toBe("clean");
    expect(m.report.problems).toEqual([]);
    const file = m.report.files[0];
    expect(file?.format).toBe("xlsx");
    expect(file?.tables).toHaveLength(11);
    // Each list is found on the sheet the template names for it.
    file?.tables.forEach((t, i) => {
      expect(t).toMatch(new RegExp(`^List ${i + 1} \\(.*\\): sheet 'List ${i + 1}'$`));
    });
    // Rows read per list: the sheet's rows after its heading row, counted by exceljs here.
    const dataRows = Object.fromEntries(sheets.map((s) => [s.name, s.rows.length - 1]));
    for (let n = 1; n <= 11; n += 1) {
      const t = m.report.tables.find((x) => x.table.startsWith(`List ${n}:`));
      expect(t?.read, `List ${n}`).toBe(dataRows[`List ${n}`]);
      expect((t?.mapped ?? 0) + (t?.dropped ?? 0), `List ${n}`).toBe(
        t?.dataset === "children" || t?.dataset === "(none)" ? 0 : t?.read,
      );
    }
    // Lists 8 and 11 map onto no dataset of their own, and the report says why.
    expect(file?.not_imported?.map((x) => x.table)).toEqual([
      "List 8: Children in care",
      "List 11: Adopters",
    ]);
  });

  it("maps the lists onto their datasets, with ids from the child and the list's date", () => {
    const by = recordsOf(m);
    // List 1 row 2: child 9212044, contact 16 Sep 2020, source "q) 6: Police".
    expect(by.contacts).toContainEqual({
      contact_id: "AAC:9212044|2020-09-16|0",
      child_id: "9212044",
      contact_date: "2020-09-16",
      source: "6",
      decision_date: null,
      level_of_need: null,
      team: null,
    });
    // List 2 row 2: child 612306, started 16 Sep, completed 30 Sep 2020 by Top Town Academy.
    expect(by.early_help).toContainEqual(
      expect.objectContaining({
        child_id: "612306",
        start_date: "2020-09-16",
        assessment_completed_date: "2020-09-30",
        team: "Top Town Academy",
      }),
    );
    // List 5 row 4: ICPC deemed unnecessary ("Yes"), no conference.
    expect(by.s47_enquiries).toContainEqual(
      expect.objectContaining({
        child_id: "10273003",
        icpc_not_required: true,
        icpc_date: null,
        icpc_cp_plan: null,
      }),
    );
    // List 7 row 2: plan 23 Nov 2020 – 16 Feb 2021, physical abuse, no previous plan.
    expect(by.cp_plans).toContainEqual(
      expect.objectContaining({
        child_id: "10721552",
        start_date: "2020-11-23",
        end_date: "2021-02-16",
        initial_category: "PHY",
        previous_plans: 0,
      }),
    );
    // List 9 row 2: in touch ("a) Yes"), F1, suitable; dated on the span's last day.
    expect(by.care_leavers).toContainEqual({
      child_id: "7961370",
      as_at_date: "2021-03-31",
      in_touch: "YES",
      activity: "F1",
      accommodation_suitable: true,
    });
    // List 10 row 2: the decision is a formula (H2+5) whose cached value is 11 Aug 2009.
    expect(by.adoption_decisions).toContainEqual({
      child_id: "7961370",
      decision_date: "2009-08-11",
      ceased_date: null,
      ceased_reason: null,
    });
    // Lists 3 (6 referrals) and 6 (5 episodes of need, none on a list 3 child's referral day) → 11.
    expect(by.referrals).toHaveLength(11);
    // List 6's #N/A cells are in columns not imported: no warning, no drop.
    expect(m.report.tables.find((t) => t.table.startsWith("List 6:"))?.dropped).toBe(0);
  });

  it("takes every child once, from every list about children", () => {
    // Distinct values of column A (the child's id) on lists 1–10, read here with exceljs.
    const ids = new Set(
      sheets.filter((s) => s.name !== "List 11").flatMap((s) => s.rows.slice(1).map((r) => String(r[0]))),
    );
    const children = m.datasets.find((d) => d.dataset === "children")?.records ?? [];
    expect(children).toHaveLength(ids.size);
    // List 1 row 2: "Female", "a) WBRI", born 25 Jan 2015; List 1 row 3 has no date of birth.
    expect(children).toContainEqual(
      expect.objectContaining({
        child_id: "9212044",
        sex: "F",
        ethnicity: "WBRI",
        date_of_birth: "2015-01-25",
      }),
    );
    expect(children.find((c) => c.child_id === "11973218")?.date_of_birth).toBeNull();
  });

  it("covers the span given: each dated dataset from its first to its last day, care leavers its last", () => {
    const cover = Object.fromEntries(m.report.coverage.map((c) => [c.dataset, [c.from, c.to]]));
    expect(cover.contacts).toEqual(["2020-09-01", "2021-03-31"]);
    expect(cover.cp_plans).toEqual(["2020-09-01", "2021-03-31"]);
    expect(cover.care_leavers).toEqual(["2021-03-31", "2021-03-31"]);
    // Each coverage entry is the dataset written beside it (the service pairs them by position).
    expect(m.report.coverage.map((c) => c.dataset)).toEqual(m.datasets.map((d) => d.dataset));
  });

  it("names the columns not imported and why", () => {
    const list3 = m.report.tables.find((t) => t.table.startsWith("List 3:"));
    expect(list3?.columns_not_imported.map((c) => c.column)).toEqual([
      "Number of Referrals in Last 12 Months",
      "Allocated Worker",
    ]);
    expect(list3?.columns_not_imported[1]?.why).toContain("never stores workers' names");
  });

  it("imports nothing without a span, and says how to give one", async () => {
    const none = await run(bytes, null);
    expect(none.report.outcome).toBe("failed");
    expect(none.datasets).toEqual([]);
    expect(none.report.problems[0]?.message).toContain("--covers");
  });

  describe("variants made from it import the same records", () => {
    let original: Record<string, unknown>;
    beforeAll(() => {
      original = recordsOf(m);
    });

    it("with renamed sheets (found by their headings)", async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as never);
      wb.worksheets.forEach((ws, i) => {
        ws.name = `Tab ${String.fromCharCode(65 + i)}`;
      });
      const renamed = await run(new Uint8Array(await wb.xlsx.writeBuffer()));
      expect(renamed.report.outcome).toBe("clean");
      // Still each list on its own sheet, now named Tab A … Tab K.
      expect(renamed.report.files[0]?.tables[3]).toBe("List 4 (Assessments): sheet 'Tab D'");
      expect(recordsOf(renamed)).toEqual(original);
    });

    it("with every sheet's columns in reverse order", async () => {
      const moved = sheets.map((s) => {
        const width = Math.max(...s.rows.map((r) => r.length));
        return {
          name: s.name,
          rows: s.rows.map((r) => Array.from({ length: width }, (_, i) => cached(r[width - 1 - i] ?? null))),
        };
      });
      const out = await run(await workbookOf(moved));
      expect(out.report.outcome).toBe("clean");
      expect(recordsOf(out)).toEqual(original);
    });

    it("with dates as text (DD/MM/YYYY)", async () => {
      const text = mapCells(sheets, (v) => (v instanceof Date ? ddmmyyyy(v) : v));
      const out = await run(await workbookOf(text));
      expect(out.report.outcome).toBe("clean");
      expect(recordsOf(out)).toEqual(original);
    });

    it("with dates as Excel serial numbers", async () => {
      const serials = mapCells(sheets, (v) => (v instanceof Date ? serial(v) : v));
      const out = await run(await workbookOf(serials));
      expect(out.report.outcome).toBe("clean");
      expect(recordsOf(out)).toEqual(original);
    });

    it("with the authority's own headings, a title row stating the span, and a notes sheet", async () => {
      const reworded: Record<string, string> = {
        "Child Unique ID": "Child ID",
        "Date of Contact": "Contact date",
        "Contact Source": "Source of contact",
        "Date of Referral": "Referral date",
        "Referral NFA?": "No further action?",
      };
      const own = sheets.map((s) => ({
        name: s.name,
        rows: [
          ["Annex A return, 01/09/2020 to 31/03/2021"],
          s.rows[0]?.map((h) => reworded[String(h)] ?? h) ?? [],
          ...s.rows.slice(1).map((r) => r.map(cached)),
        ],
      }));
      own.unshift({
        name: "Notes",
        rows: [["Prepared for the inspection"], ["Contact the data team with questions"]],
      });
      const out = await run(await workbookOf(own), null);
      expect(out.report.outcome).toBe("clean");
      expect(out.report.coverage[0]).toMatchObject(SPAN);
      expect(out.report.files[0]?.not_imported?.[0]?.table).toBe("sheet 'Notes'");
      expect(recordsOf(out)).toEqual(original);
    });
  });
});

describe("an Annex A workbook with problems", () => {
  const contacts = (rows: Cell[][]) => ({
    name: "Contacts",
    rows: [["Child Unique ID", "Gender", "Date of Contact", "Contact Source"], ...rows],
  });

  it("drops a row it cannot read and keeps one with a warning, naming the sheet, line and heading", async () => {
    const out = await run(
      await workbookOf([
        contacts([
          ["C1", "a) Male", new Date(Date.UTC(2020, 9, 1)), "q) 6: Police"], // clean
          ["C2", "b) Female", "31/02/2021", "q) 6: Police"], // no such day: dropped
          ["C3", { error: "#N/A" } as Cell, "02/10/2020", "2A"], // #N/A gender: kept, sex unknown
          ["C4", "Female", "2020-05-01", "q) 6: Police"], // before the span: kept with a warning
          ["C5", "Female", "03/10/2020", "z) 99: Martians"], // no such source: dropped
        ]),
      ]),
    );
    expect(out.report.outcome).toBe("partial");
    const t = out.report.tables.find((x) => x.table.startsWith("List 1:"));
    expect([t?.read, t?.mapped, t?.kept_with_warning, t?.dropped]).toEqual([5, 3, 1, 2]);
    expect(t?.drops[0]).toMatchObject({
      file: "annex-a.xlsx [Contacts]",
      line: 3,
      columns: { "Child Unique ID": "C2", "Date of Contact": "31/02/2021" },
    });
    expect(t?.drops[0]?.message).toContain("Date of Contact '31/02/2021' is not a date");
    expect(t?.drops[1]?.message).toContain("Contact Source 'z) 99: Martians' is not one of the codes");
    expect(t?.warnings[0]?.message).toContain("is outside the span the workbook covers");
    const children = out.report.tables.find((x) => x.dataset === "children");
    expect(children?.warnings[0]?.message).toBe("Gender is the Excel error #N/A: read as empty");
    // With --strict nothing is written.
    const strict = await importAnnexA(
      [{ path: "a.xlsx", bytes: await workbookOf([contacts([["C2", "F", "31/02/2021", "6"]])]) }],
      { recordId, span: SPAN, strict: true },
    );
    expect(strict.report.outcome).toBe("failed");
    expect(strict.datasets).toEqual([]);
  });

  it("refuses a list without a required column, and two sheets holding one list", async () => {
    const noDate = await run(
      await workbookOf([
        {
          name: "List 1",
          rows: [
            ["Child Unique ID", "Contact Source"],
            ["C1", "6"],
          ],
        },
      ]),
    );
    // "Contact Source" alone makes the sheet list 1; its date column is missing.
    expect(noDate.report.problems[0]?.message).toContain("has no column for 'Date of Contact'");
    const twice = await run(
      await workbookOf([contacts([["C1", "M", "01/10/2020", "6"]]), { ...contacts([]), name: "Contacts 2" }]),
    );
    expect(twice.report.problems[0]?.message).toContain("both hold list 1");
    expect(twice.datasets).toEqual([]);
  });
});

describe("Annex A cells", () => {
  it("reads dates as serials, text in English day-first order, or ISO", () => {
    // 1 Jan 2020 is serial 43831; 16 Sep 2020 is 259 days later (31+29+31+30+31+30+31+31+15).
    expect(annexADate("44090")).toEqual({ ok: true, value: "2020-09-16" });
    expect(annexADate("44090.75")).toEqual({ ok: true, value: "2020-09-16" });
    expect(annexADate("16.09.2020")).toEqual({ ok: true, value: "2020-09-16" });
    expect(annexADate("16 September 2020")).toEqual({ ok: true, value: "2020-09-16" });
    expect(annexADate("23/09/99")).toEqual({ ok: true, value: "1999-09-23" });
    expect(annexADate("30/02/2020")).toEqual({ ok: false });
    expect(annexADate("soon")).toEqual({ ok: false });
  });

  it("reads codes from drop-down labels", () => {
    expect(annexACode("j) 3D: Health services")).toBe("3D");
    expect(annexACode("N1 - Abuse or Neglect")).toBe("N1");
    expect(annexACode("Physical abuse")).toBe("Physical abuse");
  });

  it("refuses a file that is not a workbook, in the user's terms", async () => {
    const out = await run(new TextEncoder().encode("Child Unique ID,Date of Contact\n1,16/09/2020\n"));
    expect(out.report.outcome).toBe("failed");
    expect(out.report.problems[0]?.message).toContain("is not an Excel workbook (.xlsx)");
  });
});
