import { describe, expect, it } from "vitest";
import { readXmlTree } from "./xml-tree.js";

describe("readXmlTree", () => {
  it("keeps document order, own text and the line of each opening tag, skipping comments and the prolog", () => {
    const t = readXmlTree(
      '<?xml version="1.0"?>\n<!-- <NOT> -->\n<ns:A>\n  <B>x &amp; y</B><C/>\n  <D><![CDATA[<E>]]></D>\n</ns:A>',
    );
    expect(t).toEqual({
      ok: true,
      root: {
        name: "A",
        text: "",
        line: 3,
        children: [
          { name: "B", text: "x & y", children: [], line: 4 },
          { name: "C", text: "", children: [], line: 4 },
          { name: "D", text: "<E>", children: [], line: 5 },
        ],
      },
      invalidReferences: [],
    });
  });

  it("decodes character references, reads one outside Unicode as U+FFFD, and refuses two roots", () => {
    const t = readXmlTree("<A><B>&#50;&#x41; &amp;#50; &#x110000;</B></A>");
    expect(t.ok && t.root.children[0]?.text).toBe("2A &#50; \uFFFD");
    expect(t.ok && t.invalidReferences).toEqual([{ line: 1, reference: "&#x110000;" }]);
    expect(readXmlTree("<A/><B/>")).toMatchObject({ ok: false });
  });

  it("names the line of a document that is not well-formed", () => {
    const t = readXmlTree("<A>\n<B>\n</A>");
    expect(t.ok).toBe(false);
    expect(!t.ok && t.problem).toMatch(/line 3/);
  });

  it("reads a character reference naming no character as U+FFFD and lists it with its line", () => {
    const t = readXmlTree(
      "<A>\n<B>x&#x110000;y</B>\n<C>&#xD800;&#65;</C><D><![CDATA[&#x110000;]]></D>\n</A>",
    );
    expect(t.ok && t.invalidReferences).toEqual([
      { line: 2, reference: "&#x110000;" },
      { line: 3, reference: "&#xD800;" },
    ]);
    expect(t.ok && t.root.children.map((c) => c.text)).toEqual(["x\uFFFDy", "\uFFFDA", "&#x110000;"]);
    const escaped = readXmlTree("<A>caf&#233; &#38;&#60;B/&#62; &#x1F600;</A>");
    expect(escaped.ok && escaped.root.text).toBe("café &<B/> \u{1F600}");
  });

  it("resolves the entities of a DOCTYPE's internal subset", () => {
    const t = readXmlTree(
      '<!DOCTYPE A [\n  <!ENTITY la "Anytown">\n  <!ELEMENT A ANY>\n]>\n<A>\n<B>&la;</B>\n</A>',
    );
    expect(t.ok && t.root.children[0]).toEqual({ name: "B", text: "Anytown", children: [], line: 6 });
  });
});
