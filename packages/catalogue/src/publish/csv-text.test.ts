import { describe, expect, it } from "vitest";
import { csvText } from "./csv-text.js";

describe("csvText", () => {
  it("writes a heading and rows with CRLF line ends", () => {
    expect(
      csvText([
        ["Indicator", "Value"],
        ["Contacts", 1810],
      ]),
    ).toBe("Indicator,Value\r\nContacts,1810\r\n");
  });

  it("quotes fields with commas, quotes and line breaks", () => {
    expect(csvText([['Re-referrals, "12 months"', "a\nb"]])).toBe('"Re-referrals, ""12 months""","a\nb"\r\n');
  });

  it("leaves empty fields for missing values", () => {
    expect(csvText([["x", null, 0]])).toBe("x,,0\r\n");
  });

  it("writes an empty row as an empty line, and a non-finite number as an empty field", () => {
    expect(csvText([["a"], [], ["b", Number.NaN]])).toBe("a\r\n\r\nb,\r\n");
  });

  it("stops text being read as a spreadsheet formula", () => {
    expect(csvText([['=HYPERLINK("x")', "-1", "@SUM(A1)"]])).toBe(
      '"\'=HYPERLINK(""x"")",\'-1,\'@SUM(A1)\r\n',
    );
  });
});
