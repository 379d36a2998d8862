import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analysisBodySchema } from "./reports.js";
import { signInBodySchema } from "./sessions.js";
import { isStorableText, storedText, unstorableTextMessage } from "./stored-text.js";

describe("stored text", () => {
  it("refuses NUL and unpaired surrogates, high or low, anywhere in the text", () => {
    for (const bad of ["\u0000", "a\u0000", "\u0000b", "\ud800", "x\udbff", "\udc00y", "\ude00\ud83d"])
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    for (const ok of ["", "plain", "caf\u00e9", "\ud83d\ude00 smile", "line\nbreak\ttab", "\u00a0"])
      expect(isStorableText(ok), JSON.stringify(ok)).toBe(true);
  });

  it("agrees with a UTF-8 round trip for any string without NUL", () => {
    // Independent oracle: text survives encoding to UTF-8 and back unchanged exactly when it has no
    // unpaired surrogate (TextEncoder replaces those by U+FFFD).
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const roundTrips = new TextDecoder().decode(new TextEncoder().encode(s)) === s;
        expect(isStorableText(s)).toBe(roundTrips && !s.includes("\u0000"));
      }),
    );
  });

  it("names the field in the issue when a request schema refuses it", () => {
    const result = signInBodySchema.safeParse({ username: "jo\u0000", password: "x" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["username"], message: unstorableTextMessage }),
    ]);
    expect(analysisBodySchema.safeParse({ text: "Contacts \ud800 rose" }).error?.issues[0]?.path).toEqual([
      "text",
    ]);
  });

  it("keeps the field's own rules after it", () => {
    expect(storedText().min(2).safeParse("a").success).toBe(false);
    expect(storedText().trim().parse("  a  ")).toBe("a");
  });
});
