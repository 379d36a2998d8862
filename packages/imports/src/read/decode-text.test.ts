import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text.js";

const text = "CHILD,NOTE\nC1,Zoë’s café\n";

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM, plain ASCII as UTF-8", () => {
    expect(decodeText(Buffer.from(text, "utf8"))).toEqual({ ok: true, text, encoding: "UTF-8" });
    expect(decodeText(Buffer.from(`\ufeff${text}`, "utf8"))).toEqual({
      ok: true,
      text,
      encoding: "UTF-8 with BOM",
    });
    expect(decodeText(Buffer.from("CHILD\n1\n", "latin1"))).toMatchObject({ encoding: "UTF-8" });
  });

  it("reads UTF-16 LE and BE, with a BOM or without", () => {
    expect(decodeText(iconv.encode(text, "utf16le", { addBOM: true }))).toEqual({
      ok: true,
      text,
      encoding: "UTF-16LE",
    });
    expect(decodeText(iconv.encode(text, "utf16be", { addBOM: true }))).toEqual({
      ok: true,
      text,
      encoding: "UTF-16BE",
    });
    expect(decodeText(iconv.encode(text, "utf16le"))).toEqual({
      ok: true,
      text,
      encoding: "UTF-16LE (no BOM)",
    });
    expect(decodeText(iconv.encode(text, "utf16be"))).toEqual({
      ok: true,
      text,
      encoding: "UTF-16BE (no BOM)",
    });
  });

  it("reads Windows-1252 (not UTF-8) as Windows-1252, curly quote included", () => {
    expect(decodeText(iconv.encode(text, "win1252"))).toEqual({ ok: true, text, encoding: "Windows-1252" });
  });

  it("refuses a binary file", () => {
    expect(
      decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0, 0x08, 0])),
    ).toMatchObject({ ok: false });
  });
});
