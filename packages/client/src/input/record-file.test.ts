import { describe, expect, it } from "vitest";
import { parseRecordFile, recordFileFormat, sourceLabel } from "./record-file.js";

describe("recordFileFormat", () => {
  it("goes by extension first", () => {
    expect(recordFileFormat("a.CSV", "[1]")).toBe("csv");
    expect(recordFileFormat("a.jsonl", "")).toBe("ndjson");
    expect(recordFileFormat("a.json", "")).toBe("json");
  });

  it("looks at the content otherwise", () => {
    expect(recordFileFormat("a.txt", ' [{"a":1}]')).toBe("json");
    expect(recordFileFormat("a.txt", '{"records":[]}')).toBe("json");
    expect(recordFileFormat("a.txt", '{"a":1}\n{"a":2}\n')).toBe("ndjson");
    expect(recordFileFormat("a.txt", "a,b\n1,2\n")).toBe("csv");
  });
});

describe("parseRecordFile", () => {
  it("reads CSV cells as text with their lines", () => {
    const r = parseRecordFile("children.csv", "child_id,date_of_birth\nC1,01/05/2010\n\nC2,\n");
    expect(r).toEqual({
      ok: true,
      format: "csv",
      records: [
        {
          values: { child_id: "C1", date_of_birth: "01/05/2010" },
          source: { file: "children.csv", line: 2, index: 0 },
        },
        {
          values: { child_id: "C2", date_of_birth: "" },
          source: { file: "children.csv", line: 4, index: 1 },
        },
      ],
    });
  });

  it("reads { records } JSON and bare arrays", () => {
    const wrapped = parseRecordFile("a.json", '{"records":[{"child_id":"C1"}]}');
    const bare = parseRecordFile("b.json", '[{"child_id":"C1"},{"child_id":"C2"}]');
    expect(wrapped.ok && wrapped.records[0]).toEqual({
      values: { child_id: "C1" },
      source: { file: "a.json", line: null, index: 0 },
    });
    expect(bare.ok && bare.records.length).toBe(2);
  });

  it("reads NDJSON lines, skipping blank ones", () => {
    const r = parseRecordFile("a.ndjson", '{"a":1}\n\n{"a":2}\n');
    expect(r.ok && r.records.map((x) => x.source.line)).toEqual([1, 3]);
  });

  it("names the file and line of broken input", () => {
    expect(parseRecordFile("a.ndjson", '{"a":1}\n{"a":\n')).toEqual({
      ok: false,
      error: "a.ndjson:2: not a JSON object on this line",
    });
    expect(parseRecordFile("a.json", '{"rows":[]}')).toMatchObject({ ok: false });
    expect(parseRecordFile("a.json", "[1]")).toEqual({
      ok: false,
      error: "a.json[0]: each record must be a JSON object",
    });
  });
});

describe("sourceLabel", () => {
  it("shows file:line, or file[index] without a line", () => {
    expect(sourceLabel({ file: "e.csv", line: 12, index: 10 })).toBe("e.csv:12");
    expect(sourceLabel({ file: "c.json", line: null, index: 3 })).toBe("c.json[3]");
  });
});
