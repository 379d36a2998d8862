import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvFormatError, csvRecords, parseCsv, toCsv } from "./csv.js";

async function collect(source: AsyncIterable<Record<string, string>>): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const row of source) rows.push(row);
  return rows;
}

async function* chunks(...parts: (string | Buffer)[]): AsyncIterable<string | Buffer> {
  for (const p of parts) yield p;
}

describe("parseCsv", () => {
  it("reads a header and rows, trimming header cells and stripping a byte-order mark", () => {
    expect(parseCsv('\uFEFF child_id , sex\r\nC1,F\r\n"C,2",M\r\n')).toEqual({
      ok: true,
      header: ["child_id", "sex"],
      rows: [
        { child_id: "C1", sex: "F" },
        { child_id: "C,2", sex: "M" },
      ],
    });
  });

  it("keeps quoted line breaks and doubled quotes inside a cell", () => {
    const r = parseCsv('id,note\nA,"line one\nsaid ""hi"""\n');
    expect(r.ok && r.rows).toEqual([{ id: "A", note: 'line one\nsaid "hi"' }]);
  });

  it("skips blank lines and rows of empty cells", () => {
    const r = parseCsv("a,b\n\n1,2\n,\n");
    expect(r.ok && r.rows).toEqual([{ a: "1", b: "2" }]);
  });

  it("reports an unclosed quote with a line number", () => {
    expect(parseCsv('a,b\n1,2\n"3,4\n5,6\n')).toEqual({
      ok: false,
      error: 'line 3: a quoted cell opened here is never closed (a " is missing)',
    });
  });

  it("reports text after a closing quote", () => {
    expect(parseCsv('a,b\n"1"x,2\n')).toEqual({
      ok: false,
      error: 'line 2: a quote inside a quoted cell must be doubled ("")',
    });
  });

  it("reports a quote inside an unquoted cell", () => {
    const r = parseCsv("a,b\n1,5'10\"\n");
    expect(!r.ok && r.error).toMatch(/^line 2: a " appears inside a cell that does not start with one/);
  });

  it("reports a ragged row", () => {
    expect(parseCsv("a,b\n1,2\n3\n")).toEqual({
      ok: false,
      error: "line 3: this row has 1 cell but the header has 2",
    });
  });

  it("reports an empty file, an unnamed column and a repeated column", () => {
    expect(parseCsv("")).toEqual({
      ok: false,
      error: "line 1: the file is empty; the first row must name the fields",
    });
    expect(parseCsv("a,,c\n1,2,3\n")).toEqual({
      ok: false,
      error: "line 1: column 2 of the header row has no name",
    });
    expect(parseCsv("a,b,a\n1,2,3\n")).toEqual({
      ok: false,
      error: "line 1: column 'a' appears twice in the header (columns 1 and 3)",
    });
  });
});

describe("csvRecords", () => {
  it("yields rows from chunks split anywhere, buffers or strings", async () => {
    const rows = await collect(
      csvRecords(chunks(Buffer.from("\uFEFFid,na"), 'me\r\n1,"A', ',B"\r\n2,', "C\r\n")),
    );
    expect(rows).toEqual([
      { id: "1", name: "A,B" },
      { id: "2", name: "C" },
    ]);
  });

  it("throws CsvFormatError with the line on broken quoting", async () => {
    const error = await collect(csvRecords(chunks("a,b\n1,2\n", '"3,4\n'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFormatError);
    // A stream cannot look back: the line is where the file ended inside the quoted cell.
    expect((error as CsvFormatError).line).toBe(3);
    expect((error as CsvFormatError).message).toBe('line 3: a quoted cell is not closed (a " is missing)');
  });

  it("throws CsvFormatError on a ragged row", async () => {
    const error = await collect(csvRecords(chunks("a,b\n1,2\n3,4,5\n"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFormatError);
    expect((error as CsvFormatError).message).toBe("line 3: this row has 3 cells but the header has 2");
  });

  it("throws CsvFormatError on a repeated header column", async () => {
    await expect(collect(csvRecords(chunks("a,a\n1,2\n")))).rejects.toThrow(CsvFormatError);
  });
});

describe("toCsv", () => {
  it("quotes cells as RFC 4180 says and writes null as empty", () => {
    expect(
      toCsv(
        ["id", "note", "n", "flag"],
        [
          { id: "A", note: 'said "hi", left', n: 3, flag: true },
          { id: "B", note: "two\nlines", n: null, flag: undefined },
        ],
      ),
    ).toBe('id,note,n,flag\r\nA,"said ""hi"", left",3,true\r\nB,"two\nlines",,\r\n');
  });

  it("is read back by parseCsv to the same cells (property)", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "\r\n", "é", "1") });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 8 }), (pairs) => {
        // Rows whose cells are all empty are skipped on reading, as on upload.
        const rows = pairs.map(([x, y]) => ({ x: `k${x}`, y }));
        const r = parseCsv(toCsv(["x", "y"], rows));
        expect(r).toEqual({ ok: true, header: ["x", "y"], rows });
      }),
    );
  });
});
