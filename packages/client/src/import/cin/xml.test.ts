import { describe, expect, it } from "vitest";
import { childElements, childText, parseXml } from "./xml.js";

describe("parseXml", () => {
  it("reads elements, text, attributes, entities, CDATA and lines, skipping the prolog and comments", () => {
    const doc = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      "<!-- sample -->",
      '<cin:Message xmlns:cin="urn:x" version="1.2">',
      "  <Children>",
      "    <Child><LAchildID>A&amp;1</LAchildID><Note><![CDATA[<b> & more]]></Note></Child>",
      '    <Child id="2"><LAchildID>B&#50;</LAchildID><Empty/></Child>',
      "  </Children>",
      "</cin:Message>",
    ].join("\n");
    const r = parseXml(doc);
    if (!r.ok) throw new Error(r.error);
    expect(r.root.name).toBe("Message");
    expect(r.root.attributes).toEqual({ cin: "urn:x", version: "1.2" });
    const children = childElements(r.root.children[0] ?? r.root, "Child");
    expect(children.map((c) => childText(c, "LAchildID"))).toEqual(["A&1", "B2"]);
    expect(childText(children[0] ?? r.root, "Note")).toBe("<b> & more");
    expect(children.map((c) => c.line)).toEqual([5, 6]);
    expect(children[1]?.attributes).toEqual({ id: "2" });
    expect(children[1]?.children.map((c) => c.name)).toEqual(["LAchildID", "Empty"]);
  });

  it("names the line of a mismatched end tag", () => {
    expect(parseXml("<a>\n<b>\n</a>")).toEqual({
      ok: false,
      error: "line 3: end tag </a> does not close <b> (line 2)",
    });
  });

  it("names the line of an element never closed", () => {
    expect(parseXml("<a>\n  <b>x</b>\n  <c>")).toEqual({ ok: false, error: "line 3: <c> is never closed" });
  });

  it("refuses unknown entities rather than guessing", () => {
    expect(parseXml("<a>&nbsp;</a>")).toMatchObject({ ok: false });
  });

  it("refuses two root elements and an empty document", () => {
    expect(parseXml("<a/><b/>")).toMatchObject({ ok: false });
    expect(parseXml("  ")).toMatchObject({ ok: false });
  });
});
