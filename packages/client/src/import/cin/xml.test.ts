import { describe, expect, it } from "vitest";
import { childElements, childText, parseXml } from "./xml.js";

describe("parseXml", () => {
  it("reads elements by local name, text, entities, CDATA and lines, skipping the prolog and comments", () => {
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
    const children = childElements(r.root.children[0] ?? r.root, "Child");
    expect(children.map((c) => childText(c, "LAchildID"))).toEqual(["A&1", "B2"]);
    expect(childText(children[0] ?? r.root, "Note")).toBe("<b> & more");
    expect(children.map((c) => c.line)).toEqual([5, 6]);
    expect(children[1]?.children.map((c) => c.name)).toEqual(["LAchildID", "Empty"]);
  });

  it("keeps a character reference outside Unicode as written instead of failing", () => {
    const r = parseXml("<a><b>x&#x110000;y</b></a>");
    expect(r.ok && childText(r.root, "b")).toBe("x&#x110000;y");
  });

  it("reads a document with a DOCTYPE holding an internal subset, and its entities", () => {
    const r = parseXml(
      '<!DOCTYPE a [\n  <!ENTITY la "Barnet">\n  <!ELEMENT a ANY>\n]>\n<a>\n<b>&la;</b>\n</a>',
    );
    if (!r.ok) throw new Error(r.error);
    expect(childText(r.root, "b")).toBe("Barnet");
    expect(r.root.children[0]?.line).toBe(6);
  });

  it("names the line of a mismatched end tag", () => {
    expect(parseXml("<a>\n<b>\n</a>")).toMatchObject({ ok: false, error: expect.stringContaining("line 3") });
  });

  it("refuses an element never closed, two root elements and an empty document", () => {
    expect(parseXml("<a>\n  <b>x</b>\n  <c>")).toMatchObject({ ok: false });
    expect(parseXml("<a/><b/>")).toMatchObject({ ok: false });
    expect(parseXml("  ")).toMatchObject({ ok: false });
  });
});
