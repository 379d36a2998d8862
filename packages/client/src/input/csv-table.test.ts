import { describe, expect, it } from "vitest";
import { readCsvTable } from "./csv-table.js";

describe("readCsvTable", () => {
  it("numbers rows with the line they start on, skipping blank lines and empty rows", () => {
    const text = 'child_id,sex,note\r\nC1,F,\r\n\r\n,,\r\nC2,M,"two\r\nlines"\r\nC3,F,x\r\n';
    const result = readCsvTable(text);
    expect(result).toEqual({
      ok: true,
      header: ["child_id", "sex", "note"],
      rows: [
        { line: 2, cells: { child_id: "C1", sex: "F", note: "" } },
        { line: 5, cells: { child_id: "C2", sex: "M", note: "two\r\nlines" } },
        { line: 7, cells: { child_id: "C3", sex: "F", note: "x" } },
      ],
    });
  });

  it("handles a byte-order mark, doubled quotes and a last line without a newline", () => {
    const result = readCsvTable('\uFEFFid,text\n1,"say ""hi"""\n2,b');
    expect(result.ok && result.rows.map((r) => [r.line, r.cells.text])).toEqual([
      [2, 'say "hi"'],
      [3, "b"],
    ]);
  });

  it("reports a broken file with the catalogue's message and line", () => {
    const result = readCsvTable('id,text\n1,"open\n2,b\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^line 2: /);
  });
});
