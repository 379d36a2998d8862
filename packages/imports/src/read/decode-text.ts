import { isUtf8 } from "node:buffer";
import chardet from "chardet";
import iconv from "iconv-lite";

/** The outcome of {@link decodeText}: the text and the encoding it was read as, or why it cannot be read. */
export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly problem: string };

const utf8 = new TextDecoder("utf-8");

/** Strict UTF-8: `isUtf8` validates (TextDecoder's `fatal` lets a sequence cut off at the end through). */
function strictUtf8(bytes: Uint8Array): string {
  if (!isUtf8(bytes)) throw new TypeError("not UTF-8");
  return utf8.decode(bytes);
}
/** Single-byte encodings chardet confuses on short English text; councils' Windows systems write Windows-1252. */
const WESTERN = /^(ISO-8859-(1|2|15)|windows-125[02])$/i;

/** Share of NUL bytes at even and odd positions of the first 4 KB: UTF-16 text without a BOM. */
function utf16Without(bytes: Uint8Array): "UTF-16LE" | "UTF-16BE" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return "UTF-16LE";
  if (even > pairs * 0.3 && odd < pairs * 0.05) return "UTF-16BE";
  return null;
}

/**
 * Decode a file as the authority's system wrote it: a byte-order mark names UTF-8, UTF-16 LE or UTF-16
 * BE; text that is valid UTF-8 is UTF-8 (plain ASCII included); UTF-16 without a mark is recognised by
 * its NUL bytes; anything else is detected with `chardet` and decoded with `iconv-lite` (the Western
 * and Central European single-byte encodings chardet cannot tell apart on short English text —
 * ISO-8859-1/2/15, Windows-1250/1252 — are read as Windows-1252, as Excel on Windows writes it). Text with NUL characters after decoding is refused as not text.
 *
 * @param bytes - the file's bytes
 * @returns the text (without the byte-order mark) and the encoding's name, or the problem
 * @example
 * ```ts
 * decodeText(new TextEncoder().encode("\ufeffCHILD,SEX\n")); // { ok: true, text: "CHILD,SEX\n", encoding: "UTF-8 with BOM" }
 * decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9])).encoding; // "Windows-1252"
 * ```
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  let encoding: string;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    try {
      text = strictUtf8(bytes.subarray(3));
    } catch {
      return { ok: false, problem: "it starts with a UTF-8 byte-order mark but is not valid UTF-8" };
    }
    encoding = "UTF-8 with BOM";
  } else if (b0 === 0xff && b1 === 0xfe) {
    text = iconv.decode(buffer.subarray(2), "utf16le");
    encoding = "UTF-16LE";
  } else if (b0 === 0xfe && b1 === 0xff) {
    text = iconv.decode(buffer.subarray(2), "utf16be");
    encoding = "UTF-16BE";
  } else {
    const utf16 = utf16Without(bytes);
    if (utf16 !== null) {
      text = iconv.decode(buffer, utf16 === "UTF-16LE" ? "utf16le" : "utf16be");
      encoding = `${utf16} (no BOM)`;
    } else {
      try {
        text = strictUtf8(bytes);
        encoding = "UTF-8";
      } catch {
        const detected = chardet.detect(buffer);
        // Not valid UTF-8, so a guess of UTF-8 (or ASCII) is wrong too: read those as Windows-1252 as well.
        const name =
          detected === null || WESTERN.test(detected) || /^(UTF-8|ASCII)$/i.test(detected)
            ? "windows-1252"
            : detected;
        if (!iconv.encodingExists(name))
          return { ok: false, problem: `its encoding (${name}) cannot be read; save it as UTF-8` };
        text = iconv.decode(buffer, name);
        encoding = name.toLowerCase() === "windows-1252" ? "Windows-1252" : name;
      }
    }
  }
  if (text.includes("\u0000"))
    return { ok: false, problem: "it is not a text file (it holds NUL characters)" };
  return { ok: true, text, encoding };
}
