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
    });
  });

  it("decodes character references, keeps one outside Unicode as written, and refuses two roots", () => {
    const t = readXmlTree("<A><B>&#50;&#x41; &amp;#50; &#x110000;</B></A>");
    expect(t.ok && t.root.children[0]?.text).toBe("2A &#50; &#x110000;");
    expect(readXmlTree("<A/><B/>")).toMatchObject({ ok: false });
  });

  it("names the line of a document that is not well-formed", () => {
    const t = readXmlTree("<A>\n<B>\n</A>");
    expect(t.ok).toBe(false);
    expect(!t.ok && t.problem).toMatch(/line 3/);
  });
});
