import { XMLParser, XMLValidator } from "fast-xml-parser";

/** One XML element: its name, its own text (trimmed; `""` for none), its child elements and its line. */
export interface XmlElement {
  readonly name: string;
  readonly text: string;
  readonly children: readonly XmlElement[];
  /** The line of its opening tag (1-based), when known. */
  readonly line?: number;
}

/** The outcome of {@link readXmlTree}. */
export type XmlTree =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly problem: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  // Character references (&#50;) are decoded with the HTML entities; one outside Unicode stays as written.
  htmlEntities: true,
  removeNSPrefix: true,
});

type Ordered = Record<string, unknown>;

/** Lines of the opening tags in document order (comments, CDATA, declarations and DOCTYPE skipped). */
function openingTagLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  const skip = (end: string) => {
    const j = text.indexOf(end, i);
    const stop = j < 0 ? text.length : j + end.length;
    for (let k = i; k < stop; k++) if (text.charCodeAt(k) === 10) line += 1;
    i = stop;
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
      i += 1;
      continue;
    }
    if (c !== 60) {
      i += 1;
      continue;
    }
    if (text.startsWith("<!--", i)) skip("-->");
    else if (text.startsWith("<![CDATA[", i)) skip("]]>");
    else if (text.startsWith("<!DOCTYPE", i)) {
      const bracket = text.indexOf("[", i);
      const close = text.indexOf(">", i);
      skip(bracket >= 0 && bracket < close ? "]>" : ">");
    } else if (text.startsWith("<?", i)) skip("?>");
    else if (text.startsWith("</", i)) i += 2;
    else {
      lines.push(line);
      i += 1;
    }
  }
  return lines;
}

/**
 * Parse an XML message with `fast-xml-parser` into a plain tree of elements in document order, each
 * with its opening tag's line. Entities are resolved (a DOCTYPE's internal subset included); a
 * character reference outside Unicode such as `&#x110000;` is kept as written instead of failing the
 * file; namespace prefixes are dropped (`cin:Message` is `Message`); attributes are not read (statutory
 * messages carry data only in elements). A file that is not well-formed is a problem naming the line.
 *
 * @param text - the decoded text
 * @returns the root element, or the problem
 * @example
 * ```ts
 * const t = readXmlTree("<A>\n  <B>x</B>\n</A>");
 * t.ok && t.root.children[0]; // { name: "B", text: "x", children: [], line: 2 }
 * ```
 */
export function readXmlTree(text: string): XmlTree {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return { ok: false, problem: `it is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
  let parsed: Ordered[];
  try {
    parsed = parser.parse(text) as Ordered[];
  } catch (error) {
    return {
      ok: false,
      problem: `it is not readable as XML: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const lines = openingTagLines(text);
  let next = 0;
  const build = (node: Ordered): XmlElement | null => {
    const name = Object.keys(node).find((k) => k !== ":@" && k !== "#text");
    if (name === undefined || name.startsWith("?") || name.startsWith("!")) return null;
    const line = lines[next];
    next += 1;
    const content = (node[name] ?? []) as Ordered[];
    const children: XmlElement[] = [];
    let own = "";
    for (const item of content) {
      if ("#text" in item) own += String(item["#text"]);
      else {
        const child = build(item);
        if (child !== null) children.push(child);
      }
    }
    return line === undefined
      ? { name, text: own.trim(), children }
      : { name, text: own.trim(), children, line };
  };
  const roots = parsed.map(build).filter((e): e is XmlElement => e !== null);
  const root = roots[0];
  if (root === undefined) return { ok: false, problem: "it holds no XML element" };
  if (roots.length > 1)
    return {
      ok: false,
      problem: `it is not well-formed XML (more than one root element: <${root.name}> and <${roots[1]?.name}>)`,
    };
  if (next !== lines.length) return { ok: true, root: withoutLines(root) };
  return { ok: true, root };
}

function withoutLines(e: XmlElement): XmlElement {
  return { name: e.name, text: e.text, children: e.children.map(withoutLines) };
}
