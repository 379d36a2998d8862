/** An element of a parsed XML document. */
export interface XmlElement {
  /** Local name (a namespace prefix is removed: `cin:Child` → `Child`). */
  readonly name: string;
  /** Attributes by local name. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Child elements, in document order. */
  readonly children: readonly XmlElement[];
  /** The element's own text (entities decoded, CDATA kept), trimmed. */
  readonly text: string;
  /** 1-based line of the element's start tag. */
  readonly line: number;
}

/** Outcome of {@link parseXml}. */
export type ParseXmlResult = { ok: true; root: XmlElement } | { ok: false; error: string };

const NAME_RE = /^[A-Za-z_][\w.:-]*/;
const ATTR_RE = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Parse a well-formed XML document of the kind statutory returns use: elements, attributes, text,
 * entities (`&amp;` … and numeric), CDATA, comments, processing instructions and a DOCTYPE (skipped).
 * No external entities are ever resolved. A mismatched or unclosed tag fails with the line it is on.
 *
 * @param text - the document
 * @returns the root element, or an error naming the line
 * @example
 * ```ts
 * const r = parseXml("<Message><Children><Child><LAchildID>A1</LAchildID></Child></Children></Message>");
 * r.ok && r.root.children[0]?.children[0]?.children[0]?.text; // "A1"
 * ```
 */
export function parseXml(text: string): ParseXmlResult {
  const stack: {
    name: string;
    rawName: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    text: string;
    line: number;
  }[] = [];
  let root: XmlElement | null = null;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  const fail = (message: string, at = line): ParseXmlResult => ({
    ok: false,
    error: `line ${at}: ${message}`,
  });

  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = lt === -1 ? text.slice(i) : text.slice(i, lt);
    const top = stack[stack.length - 1];
    if (chunk.trim() !== "") {
      if (top === undefined) return fail("text outside the root element");
      const decoded = decodeEntities(chunk);
      if (decoded === null) return fail("an unknown entity (&…;) in text");
      top.text += decoded;
    }
    if (lt === -1) {
      advance(text.length);
      break;
    }
    advance(lt);
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end === -1) return fail("a comment is not closed");
      advance(end + 3);
    } else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i + 9);
      if (end === -1) return fail("a CDATA section is not closed");
      if (top === undefined) return fail("CDATA outside the root element");
      top.text += text.slice(i + 9, end);
      advance(end + 3);
    } else if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i + 2);
      if (end === -1) return fail("a processing instruction is not closed");
      advance(end + 2);
    } else if (text.startsWith("<!", i)) {
      const end = text.indexOf(">", i + 2);
      if (end === -1) return fail("a declaration is not closed");
      advance(end + 1);
    } else if (text.startsWith("</", i)) {
      const end = text.indexOf(">", i);
      if (end === -1) return fail("an end tag is not closed");
      const rawName = text.slice(i + 2, end).trim();
      const open = stack.pop();
      if (open === undefined) return fail(`end tag </${rawName}> without a start tag`);
      if (open.rawName !== rawName)
        return fail(`end tag </${rawName}> does not close <${open.rawName}> (line ${open.line})`);
      const element: XmlElement = {
        name: open.name,
        attributes: open.attributes,
        children: open.children,
        text: open.text.trim(),
        line: open.line,
      };
      advance(end + 1);
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (root !== null) return fail("a second root element");
        root = element;
      } else parent.children.push(element);
    } else {
      const end = tagEnd(text, i);
      if (end === -1) return fail("a start tag is not closed");
      const inner = text.slice(i + 1, end);
      const selfClosing = inner.endsWith("/");
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const nameMatch = NAME_RE.exec(body);
      if (nameMatch === null) return fail("a tag without a name");
      const rawName = nameMatch[0];
      const attributes: Record<string, string> = {};
      for (const m of body.slice(rawName.length).matchAll(ATTR_RE)) {
        const value = decodeEntities(m[3] ?? m[4] ?? "");
        if (value === null) return fail("an unknown entity (&…;) in an attribute");
        attributes[localName(m[1] ?? "")] = value;
      }
      const startLine = line;
      advance(end + 1);
      if (root !== null && stack.length === 0) return fail("a second root element", startLine);
      const open = {
        name: localName(rawName),
        rawName,
        attributes,
        children: [] as XmlElement[],
        text: "",
        line: startLine,
      };
      if (selfClosing) {
        const element: XmlElement = { name: open.name, attributes, children: [], text: "", line: startLine };
        const parent = stack[stack.length - 1];
        if (parent === undefined) root = element;
        else parent.children.push(element);
      } else stack.push(open);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed !== undefined) return fail(`<${unclosed.rawName}> is never closed`, unclosed.line);
  if (root === null) return fail("the document has no element");
  return { ok: true, root };
}

/** Index of the `>` that ends the tag starting at `start`, skipping `>` inside quoted attribute values. */
function tagEnd(text: string, start: number): number {
  let quote: string | null = null;
  for (let k = start + 1; k < text.length; k++) {
    const c = text[k];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return k;
    else if (c === "<") return -1;
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

function decodeEntities(text: string): string | null {
  let ok = true;
  const out = text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);/g, (_whole, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    const named = ENTITIES[entity];
    if (named === undefined) ok = false;
    return named ?? "";
  });
  return ok ? out : null;
}

/**
 * The first child element with a local name, or `undefined`.
 *
 * @param element - the parent
 * @param name - the child's local name
 * @returns the child
 * @example
 * ```ts
 * childElement(child, "ChildIdentifiers")?.line; // 4
 * ```
 */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/**
 * Every child element with a local name.
 *
 * @param element - the parent
 * @param name - the children's local name
 * @returns the children, in document order
 * @example
 * ```ts
 * childElements(cinDetails, "Assessments").length; // 2
 * ```
 */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/**
 * The text of the first child element with a local name, `""` when there is none.
 *
 * @param element - the parent
 * @param name - the child's local name
 * @returns its text
 * @example
 * ```ts
 * childText(identifiers, "LAchildID"); // "A1"
 * ```
 */
export function childText(element: XmlElement, name: string): string {
  return childElement(element, name)?.text ?? "";
}
