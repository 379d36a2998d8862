import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsvTable } from "./csv-table.js";

describe("readCsvTable", () => {
  it("upper-cases and trims the header, trims cells, keeps each row's line (quoted line breaks included)", () => {
    const t = readCsvTable("x.csv", 'child, sex \n1," a\nb "\n\n2,F\n');
    expect(t).toEqual({
      ok: true,
      delimiter: ",",
      columns: ["CHILD", "SEX"],
      rows: [
        { values: { CHILD: "1", SEX: "a\nb" }, file: "x.csv", line: 2 },
        { values: { CHILD: "2", SEX: "F" }, file: "x.csv", line: 5 },
      ],
    });
  });

  it("finds the delimiter in the header line", () => {
    expect(detectDelimiter("A;B;C\n1,5;2;3\n")).toBe(";");
    expect(detectDelimiter("A\tB\n")).toBe("\t");
    expect(readCsvTable("x.csv", "A|B\n1|2\n")).toMatchObject({
      ok: true,
      delimiter: "|",
      rows: [{ values: { A: "1", B: "2" } }],
    });
  });

  it("makes a row of another length a whole-file problem naming its line", () => {
    const t = readCsvTable("x.csv", "A,B\n1,2\n3\n");
    expect(t).toMatchObject({ ok: false });
    expect(!t.ok && t.problem).toMatch(/different number of cells from the header \(line 3\)/);
  });
});
