import { XMLParser, XMLValidator } from "fast-xml-parser";

/** One XML element: its name, its own text (trimmed; `""` for none), its child elements and its line. */
export interface XmlElement {
  readonly name: string;
  readonly text: string;
  readonly children: readonly XmlElement[];
  /** The line of its opening tag (1-based), when known. */
  readonly line?: number;
}

/** A character reference that names no XML character (`&#x110000;`, `&#xD800;`, `&#1;`), and its line. */
export interface InvalidReference {
  readonly line: number;
  /** The reference as written. */
  readonly reference: string;
}

/** The outcome of {@link readXmlTree}. */
export type XmlTree =
  | {
      readonly ok: true;
      readonly root: XmlElement;
      /** Character references that name no character, each read as U+FFFD (�) in the element's text. */
      readonly invalidReferences: readonly InvalidReference[];
    }
  | { readonly ok: false; readonly problem: string };

/** The character U+FFFD that stands for a character reference naming no character. */
export const REPLACEMENT_CHARACTER = "\uFFFD";

/** Whether a code point is a character XML 1.0 allows. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Characters a resolved reference must stay escaped as, not to become markup. */
const MARKUP: Readonly<Record<number, string>> = {
  38: "&amp;",
  60: "&lt;",
  62: "&gt;",
  34: "&quot;",
  39: "&apos;",
};

/**
 * Resolve the character references (the parser leaves `&#233;` as written), each naming no character
 * replaced by U+FFFD and noted with its line.
 */
function replaceInvalidReferences(text: string): { text: string; invalid: InvalidReference[] } {
  const invalid: InvalidReference[] = [];
  if (!text.includes("&#")) return { text, invalid };
  let line = 1;
  let scanned = 0;
  const found = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&#(x[0-9A-Fa-f]+|[0-9]+);/g;
  const out = text.replace(found, (reference: string, digits: string | undefined, at: number) => {
    if (digits === undefined) return reference; // CDATA and comments hold no references
    for (let k = scanned; k < at; k++) if (text.charCodeAt(k) === 10) line += 1;
    scanned = at;
    const cp = digits.startsWith("x") ? Number.parseInt(digits.slice(1), 16) : Number.parseInt(digits, 10);
    if (isXmlChar(cp)) return MARKUP[cp] ?? String.fromCodePoint(cp);
    invalid.push({ line, reference });
    return REPLACEMENT_CHARACTER;
  });
  return { text: out, invalid };
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  // Character references are resolved before parsing (replaceInvalidReferences); HTML's named entities are not XML.
  htmlEntities: false,
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
 * with its opening tag's line. Entities and character references are resolved (a DOCTYPE's internal
 * subset included); a
 * character reference that names no character (`&#x110000;`, outside Unicode, or a surrogate) does not
 * fail the file: it reads as U+FFFD and is listed with its line in `invalidReferences`, so a mapping can
 * say which value it spoilt; namespace prefixes are dropped (`cin:Message` is `Message`); attributes are
 * not read (statutory messages carry data only in elements). A file that is not well-formed is a problem
 * naming the line.
 *
 * @param text - the decoded text
 * @returns the root element, or the problem
 * @example
 * ```ts
 * const t = readXmlTree("<A>\n  <B>x</B>\n</A>");
 * t.ok && t.root.children[0]; // { name: "B", text: "x", children: [], line: 2 }
 * const bad = readXmlTree("<A>\n<B>x&#x110000;</B>\n</A>");
 * bad.ok && bad.invalidReferences; // [{ line: 2, reference: "&#x110000;" }]
 * bad.ok && bad.root.children[0]?.text; // "x\uFFFD"
 * ```
 */
export function readXmlTree(source: string): XmlTree {
  const { text, invalid } = replaceInvalidReferences(source);
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
  if (next !== lines.length) return { ok: true, root: withoutLines(root), invalidReferences: invalid };
  return { ok: true, root, invalidReferences: invalid };
}

function withoutLines(e: XmlElement): XmlElement {
  return { name: e.name, text: e.text, children: e.children.map(withoutLines) };
}
